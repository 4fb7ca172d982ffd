'use client';

import Link from 'next/link';
import type { SchemeSummary } from '@/server/metrics/assessment/ranking';
import type { IndicatorResult } from '@/server/assessment/score';
import type { Column } from '../table/DataTable';
import { formatPoints, movementMark, movementWords, MOVEMENT_CLASS, type Labels } from './explain';
import { entityHref, type Level } from './periodKeys';

export type RankedRow = {
  code: string;
  name: string;
  districtCode: string;
  total: number;
  rank: number;
  movement: number | null;
  previousRank: number | null;
  indicators: IndicatorResult[];
};

/** ↑n / ↓n / — with the movement in words on hover. */
export function MovementCell({ movement, labels }: { movement: number | null; labels: Labels }) {
  const m = movementMark(movement);
  return (
    <span className={`font-medium tabular-nums ${MOVEMENT_CLASS[m.tone]}`} title={movementWords(movement, labels)} data-movement={m.tone}>
      {m.text}
    </span>
  );
}

/**
 * Columns of a ranking: rank, movement, name (to the entity page of the same period), district (units), total and one
 * column per indicator (score; the header carries the maximum). Values are what the CSV export writes.
 */
export function rankingColumns<R extends RankedRow>(opts: {
  labels: Labels;
  scheme: SchemeSummary;
  level: Level;
  period: string;
  districtName?: (code: string) => string;
  indicators?: boolean;
  movementHeader?: string;
}): Array<Column<R>> {
  const { labels: a, scheme, level, period } = opts;
  const cols: Array<Column<R>> = [
    { key: 'rank', header: a.rank, value: (r) => r.rank, align: 'right' },
    {
      key: 'movement',
      header: opts.movementHeader ?? a.movement,
      value: (r) => r.movement,
      align: 'right',
      render: (r) => <MovementCell movement={r.movement} labels={a} />,
    },
    {
      key: 'name',
      header: a.name,
      value: (r) => r.name,
      render: (r) => (
        <Link className="text-brand-700 hover:underline" href={entityHref(level, r.code, period)}>
          {r.name}
        </Link>
      ),
    },
  ];
  if (level === 'unit' && opts.districtName) {
    const name = opts.districtName;
    cols.push({ key: 'district', header: a.district, value: (r) => name(r.districtCode) });
  }
  cols.push({ key: 'total', header: a.total, value: (r) => r.total, align: 'right', render: (r) => <b>{formatPoints(r.total)}</b> });
  if (opts.indicators !== false) {
    for (const ind of scheme.indicators) {
      const score = (r: R) => r.indicators.find((i) => i.code === ind.code)?.score ?? null;
      cols.push({
        key: `ind-${ind.code}`,
        header: `${ind.name}（${formatPoints(ind.maxPoints)}）`,
        value: score,
        align: 'right',
        render: (r) => {
          const s = score(r);
          return <span className={s !== null && s < ind.maxPoints ? 'text-slate-900' : 'text-slate-400'}>{s === null ? '—' : formatPoints(s)}</span>;
        },
      });
    }
  }
  return cols;
}
