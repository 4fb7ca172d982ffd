import type { EChartsCoreOption } from 'echarts/core';

export type CompletionIn = {
  key: string;
  name: string;
  target: number | null;
  targetCompletion: number | null;
  projection: number | null;
  onTrack: boolean | null;
};

/**
 * Completion so far and projected completion at year end per district (as % of the target), with the target line
 * at 100%. Rows without a target are left out. Pure.
 */
export function completionOption(
  rows: readonly CompletionIn[],
  labels: { completion: string; projectionRate: string; goal: string; onTrack: string; offTrack: string },
): EChartsCoreOption {
  const shown = rows.filter((r) => r.target !== null && r.target > 0);
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number; marker: string; seriesName: string; value: number | null }>) => {
        const r = shown[items[0]?.dataIndex ?? 0];
        if (!r) return '';
        const status = r.onTrack === null ? '' : r.onTrack ? labels.onTrack : labels.offTrack;
        return [`${r.name} ${status}`, ...items.map((i) => `${i.marker}${i.seriesName}: ${i.value === null ? '—' : `${i.value}%`}`)].join('<br/>');
      },
    },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', name: '%', max: (v: { max: number }) => Math.max(120, Math.ceil(v.max / 10) * 10) },
    series: [
      { name: labels.completion, type: 'bar', itemStyle: { color: '#1d4ed8' }, data: shown.map((r) => pct(r.targetCompletion)) },
      {
        name: labels.projectionRate,
        type: 'bar',
        // The legend swatch; each bar is green (on track) or amber (off track).
        itemStyle: { color: '#f59e0b' },
        data: shown.map((r) => ({
          value: r.projection === null || !r.target ? null : pct(r.projection / r.target),
          itemStyle: { color: r.onTrack ? '#16a34a' : '#f59e0b' },
        })),
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#dc2626', type: 'dashed' },
          label: { formatter: labels.goal },
          data: [{ yAxis: 100 }],
        },
      },
    ],
  };
}
