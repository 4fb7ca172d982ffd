'use client';

import { Stat } from '../Stat';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { EChart } from '../charts/EChart';
import { sanctionFunnelOption, sanctionTrendOption } from '../charts/sanctionOptions';
import { formatInt, formatRate } from '../format';
import { codeOptions, Select, valueOptions } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';
import { useSanctionFilters } from './useSanctionFilters';
import type { RouterOutputs } from '../routerTypes';

type KpiRow = RouterOutputs['sanctions']['kpi']['rows'][number];


/** Rate against its target: green when it reaches it, red when not, grey when undefined. */
const FIELD = 'rounded border px-1 py-0.5';

function RateCell({ rate, target }: { rate: number | null; target: number | null }) {
  const colour = rate === null ? 'text-slate-400' : target !== null && rate < target ? 'text-red-700' : 'text-green-700';
  return <span className={`font-medium ${colour}`}>{formatRate(rate)}</span>;
}

export function SanctionsPage() {
  const { t } = useI18n();
  const s = t.sanctionsPage;
  const trpc = useTRPC();
  const { filters, set, query } = useSanctionFilters();
  const byUnit = useQuery(trpc.sanctions.kpi.queryOptions({ ...filters, groupBy: 'unit' }));
  const byMonth = useQuery(trpc.sanctions.kpi.queryOptions({ ...filters, groupBy: 'month' }));
  const funnel = useQuery(trpc.sanctions.funnel.queryOptions(filters));
  const overdue = useInfiniteQuery(
    trpc.sanctions.items.infiniteQueryOptions({ ...filters, status: 'overdue', limit: 50 }, { getNextPageParam: (p) => p.nextCursor ?? undefined }),
  );
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const measures = useQuery(trpc.reference.measures.queryOptions());
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const period = byUnit.data;
  const total = byUnit.data?.total;

  const columns: Array<Column<KpiRow>> = [
    { key: 'name', header: s.unit, value: (r) => r.name },
    { key: 'pushes', header: s.pushes, value: (r) => r.pushes, align: 'right', render: (r) => formatInt(r.pushes) },
    { key: 'onTime', header: s.onTime, value: (r) => r.answeredOnTime, align: 'right' },
    { key: 'late', header: s.late, value: (r) => r.answeredLate, align: 'right' },
    {
      key: 'overdue',
      header: s.overdue,
      value: (r) => r.overdue,
      align: 'right',
      render: (r) => (r.overdue > 0 ? <Link className="text-red-700 underline" href={`/sanctions?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), unit: r.key }).toString()}#overdue`}>{r.overdue}</Link> : 0),
    },
    { key: 'pending', header: s.pending, value: (r) => r.pending, align: 'right' },
    { key: 'feedbackRate', header: s.feedbackRate, value: (r) => r.feedbackRate, align: 'right', render: (r) => <RateCell rate={r.feedbackRate} target={r.target} /> },
    { key: 'timelyRate', header: s.timelyRate, value: (r) => r.timelyRate, align: 'right', render: (r) => <RateCell rate={r.timelyRate} target={r.target} /> },
    { key: 'executionRate', header: s.executionRate, value: (r) => r.executionRate, align: 'right', render: (r) => formatRate(r.executionRate) },
    {
      key: 'target',
      header: s.target,
      value: (r) => r.target,
      align: 'right',
      render: (r) => (r.target === null ? '—' : `${formatRate(r.target, 0)} ${r.binding ? s.binding : s.expected}`),
    },
  ];

  const overdueItems = overdue.data?.pages.flatMap((p) => p.items) ?? [];
  const overdueColumns: Array<TableColumn<(typeof overdueItems)[number]>> = [
    {
      key: 'caseId',
      header: s.caseId,
      cell: (i) => (
        <Link className="text-brand-700 underline" href={`/sanctions/case/${encodeURIComponent(i.caseId)}?${query}`}>
          {i.caseId}
        </Link>
      ),
    },
    { key: 'measure', header: s.measure, cell: (i) => i.measureCode },
    { key: 'unit', header: s.unit, cell: (i) => unitName(i.respondingUnit) },
    { key: 'pushedDate', header: s.pushedDate, cell: (i) => i.pushedDate, className: 'tabular-nums' },
    { key: 'dueDate', header: s.dueDate, cell: (i) => i.dueDate, className: 'tabular-nums' },
    { key: 'daysOverdue', header: s.daysOverdue, cell: (i) => i.workdaysOverdue, align: 'right', className: 'font-medium tabular-nums text-red-700' },
  ];
  const warning = byUnit.data?.calendarWarning || byMonth.data?.calendarWarning;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold">{s.title}</h1>
        <div className="no-print flex flex-wrap items-center gap-2 text-sm">
          <label>
            {s.from}{' '}
            <input type="date" aria-label={s.from} key={`f${period?.from}`} defaultValue={period?.from} onChange={(e) => set('from', e.target.value)} className="rounded border px-1 py-0.5" />
          </label>
          <label>
            {s.to}{' '}
            <input type="date" aria-label={s.to} key={`t${period?.to}`} defaultValue={period?.to} onChange={(e) => set('to', e.target.value)} className="rounded border px-1 py-0.5" />
          </label>
          <label>
            {s.asOf}{' '}
            <input type="date" aria-label={s.asOf} key={`a${period?.asOf}`} defaultValue={period?.asOf} onChange={(e) => set('asOf', e.target.value)} className="rounded border px-1 py-0.5" />
          </label>
          <Select label={s.allDistricts} all={s.allDistricts} options={codeOptions(districts.data)} value={filters.district ?? ''} onChange={(v) => set('district', v)} className={FIELD} />
          <Select
            label={s.allUnits}
            all={s.allUnits}
            options={codeOptions(units.data?.filter((u) => !filters.district || u.districtCode === filters.district))}
            value={filters.unit ?? ''}
            onChange={(v) => set('unit', v)}
            className={FIELD}
          />
          <Select
            label={s.allMeasures}
            all={s.allMeasures}
            options={codeOptions(measures.data, (m) => `${m.code} ${m.name}`)}
            value={filters.measure ?? ''}
            onChange={(v) => set('measure', v)}
            className={`max-w-48 ${FIELD}`}
          />
          <Select
            label={s.allKinds}
            all={s.allKinds}
            options={valueOptions(['punishment', 'reward'] as const, (k) => s[k])}
            value={filters.kind ?? ''}
            onChange={(v) => set('kind', v)}
            className={FIELD}
          />
        </div>
      </div>
      {warning && (
        <p role="status" className="rounded bg-amber-50 p-2 text-sm text-amber-800">
          {s.calendarWarning}
        </p>
      )}

      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={s.feedbackRate} value={total ? formatRate(total.feedbackRate) : '…'} testId="stat-feedback-rate" />
        <Stat label={s.timelyRate} value={total ? formatRate(total.timelyRate) : '…'} testId="stat-timely-rate" />
        <Stat label={s.executionRate} value={total ? formatRate(total.executionRate) : '…'} testId="stat-execution-rate" />
        <Stat label={s.overdueCount} value={total ? formatInt(total.overdue) : '…'} testId="stat-overdue" />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title={s.funnel} note={s.funnelNote}>
          <LoadState isLoading={funnel.isLoading} error={funnel.error} />
          {funnel.data && (
            <EChart label={s.funnel} height={260} option={sanctionFunnelOption(funnel.data, { cases: s.cases, pushes: s.pushes, answered: s.answered, executed: s.executed })} />
          )}
        </Panel>
        <Panel title={s.trend} note={s.trendNote}>
          <LoadState isLoading={byMonth.isLoading} error={byMonth.error} />
          {byMonth.data && (
            <EChart label={s.trend} height={260} option={sanctionTrendOption(byMonth.data.rows, { feedbackRate: s.feedbackRate, timelyRate: s.timelyRate, target: s.target }, 0.95)} />
          )}
        </Panel>
      </div>

      <Panel title={s.byUnit} note={s.byUnitNote}>
        <LoadState isLoading={byUnit.isLoading} error={byUnit.error} onRetry={() => void byUnit.refetch()} />
        {byUnit.data && (
          <div data-testid="sanctions-by-unit">
            <DataTable rows={byUnit.data.rows} columns={columns} exportName={`sanctions-by-unit-${byUnit.data.from}-${byUnit.data.to}-asof-${byUnit.data.asOf}`} />
          </div>
        )}
      </Panel>

      <div id="overdue">
        <Panel title={s.overdueList} note={s.overdueNote}>
          <div className="no-print mb-2 flex justify-end">
            <a className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100" href={`/api/v1/items/sanctions?${query}${query ? '&' : ''}status=overdue&format=csv`} download>
              {s.exportCsv}
            </a>
          </div>
          <LoadState isLoading={overdue.isLoading} error={overdue.error} />
          {overdue.data && (
            <Table
              rows={overdueItems}
              columns={overdueColumns}
              rowKey={(i) => `${i.caseId}-${i.measureCode}-${i.respondingUnit}`}
              empty={t.common.empty}
              data-testid="sanctions-overdue"
            />
          )}
          {overdue.hasNextPage && (
            <button type="button" className="mt-2 text-sm underline" onClick={() => void overdue.fetchNextPage()}>
              {s.loadMore}
            </button>
          )}
        </Panel>
      </div>
    </div>
  );
}
