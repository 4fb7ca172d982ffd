import type { EChartsCoreOption } from 'echarts/core';

export type MonthVolume = { month: string; records: number; licenses: number; penalties: number };

/** Stacked monthly bars of accepted volume per stream. Pure: rows and labels in, ECharts option out. */
export function recordsByMonthOption(
  rows: readonly MonthVolume[],
  labels: { records: string; licenses: string; penalties: string },
): EChartsCoreOption {
  const series = (['records', 'licenses', 'penalties'] as const).map((key) => ({
    name: labels[key],
    type: 'bar',
    stack: 'volume',
    emphasis: { focus: 'series' },
    data: rows.map((r) => r[key]),
  }));
  return {
    color: ['#1d4ed8', '#0d9488', '#d97706'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: { type: 'value', name: '条' },
    series,
  };
}
