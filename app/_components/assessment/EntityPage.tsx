'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePageQuery } from '../usePageQuery';
import { totalPoints } from '@/shared/assessmentScheme';
import type { IndicatorResult } from '@/server/assessment/score';
import { EChart } from '../charts/EChart';
import { Stat } from '../Stat';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { AssessmentFilters } from './AssessmentFilters';
import { fill, formatPoints, inputsText, itemsLink, methodText, movementWords } from './explain';
import { historyOption, radarOption } from './options';
import { periodLabel, readRankingParams, withParams, type Level } from './periodKeys';
import { MovementCell } from './rankingColumns';

/**
 * One district's or unit's assessment: total, rank and movement; every indicator's method, inputs, calculation, points
 * lost and the items behind it (within the caller's scope; otherwise a note says why not); total and rank over twelve
 * months; and a radar of its scores against the average and the best.
 */
export function EntityPage({ level, code, defaultMonth, currentMonth }: { level: Level; code: string; defaultMonth: string; currentMonth: string }) {
  const { t, locale } = useI18n();
  const a = t.assessmentPage;
  const trpc = useTRPC();
  const { params, replaceQuery } = usePageQuery();
  const { period } = readRankingParams(params, defaultMonth);
  const entity = useQuery(trpc.assessment.entity.queryOptions({ level, code, period }));
  const e = entity.data;
  const back = withParams('/assessment', { level, period });

  const header = (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <Link href={back} className="no-print text-sm text-brand-700 hover:underline">
          ← {a.backToRanking}
        </Link>
        <h1 className="text-xl font-semibold" data-testid="entity-name">
          {e ? e.row.name : code}
        </h1>
        <p className="text-sm text-slate-500">
          {a.levels[level]} · {periodLabel(period, locale)}
          {e && (
            <>
              {' '}
              · {a.asOf} {e.ranking.asOf} · {a.scheme} {e.ranking.scheme.name}（v{e.ranking.scheme.version}）
            </>
          )}
        </p>
      </div>
      <AssessmentFilters
        value={{ level, period }}
        onChange={(next) => replaceQuery(new URLSearchParams({ period: next.period }), { scroll: false })}
        currentMonth={currentMonth}
        fixedLevel
      />
    </div>
  );

  if (!e) {
    return (
      <div className="space-y-4">
        {header}
        <Panel title={a.explanation}>
          <LoadState isLoading={entity.isLoading} error={entity.error} onRetry={() => void entity.refetch()} />
        </Panel>
      </div>
    );
  }

  const itemsWindow = { from: e.ranking.period.from, to: e.ranking.period.to, asOf: e.ranking.asOf };
  const method = (c: string) => e.ranking.scheme.indicators.find((i) => i.code === c);
  const maxTotal = totalPoints(e.ranking.scheme.indicators);
  const columns: Array<Column<IndicatorResult>> = [
    {
      key: 'indicator',
      header: a.indicator,
      value: (r) => r.name,
      render: (r) => <span title={method(r.code)?.description || undefined}>{r.name}</span>,
    },
    { key: 'method', header: a.method, value: (r) => { const m = method(r.code); return m ? methodText(m.method, a) : ''; } },
    {
      key: 'inputs',
      header: a.inputsCol,
      value: (r) => (e.row.explained ? inputsText(r, a) : a.notExplainedShort),
      render: (r) => (e.row.explained ? inputsText(r, a) || '—' : <span className="text-slate-400">{a.notExplainedShort}</span>),
    },
    { key: 'rule', header: a.rule, value: (r) => (e.row.explained ? r.rule : ''), render: (r) => (e.row.explained ? <span className="text-xs text-slate-600">{r.rule}</span> : '—') },
    { key: 'score', header: a.score, value: (r) => r.score, align: 'right', render: (r) => <b>{formatPoints(r.score)}</b> },
    { key: 'max', header: a.maxPoints, value: (r) => r.max, align: 'right', render: (r) => formatPoints(r.max) },
    {
      key: 'lost',
      header: a.lost,
      value: (r) => r.lost,
      align: 'right',
      render: (r) => (r.lost > 0 ? <span className="text-red-700">−{formatPoints(r.lost)}</span> : <span className="text-slate-400">0</span>),
    },
    {
      key: 'items',
      header: a.items,
      value: () => null,
      render: (r) => {
        const href = e.row.explained ? itemsLink(r.metric, level, e.row.code, itemsWindow) : null;
        return href ? (
          <Link className="text-brand-700 underline-offset-2 hover:underline" href={href}>
            {a.openItems}
          </Link>
        ) : (
          <span className="text-slate-400">{a.noItems}</span>
        );
      },
    },
  ];

  return (
    <div className="space-y-4">
      {header}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Stat label={a.scoreLabel} value={`${formatPoints(e.row.total)} / ${formatPoints(maxTotal)}`} testId="entity-total" />
        <Stat label={a.rankLabel} value={fill(a.rankOf, { rank: e.row.rank, n: e.ranking.entities })} testId="entity-rank" />
        <Stat label={a.movementLabel} value={<MovementCell movement={e.row.movement} labels={a} />} sub={movementWords(e.row.movement, a)} testId="entity-movement" />
      </div>

      <Panel title={a.explanation} note={a.explanationNote}>
        {!e.row.explained && (
          <p role="note" data-testid="not-explained" className="mb-2 rounded bg-amber-50 p-2 text-sm text-amber-800">
            {a.notExplained}
          </p>
        )}
        <div data-testid="entity-explanation">
          <DataTable rows={e.row.indicators} columns={columns} exportName={`assessment-${level}-${e.row.code}-${period}`} />
        </div>
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title={a.history} note={a.historyNote}>
          {e.history.length === 0 ? (
            <p className="py-8 text-center text-sm text-slate-500">{t.common.empty}</p>
          ) : (
            <EChart label={a.history} height={300} option={historyOption(e.history, { total: a.totalSeries, rank: a.rankSeries, unit: a.points }, maxTotal)} />
          )}
        </Panel>
        <Panel title={a.radar} note={a.radarNote}>
          <div data-testid="entity-radar">
            <EChart label={a.radar} height={300} option={radarOption(e.comparison, { self: a.self, average: a.cityAverage, best: a.best })} />
          </div>
        </Panel>
      </div>
    </div>
  );
}
