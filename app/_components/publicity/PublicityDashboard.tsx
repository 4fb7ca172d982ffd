'use client';

import type { PublicityKpiRow } from '@/server/metrics/publicity/kpi';
import { Stat } from '../Stat';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePageQuery } from '../usePageQuery';
import { useMemo } from 'react';
import { EChart } from '../charts/EChart';
import { formatInt, formatRate } from '../format';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { bucketDelays, itemsLink, rateTone, readFilters, TONE_CLASS, type PublicityParams } from './filters';
import { delayHistogramOption, splitOption, trendOption } from './options';
import { FilterBar, ItemsTable, RateBadge, usePublicityLabels } from './shared';

type KpiRow = PublicityKpiRow;

/** Lowest on-time rate first (what an inspector looks at), units with nothing due last. */
const worstFirst = (rows: readonly KpiRow[]) =>
  [...rows].sort((a, b) => (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) || b.overdue - a.overdue || a.key.localeCompare(b.key));

const formatDelay = (d: number | null | undefined) => (d === null || d === undefined ? '—' : d.toFixed(2));


/** A count that opens the items behind it. */
function CountLink({ n, href }: { n: number; href: string }) {
  if (n === 0) return <span className="text-slate-400">0</span>;
  return (
    <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
      {formatInt(n)}
    </Link>
  );
}

