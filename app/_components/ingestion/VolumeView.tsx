'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';
import { Chart, type ChartClick } from './Chart';
import { GRAINS } from './filters';
import { heatmapHeight, heatmapOption } from './options/heatmap';
import { volumeOption } from './options/volume';
import { useDashboard } from './useDashboard';
import { useChartOption } from '../charts/useChartOption';

const STREAM_OF_SERIES = ['records', 'licenses', 'penalties'] as const;

/** Accepted volume over time (day / week / month) and by unit × catalog item; every bar and cell drills to items. */
export function VolumeView() {
  const { t, tc, filters, grain, setParams, link } = useDashboard();
  const trpc = useTRPC();
  const router = useRouter();
  const volume = useQuery(trpc.ingestion.volume.queryOptions({ ...filters, grain }));
  const heatmap = useQuery(trpc.ingestion.heatmap.queryOptions(filters));
  const shownGrain = volume.data?.grain ?? grain;

  const volumeChart = useChartOption(volume.data, t, (v, m) =>
    volumeOption(v.points, v.grain, {
      records: m.streams.records,
      licenses: m.streams.licenses,
      penalties: m.streams.penalties,
      axisCount: m.volume.axisCount,
      axisTime: m.volume.axisTime,
      partial: m.volume.partial,
    }),
  );
  const heatChart = useChartOption(heatmap.data, t, (h, m) =>
    heatmapOption(h, {
      axisUnit: m.heatmap.axisUnit,
      axisCatalog: m.heatmap.axisCatalog,
      expectedNone: m.heatmap.expectedNone,
      notExpected: m.heatmap.notExpected,
    }),
  );

  const onBar = (p: ChartClick) => {
    const point = volume.data?.points[p.dataIndex];
    if (!point) return;
    router.push(link('/ingestion/items', { status: 'accepted', from: point.from, to: point.to, stream: STREAM_OF_SERIES[p.seriesIndex ?? -1] }));
  };
  const onCell = (p: ChartClick) => {
    const value = (p.data as { value?: [number, number, number] } | undefined)?.value;
    if (!value || !heatmap.data) return;
    const unit = heatmap.data.units[value[1]];
    const item = heatmap.data.catalog[value[0]];
    if (!unit || !item) return;
    router.push(link('/ingestion/items', { status: 'accepted', from: heatmap.data.from, to: heatmap.data.to, unit: unit.code, catalog: item.code }));
  };

  return (
    <div className="space-y-4">
      <Panel title={t.volume.title} note={t.volume.note}>
        <div className="no-print mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">{t.volume.grain}</span>
          <div role="group" aria-label={t.volume.grain} className="inline-flex overflow-hidden rounded border border-slate-300">
            {GRAINS.map((g) => (
              <button
                key={g}
                type="button"
                aria-pressed={shownGrain === g}
                onClick={() => setParams({ grain: g })}
                className={`px-2 py-0.5 ${shownGrain === g ? 'bg-brand-700 text-white' : 'hover:bg-slate-100'}`}
              >
                {t.volume[g]}
              </button>
            ))}
          </div>
          {volume.data && (
            <Link
              className="ml-auto text-brand-700 underline"
              href={link('/ingestion/items', { status: 'accepted', from: volume.data.from, to: volume.data.to })}
            >
              {t.volume.drill}
            </Link>
          )}
        </div>
        <LoadState isLoading={volume.isLoading} error={volume.error} onRetry={() => void volume.refetch()} />
        {volume.data && volume.data.points.every((p) => p.records + p.licenses + p.penalties === 0) && (
          <p className="py-2 text-center text-sm text-slate-500">{tc.empty}</p>
        )}
        {volumeChart && <Chart label={t.volume.title} option={volumeChart} onClick={onBar} testId="volume-chart" />}
      </Panel>

      <Panel title={t.heatmap.title} note={t.heatmap.note}>
        <LoadState isLoading={heatmap.isLoading} error={heatmap.error} onRetry={() => void heatmap.refetch()} />
        {heatmap.data && heatmap.data.cells.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{tc.empty}</p>}
        {heatChart && heatmap.data && heatmap.data.cells.length > 0 && (
          <Chart
            label={t.heatmap.title}
            option={heatChart}
            height={heatmapHeight(heatmap.data.units.length)}
            onClick={onCell}
            testId="heatmap-chart"
          />
        )}
      </Panel>
    </div>
  );
}
