'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { formatInt, formatRate } from '../format';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { fill, useDashboard } from './useDashboard';
import type { RouterOutputs } from '../routerTypes';

type Row = RouterOutputs['ingestion']['submissions']['rows'][number];

/** Missing submissions per unit (windows due with nothing received) and the last time each unit sent anything. */
export function MissingView() {
  const { t, filters, link } = useDashboard();
  const trpc = useTRPC();
  const data = useQuery(trpc.ingestion.submissions.queryOptions(filters));
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const itemsLink = (extra: Record<string, string | undefined>) =>
    link('/ingestion/items', { status: 'missing', from: data.data?.from, to: data.data?.to, ...extra });

  const freq = (k: keyof Row['missingByFrequency']): Column<Row> => ({
    key: k,
    header: t.frequencies[k],
    value: (r) => r.missingByFrequency[k],
    render: (r) => (r.missingByFrequency[k] ? formatInt(r.missingByFrequency[k]) : <span className="text-slate-300">0</span>),
    align: 'right',
  });
  const columns: Array<Column<Row>> = [
    { key: 'unit', header: t.filters.unit, value: (r) => r.unitName },
    { key: 'district', header: t.filters.district, value: (r) => districtName.get(r.districtCode) ?? r.districtCode },
    { key: 'expected', header: t.missing.expected, value: (r) => r.expected, render: (r) => formatInt(r.expected), align: 'right' },
    {
      key: 'missing',
      header: t.missing.missing,
      value: (r) => r.missing,
      render: (r) =>
        r.missing > 0 ? (
          <Link className="font-semibold text-red-700 underline" href={itemsLink({ unit: r.unitCode })}>
            {formatInt(r.missing)}
          </Link>
        ) : (
          '0'
        ),
      align: 'right',
    },
    {
      key: 'rate',
      header: t.missing.rate,
      value: (r) => (r.expected ? r.missing / r.expected : null),
      render: (r) => formatRate(r.expected ? r.missing / r.expected : null),
      align: 'right',
    },
    freq('daily'),
    freq('weekly'),
    freq('monthly'),
    freq('quarterly'),
    { key: 'items', header: t.missing.itemsMissing, value: (r) => r.itemsMissing, align: 'right' },
    {
      key: 'last',
      header: t.missing.lastReceived,
      value: (r) => r.lastReceivedAt,
      render: (r) => (r.lastReceivedAt ? r.lastReceivedAt.slice(0, 16) : <span className="text-red-700">{t.missing.never}</span>),
    },
    {
      key: 'since',
      header: t.missing.workdaysSince,
      value: (r) => r.workdaysSinceLast,
      render: (r) =>
        r.workdaysSinceLast === null ? '—' : <span className={r.workdaysSinceLast >= 10 ? 'font-semibold text-red-700' : ''}>{r.workdaysSinceLast}</span>,
      align: 'right',
    },
  ];

  return (
    <Panel title={t.missing.title} note={t.missing.note}>
      <LoadState isLoading={data.isLoading} error={data.error} onRetry={() => void data.refetch()} />
      {data.data && (
        <div className="space-y-2" data-testid="missing-table">
          <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            {data.data.last < data.data.from ? (
              <span>{t.missing.none}</span>
            ) : (
              <>
                <span>{fill(t.missing.windowsThrough, { last: data.data.last })}</span>
                <span>
                  {t.missing.missing}: <b className="tabular-nums" data-testid="missing-total">{formatInt(data.data.totals.missing)}</b> /{' '}
                  {formatInt(data.data.totals.expected)}
                </span>
                <Link className="text-brand-700 underline" href={itemsLink({})}>
                  {t.missing.viewItems}
                </Link>
              </>
            )}
          </p>
          <DataTable rows={data.data.rows} columns={columns} exportName={`missing-${data.data.from}-${data.data.last}`} />
        </div>
      )}
    </Panel>
  );
}
