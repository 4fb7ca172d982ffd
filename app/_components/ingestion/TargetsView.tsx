'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { formatInt, formatRate } from '../format';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { Chart } from './Chart';
import { completionOption } from './options/completion';
import { fill, useDashboard } from './useDashboard';
import type { RouterOutputs } from '../routerTypes';
import { useChartOption } from '../charts/useChartOption';

type TargetRow = RouterOutputs['ingestion']['kpi']['rows'][number];

/** Off track first, then by projected completion, lowest first; rows without a target last. */
const byOutlook = (a: TargetRow, b: TargetRow) => {
  const rank = (r: TargetRow) => (r.onTrack === null ? 2 : r.onTrack ? 1 : 0);
  const projected = (r: TargetRow) => (r.projection !== null && r.target ? r.projection / r.target : Infinity);
  return rank(a) - rank(b) || projected(a) - projected(b) || a.key.localeCompare(b.key);
};

/** Target completion and year-end projection per district and per unit, binding vs expected, on track or not. */
export function TargetsView() {
  const { t, filters, link } = useDashboard();
  const trpc = useTRPC();
  const byDistrict = useQuery(trpc.ingestion.kpi.queryOptions({ ...filters, groupBy: 'district' }));
  const byUnit = useQuery(trpc.ingestion.kpi.queryOptions({ ...filters, groupBy: 'unit' }));
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const basis = byDistrict.data?.targetBasis ?? byUnit.data?.targetBasis;
  const refDate = basis?.refDate;
  const yearStart = basis ? `${basis.year}-01-01` : undefined;

  const statusCell = (r: TargetRow) =>
    r.onTrack === null ? (
      <span className="text-slate-400">{r.target === null ? t.targets.none : '—'}</span>
    ) : (
      <span
        className={`rounded px-1.5 py-0.5 text-xs font-medium ${r.onTrack ? 'bg-green-100 text-green-800' : 'bg-amber-100 text-amber-900'}`}
        data-on-track={r.onTrack ? 'yes' : 'no'}
      >
        {r.onTrack ? t.targets.onTrack : t.targets.offTrack}
      </span>
    );
  const columns = (unitLevel: boolean): Array<Column<TargetRow>> => [
    {
      key: 'name',
      header: unitLevel ? t.filters.unit : t.filters.district,
      value: (r) => r.name,
      render: (r) => (
        <Link className="hover:underline" href={link('/ingestion/items', { status: 'accepted', from: yearStart, to: refDate, [unitLevel ? 'unit' : 'district']: r.key })}>
          {r.name}
        </Link>
      ),
    },
    ...(unitLevel ? [{ key: 'district', header: t.filters.district, value: (r: TargetRow) => districtName.get(r.districtCode) ?? r.districtCode }] : []),
    { key: 'target', header: t.targets.target, value: (r) => r.target, render: (r) => formatInt(r.target), align: 'right' },
    {
      key: 'kind',
      header: t.targets.kind,
      value: (r) => (r.binding === null ? null : r.binding ? t.targets.binding : t.targets.expected),
      render: (r) =>
        r.binding === null ? '—' : <span className={r.binding ? 'font-semibold text-red-700' : 'text-slate-600'}>{r.binding ? t.targets.binding : t.targets.expected}</span>,
    },
    { key: 'ytd', header: t.targets.ytd, value: (r) => r.ytdAccepted, render: (r) => formatInt(r.ytdAccepted), align: 'right' },
    { key: 'completion', header: t.targets.completion, value: (r) => r.targetCompletion, render: (r) => formatRate(r.targetCompletion), align: 'right' },
    {
      key: 'projection',
      header: t.targets.projection,
      value: (r) => r.projection,
      render: (r) => (r.projection === null ? '—' : formatInt(Math.round(r.projection))),
      align: 'right',
    },
    {
      key: 'projectionRate',
      header: t.targets.projectionRate,
      value: (r) => (r.projection !== null && r.target ? r.projection / r.target : null),
      render: (r) => formatRate(r.projection !== null && r.target ? r.projection / r.target : null),
      align: 'right',
    },
    { key: 'status', header: t.targets.status, value: (r) => (r.onTrack === null ? null : r.onTrack ? 1 : 0), render: statusCell },
  ];

  const chart = useChartOption(byDistrict.data?.rows, t, (rows, m) =>
    completionOption(rows, {
      completion: m.targets.completion,
      projectionRate: m.targets.projectionRate,
      goal: m.targets.goal,
      onTrack: m.targets.onTrack,
      offTrack: m.targets.offTrack,
    }),
  );
  const districtRows = useMemo(() => [...(byDistrict.data?.rows ?? [])].sort(byOutlook), [byDistrict.data]);
  const unitRows = useMemo(() => [...(byUnit.data?.rows ?? [])].sort(byOutlook), [byUnit.data]);

  return (
    <div className="space-y-4">
      <Panel title={t.targets.title} note={t.targets.note}>
        {basis && (
          <p className="mb-2 text-sm text-slate-600" data-testid="target-basis">
            {fill(t.targets.workdays, {
              year: basis.year,
              elapsed: basis.workdaysElapsed ?? '—',
              inYear: basis.workdaysInYear ?? '—',
              refDate: basis.refDate,
            })}
            {basis.calendarEstimated && <span className="ml-2 text-amber-700">{t.targets.estimated}</span>}
          </p>
        )}
        {filters.catalog && <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">{t.targets.catalogFiltered}</p>}
        <LoadState isLoading={byDistrict.isLoading} error={byDistrict.error} onRetry={() => void byDistrict.refetch()} />
        {chart && byDistrict.data?.targetBasis.rowsHaveTargets && <Chart label={t.targets.chartTitle} option={chart} testId="completion-chart" />}
      </Panel>

      <Panel title={t.targets.districtTitle} note={t.targets.note}>
        <LoadState isLoading={byDistrict.isLoading} error={byDistrict.error} onRetry={() => void byDistrict.refetch()} />
        {byDistrict.data && (
          <div data-testid="district-targets">
            <DataTable rows={districtRows} columns={columns(false)} exportName={`targets-districts-${refDate}`} />
          </div>
        )}
      </Panel>

      <Panel title={t.targets.unitTitle} note={t.targets.note}>
        <LoadState isLoading={byUnit.isLoading} error={byUnit.error} onRetry={() => void byUnit.refetch()} />
        {byUnit.data && (
          <div data-testid="unit-targets">
            <DataTable rows={unitRows} columns={columns(true)} exportName={`targets-units-${refDate}`} />
          </div>
        )}
      </Panel>
    </div>
  );
}
