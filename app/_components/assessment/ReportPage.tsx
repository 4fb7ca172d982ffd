'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePageQuery } from '../usePageQuery';
import { useI18n } from '../I18nProvider';
import { LoadState } from '../Panel';
import { DataTable } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { fill, formatPoints, highlightText, methodText, topAndBottom } from './explain';
import { periodLabel, readReportMonth, withParams } from './periodKeys';
import { rankingColumns, type RankedRow } from './rankingColumns';
import { namesWithTotals, reportDate, totalsSummary } from './report';

/**
 * 月度通报: the month's district ranking and each district's highlights, as a document to print (or save as PDF through
 * the browser's print). Controls are hidden in print; the page has no dashboard navigation.
 */
export function ReportPage({ defaultMonth, today, city }: { defaultMonth: string; today: string; city: string }) {
  const { t, locale } = useI18n();
  const a = t.assessmentPage;
  const trpc = useTRPC();
  const { params, replaceQuery } = usePageQuery();
  const { month, invalid } = readReportMonth(params, defaultMonth);
  const ranking = useQuery(trpc.assessment.ranking.queryOptions({ period: month, level: 'district' }));
  const data = ranking.data;
  const rows: RankedRow[] = data ? [...data.rows].sort((x, y) => x.rank - y.rank) : [];
  const summary = totalsSummary(rows);
  const { top, bottom } = topAndBottom(rows);
  const h2 = 'mt-6 mb-2 text-base font-semibold';

  return (
    <article className="text-sm leading-relaxed" data-testid="assessment-report">
      <style>{'@page { size: A4; margin: 15mm; }'}</style>
      <div className="no-print mb-4 flex flex-wrap items-center gap-3 border-b border-slate-200 pb-3">
        <Link href={withParams('/assessment', { level: 'district', period: month })} className="text-brand-700 hover:underline">
          ← {a.backToRanking}
        </Link>
        <label className="ml-auto">
          {a.reportMonth}{' '}
          <input
            type="month"
            aria-label={a.reportMonth}
            defaultValue={month}
            onChange={(e) => e.target.value && replaceQuery(new URLSearchParams({ period: e.target.value }))}
            className="rounded border border-slate-300 px-1 py-0.5"
          />
        </label>
        <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-900">
          {a.print}
        </button>
      </div>
      {invalid && (
        <p role="alert" className="no-print mb-3 rounded bg-amber-50 p-2 text-amber-800">
          {a.monthOnly}
        </p>
      )}

      <h1 className="text-center text-xl font-bold">{fill(a.reportTitle, { city, month: periodLabel(month, locale) })}</h1>
      <p className="mt-1 text-center text-slate-600">{fill(a.reportDate, { date: reportDate(today, a) })}</p>
      {data && (
        <p className="text-center text-xs text-slate-500" data-testid="report-basis">
          {fill(a.reportBasis, { scheme: `${data.scheme.name}（v${data.scheme.version}）`, asOf: reportDate(data.asOf, a) })}
        </p>
      )}

      <LoadState isLoading={ranking.isLoading} error={ranking.error} onRetry={() => void ranking.refetch()} />
      {data && rows.length === 0 && <p className="py-8 text-center text-slate-500">{t.common.empty}</p>}
      {data && summary && (
        <>
          <h2 className={h2}>{a.reportSummary}</h2>
          <p>
            {fill(a.reportSummaryText, { n: summary.n, avg: formatPoints(summary.avg), max: formatPoints(summary.max), min: formatPoints(summary.min) })}
          </p>
          <p data-testid="report-top">{fill(a.top3, { names: namesWithTotals(top, a) })}</p>
          {bottom.length > 0 && <p data-testid="report-bottom">{fill(a.bottom3, { names: namesWithTotals(bottom, a) })}</p>}

          <h2 className={h2}>{a.reportRanking}</h2>
          <div data-testid="report-ranking" className="text-xs">
            <DataTable rows={rows} columns={rankingColumns<RankedRow>({ labels: a, scheme: data.scheme, level: 'district', period: month })} exportName={`assessment-report-${month}`} />
          </div>

          <h2 className={h2}>{a.reportHighlights}</h2>
          <ol className="list-decimal space-y-1 pl-8" data-testid="report-highlights">
            {rows.map((r) => (
              <li key={r.code}>{highlightText(r, a)}</li>
            ))}
          </ol>

          <h2 className={h2}>{a.reportExplain}</h2>
          <ul className="list-disc space-y-0.5 pl-6 text-xs text-slate-700">
            {data.scheme.indicators.map((i) => (
              <li key={i.code}>
                {i.name}（{formatPoints(i.maxPoints)} {a.points}）：{methodText(i.method, a)}
                {i.description ? `。${i.description}` : ''}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-500">{a.schemeNote}</p>
        </>
      )}
    </article>
  );
}
