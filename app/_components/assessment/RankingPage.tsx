'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { totalPoints } from '@/shared/assessmentScheme';
import { EChart } from '../charts/EChart';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { AssessmentFilters, useRankingParams } from './AssessmentFilters';
import { totalsOption } from './options';
import { kindOf, periodLabel, withParams } from './periodKeys';
import { rankingColumns, type RankedRow } from './rankingColumns';
import { SchemePanel } from './SchemePanel';

/** Bars stay readable up to this many entities; the units of all districts are too many for one chart. */
const MAX_BARS = 40;

/**
 * 考核排名: the ranking of all districts or member units for a period (filters in the URL), the scheme it was scored
 * under, totals as bars, and links to each entity's page, the what-if panel and the monthly report.
 */
export function RankingPage({ defaultMonth, currentMonth }: { defaultMonth: string; currentMonth: string }) {
  const { t, locale } = useI18n();
  const a = t.assessmentPage;
  const trpc = useTRPC();
  const { filters, set } = useRankingParams(defaultMonth);
  const ranking = useQuery(trpc.assessment.ranking.queryOptions({ period: filters.period, level: filters.level }));
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const assessedDistricts = useMemo(() => (districts.data ?? []).filter((d) => d.level === 'district'), [districts.data]);
  const districtName = useMemo(() => {
    const names = new Map((districts.data ?? []).map((d) => [d.code, d.name]));
    return (code: string) => names.get(code) ?? code;
  }, [districts.data]);

  const data = ranking.data;
  // Units narrowed to a district keep their city-wide rank.
  const rows: RankedRow[] = useMemo(
    () => (data?.rows ?? []).filter((r) => !filters.district || r.districtCode === filters.district),
    [data, filters.district],
  );
  const columns = useMemo(
    () => (data ? rankingColumns<RankedRow>({ labels: a, scheme: data.scheme, level: filters.level, period: filters.period, districtName }) : []),
    [a, data, filters.level, filters.period, districtName],
  );
  const maxTotal = data ? totalPoints(data.scheme.indicators) : 100;
  const exportName = `assessment-${filters.level}-${filters.period}${filters.district ? `-${filters.district}` : ''}`;
  const keep = { level: filters.level, period: filters.period };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{a.title}</h1>
          <p className="text-sm text-slate-500">
            {periodLabel(filters.period, locale)} · {a.levels[filters.level]}
            {data && (
              <>
                {' '}
                · {a.asOf} <span data-testid="as-of">{data.asOf}</span>
              </>
            )}
          </p>
        </div>
        <div className="no-print flex flex-wrap items-center gap-2 text-sm">
          <Link className="rounded border border-brand-700 px-2 py-1 text-brand-700 hover:bg-brand-50" href={withParams('/assessment/what-if', keep)}>
            {a.whatIfLink}
          </Link>
          {kindOf(filters.period) === 'month' && (
            <Link className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" href={`/assessment/report?period=${filters.period}`}>
              {a.reportLink}
            </Link>
          )}
          <a className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" href={`/api/v1/assessment?period=${encodeURIComponent(filters.period)}&level=${filters.level}`}>
            {a.apiJson}
          </a>
        </div>
      </div>
      <AssessmentFilters value={filters} onChange={set} currentMonth={currentMonth} districts={assessedDistricts} />

      {ranking.isLoading || ranking.error ? (
        <Panel title={a.ranking}>
          <LoadState isLoading={ranking.isLoading} error={ranking.error} onRetry={() => void ranking.refetch()} />
        </Panel>
      ) : data ? (
        <>
          <SchemePanel scheme={data.scheme} previousSchemeVersion={data.previousSchemeVersion} previousPeriod={data.previousPeriod} />
          <Panel title={a.ranking} note={a.rankingNote}>
            <div data-testid="assessment-ranking">
              <DataTable rows={rows} columns={columns} exportName={exportName} />
            </div>
          </Panel>
          {rows.length > 0 && rows.length <= MAX_BARS && (
            <Panel title={a.totalsChart} note={a.totalsChartNote}>
              <EChart label={a.totalsChart} height={300} option={totalsOption(rows, { total: a.total, average: a.average, unit: a.points }, maxTotal)} />
            </Panel>
          )}
        </>
      ) : null}
    </div>
  );
}
