'use client';

import { useQuery } from '@tanstack/react-query';
import { usePageQuery } from '../usePageQuery';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../I18nProvider';
import { useTRPC } from '../TrpcProvider';
import { AttentionList } from './AttentionList';
import { IngestionCard, PublicityCard, SanctionsCard } from './cards';
import type { CockpitInitial } from './initial';
import type { LinkContext } from './links';
import { RankingCard } from './RankingCard';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 总览, the leaders' cockpit: one screen with a card per area (headline of the year to date against its target, the
 * 12-month trend, a link to the area) and the short list of what needs attention now. The date it is computed for
 * lives in the URL (`asOf`, default today) and travels with every link. The figures come computed with the page
 * (`initial`); a card without them fetches its own.
 */
export function OverviewPage({ initial = {} }: { initial?: CockpitInitial }) {
  const { t } = useI18n();
  const o = t.overview;
  const { params, replaceQuery } = usePageQuery();
  const raw = params.get('asOf');
  const asOf = raw && DATE.test(raw) ? raw : undefined;
  const input = useMemo(() => ({ asOf }), [asOf]);
  const context = useCallback((period: LinkContext['period']): LinkContext => ({ period, explicitAsOf: asOf !== undefined }), [asOf]);

  const setAsOf = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('asOf', value);
    else next.delete('asOf');
    replaceQuery(next);
  };

  // The ranking's month is asOf's month as the server resolved it (today may be pinned there); same query as the
  // 归集 card, so no extra request.
  const trpc = useTRPC();
  const resolved = useQuery(trpc.overview.cockpit.ingestion.queryOptions(input, { initialData: initial.ingestion }));
  const month = resolved.data?.period.month ?? asOf?.slice(0, 7);
  const initialRanking = initial.ranking && initial.ranking.period === month ? initial.ranking.rows : undefined;
  const ranking = useQuery(
    trpc.assessment.ranking.queryOptions(
      { period: month ?? '', level: 'district' },
      {
        enabled: month !== undefined && initialRanking === undefined,
        select: (r) => r.rows.map(({ code, name, total, rank, movement }) => ({ code, name, total, rank, movement })),
      },
    ),
  );
  const rankingRows = initialRanking ?? ranking.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{o.title}</h1>
          <p className="text-xs text-slate-500">{o.subtitle}</p>
        </div>
        <form className="no-print flex items-center gap-2 text-sm" onSubmit={(e) => e.preventDefault()}>
          <label className="flex items-center gap-2">
            <span className="text-slate-500">{o.asOf}</span>
            <input
              type="date"
              aria-label={o.asOf}
              className="rounded border border-slate-300 px-2 py-1"
              defaultValue={asOf}
              key={asOf ?? 'today'}
              onChange={(e) => setAsOf(e.target.value)}
            />
          </label>
          {asOf && (
            <button type="button" className="text-xs underline" onClick={() => setAsOf('')}>
              {o.backToToday}
            </button>
          )}
        </form>
      </div>

      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        <IngestionCard input={input} context={context} initialData={initial.ingestion} />
        <PublicityCard input={input} context={context} initialData={initial.publicity} />
        <SanctionsCard input={input} context={context} initialData={initial.sanctions} />
        <RankingCard period={month ?? ''} rows={rankingRows} isLoading={rankingRows === undefined && (month === undefined ? resolved.isLoading : ranking.isLoading)} />
      </div>

      <AttentionList input={input} context={context} initialData={initial.attention} />
    </div>
  );
}
