'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { Indicator } from '@/shared/assessmentScheme';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { AssessmentFilters, useRankingParams } from './AssessmentFilters';
import { formatPoints, methodText } from './explain';
import { periodLabel, withParams, type Level } from './periodKeys';
import { rankingColumns, type RankedRow } from './rankingColumns';
import { changed, draftProblems, draftTotal, patchIndicator, toNumber, type Draft } from './whatIf';

/** Thresholds are fractions; the form shows percentages. */
const asPercent = (x: number) => Math.round(x * 10000) / 100;

/**
 * What-if: the period's scheme as an editable table (points, thresholds, deductions, defaults), and on "计算" the
 * ranking it would give next to the current one, computed by the server on the same figures. Nothing is saved.
 */
export function WhatIfPage({ defaultMonth, currentMonth }: { defaultMonth: string; currentMonth: string }) {
  const { t, locale } = useI18n();
  const a = t.assessmentPage;
  const trpc = useTRPC();
  const { filters, set } = useRankingParams(defaultMonth);
  const ranking = useQuery(trpc.assessment.ranking.queryOptions({ period: filters.period, level: filters.level }));
  const scheme = ranking.data?.scheme;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href={withParams('/assessment', filters)} className="no-print text-sm text-brand-700 hover:underline">
            ← {a.backToRanking}
          </Link>
          <h1 className="text-xl font-semibold">{a.whatIfTitle}</h1>
          <p className="text-sm text-slate-500">
            {periodLabel(filters.period, locale)} · {a.levels[filters.level]}
          </p>
        </div>
        <AssessmentFilters value={{ level: filters.level, period: filters.period }} onChange={set} currentMonth={currentMonth} />
      </div>
      <p role="note" data-testid="simulation-only" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm font-medium text-amber-900">
        {a.simulationOnly}
      </p>
      {scheme ? (
        <WhatIfEditor key={`${filters.level}|${filters.period}|${scheme.version}`} level={filters.level} period={filters.period} scheme={scheme.indicators} schemeName={`${scheme.name}（v${scheme.version}）`} />
      ) : (
        <Panel title={a.whatIfTitle}>
          <LoadState isLoading={ranking.isLoading} error={ranking.error} onRetry={() => void ranking.refetch()} />
        </Panel>
      )}
    </div>
  );
}

