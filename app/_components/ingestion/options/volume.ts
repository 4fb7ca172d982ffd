import type { EChartsCoreOption } from 'echarts/core';
import type { RouterOutputs } from '../../routerTypes';

/** What the chart draws of a volume point (the server's type: stream counts, no total). */
export type VolumePointIn = Pick<RouterOutputs['ingestion']['volume']['points'][number], 'key' | 'from' | 'to' | 'partial' | 'records' | 'licenses' | 'penalties'>;

export type VolumeLabels = {
  records: string;
  licenses: string;
  penalties: string;
  axisCount: string;
  axisTime: string;
  partial: string;
};

export const STREAM_COLORS = { records: '#1d4ed8', licenses: '#0d9488', penalties: '#d97706' } as const;

/** The category label of a bucket: the month for months, the first day otherwise. */
export function bucketLabel(p: Pick<VolumePointIn, 'key'>, grain: 'day' | 'week' | 'month'): string {
  return grain === 'month' ? p.key.slice(0, 7) : p.key;
}

/**
 * Stacked bars of accepted volume per stream and bucket; incomplete first/last buckets drawn lighter and named in
 * the tooltip. Pure: rows and labels in, ECharts option out.
 */
export function volumeOption(points: readonly VolumePointIn[], grain: 'day' | 'week' | 'month', labels: VolumeLabels): EChartsCoreOption {
  const streams = ['records', 'licenses', 'penalties'] as const;
  const series = streams.map((s) => ({
    name: labels[s],
    type: 'bar',
    stack: 'volume',
    emphasis: { focus: 'series' },
    itemStyle: { color: STREAM_COLORS[s] },
    data: points.map((p) => ({ value: p[s], itemStyle: p.partial ? { opacity: 0.45 } : undefined })),
  }));
  const categories = points.map((p) => bucketLabel(p, grain));
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number; marker: string; seriesName: string; value: number }>) => {
        const p = points[items[0]?.dataIndex ?? 0];
        if (!p) return '';
        const head = `${p.from === p.to ? p.from : `${p.from} ~ ${p.to}`}${p.partial ? `（${labels.partial}）` : ''}`;
        const total = p.records + p.licenses + p.penalties;
        return [head, ...items.map((i) => `${i.marker}${i.seriesName}: ${i.value.toLocaleString('zh-CN')}`), `Σ ${total.toLocaleString('zh-CN')}`].join('<br/>');
      },
    },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: points.length > 40 ? 64 : 36 },
    xAxis: { type: 'category', data: categories, name: labels.axisTime, nameLocation: 'middle', nameGap: points.length > 40 ? 48 : 24 },
    yAxis: { type: 'value', name: labels.axisCount, minInterval: 1 },
    dataZoom: points.length > 40 ? [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 4 }] : [],
    series,
  };
}
