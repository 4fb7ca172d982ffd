'use client';

import Link from 'next/link';
import { useI18n } from '../I18nProvider';
import { fill } from '../publicity/filters';
import { cardLinks } from './links';

export type RankingRow = { code: string; name: string; total: number; rank: number; movement: number | null };

/** Top and bottom three of a ranking (rows in any order); bottom excludes rows already in the top when there are few. */
export function topAndBottom(rows: readonly RankingRow[], n = 3): { top: RankingRow[]; bottom: RankingRow[] } {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank || b.total - a.total || a.code.localeCompare(b.code));
  const top = sorted.slice(0, n);
  const bottom = sorted.slice(Math.max(n, sorted.length - n));
  return { top, bottom };
}

function Movement({ movement }: { movement: number | null }) {
  const { t } = useI18n();
  const r = t.overview.ranking;
  if (movement === null) return <span className="text-slate-400" title={r.new} aria-label={r.new}>·</span>;
  if (movement === 0) return <span className="text-slate-400" title={r.same} aria-label={r.same}>–</span>;
  const label = fill(movement > 0 ? r.up : r.down, { n: Math.abs(movement) });
  return (
    <span className={movement > 0 ? 'text-emerald-700' : 'text-red-700'} title={label} aria-label={label}>
      {movement > 0 ? '▲' : '▼'}
      {Math.abs(movement)}
    </span>
  );
}

function Rows({ rows, testId }: { rows: RankingRow[]; testId: string }) {
  const { t } = useI18n();
  return (
    <ol className="space-y-0.5 text-sm" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.code} className="flex items-center gap-2">
          <span className="w-6 text-right font-semibold tabular-nums text-slate-500">{r.rank}</span>
          <span className="flex-1 truncate" title={r.name}>
            {r.name}
          </span>
          <span className="tabular-nums">
            {r.total.toFixed(1)}
            <span className="ml-0.5 text-xs text-slate-500">{t.overview.ranking.points}</span>
          </span>
          <span className="w-8 text-right text-xs tabular-nums">
            <Movement movement={r.movement} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The districts' ranking of the month: top three and bottom three with their movement since the previous period,
 * and a link to the full ranking. Fed by the assessment module (trpc.assessment.ranking).
 */
export function RankingCard({ period, rows, isLoading }: { period: string; rows: RankingRow[] | undefined; isLoading: boolean }) {
  const { t } = useI18n();
  const r = t.overview.ranking;
  const { top, bottom } = topAndBottom(rows ?? []);
  return (
    <section className="flex min-h-[19rem] flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm" aria-label={r.title} data-testid="card-ranking">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">{r.title}</h2>
        <Link href={cardLinks.ranking(period)} prefetch={false} className="text-xs text-brand-700 underline" data-testid="card-ranking-link">
          {r.details}
        </Link>
      </div>
      <p className="text-xs text-slate-500">{period}</p>
      <div className="mt-2 flex-1">
        {isLoading ? (
          <p role="status" className="animate-pulse py-8 text-center text-sm text-slate-400">
            {t.common.loading}
          </p>
        ) : top.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-500">{r.empty}</p>
        ) : (
          <div className="space-y-2">
            <div>
              <h3 className="text-xs font-medium text-emerald-800">{r.top}</h3>
              <Rows rows={top} testId="ranking-top" />
            </div>
            {bottom.length > 0 && (
              <div>
                <h3 className="text-xs font-medium text-red-800">{r.bottom}</h3>
                <Rows rows={bottom} testId="ranking-bottom" />
              </div>
            )}
          </div>
        )}
      </div>
      <details className="mt-1 text-xs text-slate-500">
        <summary className="cursor-pointer select-none">{t.common.howComputed}</summary>
        <p className="mt-1">{r.note}</p>
      </details>
    </section>
  );
}