function WhatIfEditor({ level, period, scheme, schemeName }: { level: Level; period: string; scheme: Indicator[]; schemeName: string }) {
  const { t } = useI18n();
  const a = t.assessmentPage;
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Draft>(scheme);
  const [formKey, setFormKey] = useState(0);
  const [submitted, setSubmitted] = useState<Draft | null>(null);
  const problems = draftProblems(draft, a.notANumber);
  const total = draftTotal(draft);
  const result = useQuery({
    ...trpc.assessment.whatIf.queryOptions({ period, level, indicators: submitted ?? scheme }),
    enabled: submitted !== null,
  });
  const patch = (code: string, change: Parameters<typeof patchIndicator>[2]) => setDraft((d) => patchIndicator(d, code, change));
  const num = 'w-20 rounded border border-slate-300 px-1 py-0.5 text-right tabular-nums';

  const data = result.data;
  const columns = data
    ? rankingColumns<RankedRow>({ labels: a, scheme: data.current.scheme, level, period, indicators: false })
    : [];
  const whatIfColumns = data
    ? rankingColumns<RankedRow>({ labels: a, scheme: data.whatIf.scheme, level, period, indicators: false, movementHeader: a.rankChange })
    : [];

  return (
    <>
      <Panel title={`${a.scheme}：${schemeName}`} note={a.whatIfNote}>
        <div className="overflow-x-auto" key={formKey}>
          <table className="w-full text-sm" data-testid="what-if-editor">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-500">
                <th className="px-2 py-2 font-medium">{a.indicator}</th>
                <th className="px-2 py-2 font-medium">{a.method}</th>
                <th className="px-2 py-2 text-right font-medium">{a.maxPoints}</th>
                <th className="px-2 py-2 font-medium">{a.params}</th>
              </tr>
            </thead>
            <tbody>
              {draft.map((ind, i) => {
                const original = scheme[i]!;
                return (
                  <tr key={ind.code} className="border-b border-slate-100 align-top">
                    <td className="px-2 py-1.5" title={ind.description || undefined}>
                      {ind.name}
                      <span className="ml-1 text-xs text-slate-400">{ind.code}</span>
                    </td>
                    <td className="px-2 py-1.5 text-xs text-slate-500">{methodText(original.method, a)}</td>
                    <td className="px-2 py-1.5 text-right">
                      <input
                        type="number"
                        min={0}
                        max={100}
                        step="any"
                        aria-label={`${ind.name} ${a.maxPoints}`}
                        defaultValue={original.maxPoints}
                        onChange={(e) => patch(ind.code, { maxPoints: toNumber(e.target.value) })}
                        className={num}
                      />
                    </td>
                    <td className="px-2 py-1.5">
                      <MethodFields ind={original} onChange={(m) => patch(ind.code, { method: m })} inputClass={num} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <td className="px-2 py-2 font-medium" colSpan={2}>
                  {a.maxTotal}
                </td>
                <td className="px-2 py-2 text-right font-semibold tabular-nums" data-testid="what-if-total">
                  {Number.isFinite(total) ? formatPoints(total) : '—'}
                </td>
                <td className="px-2 py-2 text-xs text-amber-700">{Number.isFinite(total) && total !== 100 ? a.notHundred : ''}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {problems.length > 0 && (
          <div role="alert" className="mt-2 text-sm text-red-700">
            {a.invalid}
            <ul className="list-disc pl-5">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="mt-3 flex gap-2">
          <button
            type="button"
            disabled={problems.length > 0}
            onClick={() => setSubmitted(draft)}
            className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-900 disabled:opacity-40"
          >
            {a.compute}
          </button>
          <button
            type="button"
            disabled={!changed(draft, scheme)}
            onClick={() => {
              setDraft(scheme);
              setFormKey((k) => k + 1);
            }}
            className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-40"
          >
            {a.reset}
          </button>
        </div>
      </Panel>

      {submitted === null ? (
        <p className="py-4 text-center text-sm text-slate-500">{a.whatIfEmpty}</p>
      ) : !data ? (
        <Panel title={a.simulated}>
          <LoadState isLoading={result.isLoading} error={result.error} onRetry={() => void result.refetch()} />
        </Panel>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2" data-testid="what-if-result">
          <Panel title={`${a.current}（${a.maxTotal} ${formatPoints(draftTotal(data.current.scheme.indicators))}）`}>
            <div data-testid="what-if-current">
              <DataTable rows={data.current.rows} columns={columns} exportName={`assessment-${level}-${period}-current`} />
            </div>
          </Panel>
          <Panel title={`${a.simulated}（${a.maxTotal} ${formatPoints(data.whatIf.maxTotal)}）`}>
            <div data-testid="what-if-simulated">
              <DataTable rows={data.whatIf.rows} columns={whatIfColumns} exportName={`assessment-${level}-${period}-what-if`} />
            </div>
          </Panel>
        </div>
      )}
    </>
  );
}

/** The parameters of an indicator's method, as form fields (the kind itself is not editable here). */
function MethodFields({ ind, onChange, inputClass }: { ind: Indicator; onChange: (m: Record<string, unknown>) => void; inputClass: string }) {
  const { t } = useI18n();
  const a = t.assessmentPage;
  const m = ind.method;
  const label = 'mr-3 inline-flex items-center gap-1 text-xs text-slate-600';
  switch (m.kind) {
    case 'threshold':
      return (
        <>
          <label className={label}>
            {a.lo}
            <input type="number" min={0} max={100} step="any" aria-label={`${ind.name} ${a.lo}`} defaultValue={asPercent(m.lo)} onChange={(e) => onChange({ lo: toNumber(e.target.value) / 100 })} className={inputClass} />%
          </label>
          <label className={label}>
            {a.hi}
            <input type="number" min={0} max={100} step="any" aria-label={`${ind.name} ${a.hi}`} defaultValue={asPercent(m.hi)} onChange={(e) => onChange({ hi: toNumber(e.target.value) / 100 })} className={inputClass} />%
          </label>
        </>
      );
    case 'deduction':
      return (
        <label className={label}>
          {a.perItem}
          <input type="number" min={0} step="any" aria-label={`${ind.name} ${a.perItem}`} defaultValue={m.perItem} onChange={(e) => onChange({ perItem: toNumber(e.target.value) })} className={inputClass} />
        </label>
      );
    case 'rate':
      return (
        <label className={label}>
          {a.whenUndefined}
          <select aria-label={`${ind.name} ${a.whenUndefined}`} defaultValue={m.whenUndefined} onChange={(e) => onChange({ whenUndefined: e.target.value === 'zero' ? 'zero' : 'full' })} className="rounded border border-slate-300 px-1 py-0.5">
            <option value="full">{a.whenUndefinedOptions.full}</option>
            <option value="zero">{a.whenUndefinedOptions.zero}</option>
          </select>
        </label>
      );
    case 'manual':
      return (
        <label className={label}>
          {a.defaultScore}
          <input
            type="number"
            min={0}
            step="any"
            aria-label={`${ind.name} ${a.defaultScore}`}
            defaultValue={m.defaultScore ?? ''}
            onChange={(e) => onChange({ defaultScore: e.target.value.trim() === '' ? null : toNumber(e.target.value) })}
            className={inputClass}
          />
        </label>
      );
    case 'target':
      return <span className="text-xs text-slate-400">—</span>;
  }
}