/** The 双公示 dashboard: filters in the URL, every figure with its 口径说明 and a way to the items behind it. */
export function PublicityDashboard() {
  const { t } = useI18n();
  const p = t.publicityPage;
  const labels = usePublicityLabels();
  const trpc = useTRPC();
  const { params, replaceQuery } = usePageQuery();
  const filters = readFilters(params);

  const byDistrict = useQuery(trpc.publicity.kpi.queryOptions({ ...filters, groupBy: 'district' }));
  const byUnit = useQuery(trpc.publicity.kpi.queryOptions({ ...filters, groupBy: 'unit' }));
  const byMonth = useQuery(trpc.publicity.kpi.queryOptions({ ...filters, groupBy: 'month' }));
  const byKind = useQuery(trpc.publicity.kpi.queryOptions({ ...filters, groupBy: 'catalog' }));
  const histogram = useQuery(trpc.publicity.delayHistogram.queryOptions(filters));
  const overdue = useQuery(trpc.publicity.items.queryOptions({ ...filters, status: ['overdue'], limit: 10 }));
  const late = useQuery(trpc.publicity.items.queryOptions({ ...filters, status: ['late'], limit: 10 }));
  const warning = useQuery(trpc.publicity.items.queryOptions({ ...filters, status: ['warning'], limit: 10 }));

  const setFilters = (next: PublicityParams) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
    replaceQuery(q);
  };

  const answer = byDistrict.data ?? byUnit.data;
  // The figures' own period (defaults filled in by the server) for the links, so drill-downs match exactly.
  const resolved: PublicityParams = answer ? { ...filters, from: answer.from, to: answer.to, asOf: answer.asOf } : filters;
  const total = byDistrict.data?.total;
  const calendarWarning = [byDistrict, byUnit, byMonth, byKind, histogram].some((q) => q.data?.calendarWarning);
  const buckets = useMemo(() => bucketDelays(histogram.data?.rows ?? []), [histogram.data]);

  const rateCell = (r: KpiRow) => <RateBadge rate={r.onTimeRate} />;
  const countColumns = (scope: (r: KpiRow) => Record<string, string>): Array<Column<KpiRow>> => [
    { key: 'due', header: p.due, value: (r) => r.due, render: (r) => <CountLink n={r.due} href={itemsLink(resolved, { ...scope(r), status: 'on_time,late,overdue' })} />, align: 'right' },
    { key: 'onTime', header: p.onTime, value: (r) => r.onTime, render: (r) => <CountLink n={r.onTime} href={itemsLink(resolved, { ...scope(r), status: 'on_time' })} />, align: 'right' },
    { key: 'late', header: p.late, value: (r) => r.late, render: (r) => <CountLink n={r.late} href={itemsLink(resolved, { ...scope(r), status: 'late' })} />, align: 'right' },
    { key: 'overdue', header: p.overdue, value: (r) => r.overdue, render: (r) => <CountLink n={r.overdue} href={itemsLink(resolved, { ...scope(r), status: 'overdue' })} />, align: 'right' },
    { key: 'pending', header: p.pending, value: (r) => r.pending, render: (r) => <CountLink n={r.pending} href={itemsLink(resolved, { ...scope(r), status: 'pending' })} />, align: 'right' },
    { key: 'onTimeRate', header: p.onTimeRate, value: (r) => r.onTimeRate, render: rateCell, align: 'right' },
    { key: 'avgDelay', header: p.avgDelayWorkdays, value: (r) => r.avgDelay, render: (r) => formatDelay(r.avgDelay), align: 'right' },
  ];
  const districtColumns: Array<Column<KpiRow>> = [
    { key: 'name', header: p.district, value: (r) => r.name },
    ...countColumns((r) => ({ district: r.key })),
  ];
  const unitColumns: Array<Column<KpiRow>> = [
    { key: 'name', header: p.unit, value: (r) => r.name },
    {
      key: 'district',
      header: p.district,
      value: (r) => byDistrict.data?.rows.find((d) => d.key === r.districtCode)?.name ?? r.districtCode ?? '',
    },
    ...countColumns((r) => ({ unit: r.key })),
  ];
  /** A month's decision dates, clipped to the period. */
  const monthRange = (key: string) => {
    const [y, m] = key.split('-').map(Number) as [number, number];
    const first = `${key}-01`;
    const last = `${key}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    return {
      from: resolved.from && resolved.from > first ? resolved.from : first,
      to: resolved.to && resolved.to < last ? resolved.to : last,
    };
  };
  const monthColumns: Array<Column<KpiRow>> = [
    { key: 'name', header: p.month, value: (r) => r.key },
    ...countColumns((r) => monthRange(r.key)),
  ];
  const kindColumns: Array<Column<KpiRow>> = [
    { key: 'name', header: p.kind, value: (r) => r.name },
    ...countColumns((r) => ({ kind: r.key === 'XK' ? 'license' : 'penalty' })),
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{p.title}</h1>
          <p className="text-xs text-slate-500">{p.subtitle}</p>
        </div>
      </div>
      <FilterBar filters={filters} resolved={answer} onChange={setFilters} />

      {calendarWarning && (
        <div role="alert" data-testid="calendar-warning" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {p.calendarWarning}
        </div>
      )}

      <Panel title={p.onTimeRate} note={p.statsNote}>
        <LoadState isLoading={byDistrict.isLoading} error={byDistrict.error} onRetry={() => void byDistrict.refetch()} />
        {total && (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
            <Stat
              label={p.rateWithTarget}
              value={formatRate(total.onTimeRate, 2)}
              tone={TONE_CLASS[rateTone(total.onTimeRate)].split(' ')[1]}
              testId="stat-rate"
            />
            <Stat label={p.due} value={formatInt(total.due)} href={itemsLink(resolved, { status: 'on_time,late,overdue' })} testId="stat-due" />
            <Stat label={p.onTime} value={formatInt(total.onTime)} href={itemsLink(resolved, { status: 'on_time' })} testId="stat-on-time" />
            <Stat label={p.late} value={formatInt(total.late)} href={itemsLink(resolved, { status: 'late' })} testId="stat-late" />
            <Stat label={p.overdue} value={formatInt(total.overdue)} href={itemsLink(resolved, { status: 'overdue' })} testId="stat-overdue" />
            <Stat label={p.pending} value={formatInt(total.pending)} href={itemsLink(resolved, { status: 'pending' })} testId="stat-pending" />
            <Stat label={p.avgDelayWorkdays} value={formatDelay(total.avgDelay)} testId="stat-delay" />
          </div>
        )}
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title={p.splitTitle} note={p.splitNote}>
          <LoadState isLoading={byDistrict.isLoading} error={byDistrict.error} />
          {total && (
            <>
              {total.due + total.pending > 0 ? (
                <EChart label={p.splitTitle} height={260} option={splitOption(total, labels.status)} />
              ) : (
                <p className="py-8 text-center text-sm text-slate-500">{t.common.empty}</p>
              )}
              <div className="flex flex-wrap justify-center gap-4 text-sm" data-testid="split-links">
                {(['onTime', 'late', 'overdue', 'pending'] as const).map((k) => (
                  <span key={k}>
                    {labels.status[k]}{' '}
                    <CountLink n={total[k]} href={itemsLink(resolved, { status: { onTime: 'on_time', late: 'late', overdue: 'overdue', pending: 'pending' }[k] })} />
                  </span>
                ))}
              </div>
            </>
          )}
        </Panel>
        <Panel title={p.histogramTitle} note={p.histogramNote}>
          <LoadState isLoading={histogram.isLoading} error={histogram.error} onRetry={() => void histogram.refetch()} />
          {histogram.data && (
            <>
              {histogram.data.total > 0 ? (
                <EChart
                  label={p.histogramTitle}
                  height={260}
                  option={delayHistogramOption(buckets, { axis: p.workdaysShort, count: p.delay, deadline: '7', unit: p.countUnit })}
                />
              ) : (
                <p className="py-8 text-center text-sm text-slate-500">{t.common.empty}</p>
              )}
              <div className="flex flex-wrap gap-x-3 gap-y-1 text-xs" data-testid="histogram-links">
                {buckets
                  .filter((b) => b.count > 0)
                  .map((b) => (
                    <span key={b.label}>
                      {b.label}
                      {p.sep}
                      <CountLink n={b.count} href={itemsLink(resolved, { delayMin: b.min, delayMax: b.max })} />
                    </span>
                  ))}
              </div>
            </>
          )}
        </Panel>
      </div>

      <div className="grid gap-4 xl:grid-cols-3">
        <Panel title={p.warningTitle} note={p.warningNote}>
          <ItemsTable query={warning} testId="warning-items" />
          <Link className="mt-2 inline-block text-sm text-brand-700 hover:underline" href={itemsLink(resolved, { status: 'warning' })}>
            {p.viewAll} →
          </Link>
        </Panel>
        <Panel title={p.overdueTitle} note={p.overdueNote}>
          <ItemsTable query={overdue} testId="overdue-items" />
          <Link className="mt-2 inline-block text-sm text-brand-700 hover:underline" href={itemsLink(resolved, { status: 'overdue' })}>
            {p.viewAll} →
          </Link>
        </Panel>
        <Panel title={p.lateTitle} note={p.lateNote}>
          <ItemsTable query={late} testId="late-items" />
          <Link className="mt-2 inline-block text-sm text-brand-700 hover:underline" href={itemsLink(resolved, { status: 'late' })}>
            {p.viewAll} →
          </Link>
        </Panel>
      </div>
      <Panel title={p.trendTitle} note={p.trendNote}>
        <LoadState isLoading={byMonth.isLoading} error={byMonth.error} onRetry={() => void byMonth.refetch()} />
        {byMonth.data && (
          <details className="mb-2 text-sm">
            <summary className="cursor-pointer select-none text-brand-700">{p.monthTable}</summary>
            <div data-testid="month-table" className="mt-2">
              <DataTable rows={byMonth.data.rows} columns={monthColumns} exportName={`publicity-months-${byMonth.data.from}-${byMonth.data.to}`} />
            </div>
          </details>
        )}
        {byMonth.data && (
          <EChart
            label={p.trendTitle}
            option={trendOption(byMonth.data.rows, { ...labels.status, rate: p.onTimeRate, target: p.target, unit: p.countUnit })}
          />
        )}
      </Panel>

      <div className="grid gap-4 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-2">
          <Panel title={p.byDistrictTitle} note={p.byDistrictNote}>
            <LoadState isLoading={byDistrict.isLoading} error={byDistrict.error} />
            {byDistrict.data && (
              <div data-testid="district-table">
                <DataTable rows={byDistrict.data.rows} columns={districtColumns} exportName={`publicity-districts-${byDistrict.data.from}-${byDistrict.data.to}`} />
              </div>
            )}
          </Panel>
        </div>
        <Panel title={p.byKindTitle} note={p.byKindNote}>
          <LoadState isLoading={byKind.isLoading} error={byKind.error} />
          {byKind.data && (
            <div data-testid="kind-table" className="text-xs">
              <DataTable rows={byKind.data.rows} columns={kindColumns.filter((c) => ['name', 'due', 'late', 'overdue', 'onTimeRate'].includes(c.key))} exportName="publicity-kinds" />
            </div>
          )}
        </Panel>
      </div>

      <Panel title={p.byUnitTitle} note={p.byUnitNote}>
        <LoadState isLoading={byUnit.isLoading} error={byUnit.error} onRetry={() => void byUnit.refetch()} />
        {byUnit.data && (
          <div data-testid="unit-table">
            <div className="max-h-[36rem] overflow-y-auto">
              <DataTable rows={worstFirst(byUnit.data.rows)} columns={unitColumns} exportName={`publicity-units-${byUnit.data.from}-${byUnit.data.to}`} />
            </div>
          </div>
        )}
      </Panel>

    </div>
  );
}
