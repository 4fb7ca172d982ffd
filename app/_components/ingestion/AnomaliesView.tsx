'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { formatInt } from '../format';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { Chart } from './Chart';
import { baselineOption } from './options/baseline';
import { fill, useDashboard } from './useDashboard';
import type { RouterOutputs } from '../routerTypes';
import { useChartOption } from '../charts/useChartOption';

type UnitRow = RouterOutputs['ingestion']['anomalies']['units'][number];

/** Volume anomalies: units with unit-days far below their own baseline, and one unit's daily volume with its band. */
export function AnomaliesView() {
  const { t, tc, filters, params, setParams, link } = useDashboard();
  const trpc = useTRPC();
  const list = useQuery(trpc.ingestion.anomalies.queryOptions(filters));
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const chosen = params.get('au') || filters.unit || list.data?.units[0]?.unitCode || '';
  const series = useQuery({
    ...trpc.ingestion.unitBaseline.queryOptions({ ...filters, unitCode: chosen }),
    enabled: chosen !== '',
  });
  const itemsLink = (extra: Record<string, string | undefined>) =>
    link('/ingestion/items', { status: 'anomaly', from: list.data?.from, to: list.data?.to, ...extra });

  const columns: Array<Column<UnitRow>> = [
    {
      key: 'unit',
      header: t.filters.unit,
      value: (r) => r.unitName,
      render: (r) => (
        <button
          type="button"
          className={`text-left hover:underline ${r.unitCode === chosen ? 'font-semibold text-brand-900' : 'text-brand-700'}`}
          aria-pressed={r.unitCode === chosen}
          onClick={() => setParams({ au: r.unitCode })}
        >
          {r.unitName}
        </button>
      ),
    },
    { key: 'district', header: t.filters.district, value: (r) => districtName.get(r.districtCode) ?? r.districtCode },
    {
      key: 'days',
      header: t.anomalies.anomalousDays,
      value: (r) => r.anomalousDays,
      render: (r) => (
        <Link className="font-semibold text-red-700 underline" href={itemsLink({ unit: r.unitCode })}>
          {r.anomalousDays}
        </Link>
      ),
      align: 'right',
    },
    { key: 'evaluated', header: t.anomalies.evaluatedDays, value: (r) => r.evaluatedDays, align: 'right' },
    { key: 'shortfall', header: t.anomalies.shortfall, value: (r) => Math.round(r.shortfall), render: (r) => formatInt(Math.round(r.shortfall)), align: 'right' },
    { key: 'typical', header: t.anomalies.typical, value: (r) => r.typicalVolume, align: 'right' },
    { key: 'last', header: t.anomalies.lastAnomaly, value: (r) => r.lastAnomaly },
  ];

  const chart = useChartOption(series.data?.points, t, (points, m) =>
    baselineOption(points, {
      value: m.anomalies.value,
      expected: m.anomalies.expected,
      band: m.anomalies.band,
      anomaly: m.anomalies.anomaly,
      axisDay: m.anomalies.axisDay,
      axisCount: m.volume.axisCount,
      z: m.anomalies.z,
    }),
  );
  const chartTitle = fill(t.anomalies.chartTitle, { unit: series.data?.unitName ?? chosen });

  return (
    <div className="space-y-4">
      <Panel title={t.anomalies.listTitle} note={t.anomalies.note}>
        <LoadState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()} />
        {list.data && (
          <div className="space-y-2" data-testid="anomaly-units">
            <p className="flex flex-wrap gap-3 text-sm text-slate-600">
              <span>{fill(t.anomalies.evaluatedThrough, { from: list.data.from, last: list.data.last })}</span>
              <span>
                {t.anomalies.anomalousDays}: <b data-testid="anomaly-total">{formatInt(list.data.anomalousDays)}</b>
              </span>
              {list.data.anomalousDays > 0 && (
                <Link className="text-brand-700 underline" href={itemsLink({})}>
                  {t.anomalies.viewItems}
                </Link>
              )}
            </p>
            {list.data.units.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-500">{t.anomalies.none}</p>
            ) : (
              <>
                <p className="text-xs text-slate-500">{t.anomalies.pick}</p>
                <DataTable rows={list.data.units} columns={columns} exportName={`anomalies-${list.data.from}-${list.data.last}`} />
              </>
            )}
          </div>
        )}
      </Panel>

      {chosen && (
        <Panel title={chartTitle} note={t.anomalies.note}>
          <LoadState isLoading={series.isLoading} error={series.error} onRetry={() => void series.refetch()} />
          {series.data && series.data.points.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{tc.empty}</p>}
          {chart && series.data && series.data.points.length > 0 && <Chart label={chartTitle} option={chart} testId="baseline-chart" />}
        </Panel>
      )}
    </div>
  );
}
