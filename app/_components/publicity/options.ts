import type { EChartsCoreOption } from 'echarts/core';
import { STATUS_COLOR, type DelayBucket } from './filters';

type Counts = { onTime: number; late: number; overdue: number; pending: number };
type StatusLabels = { onTime: string; late: string; overdue: string; pending: string };

/** Monthly trend: stacked bars per status and the on-time rate (%, right axis) against the dashed 100% target. */
export function trendOption(
  rows: ReadonlyArray<Counts & { key: string; onTimeRate: number | null }>,
  labels: StatusLabels & { rate: string; target: string; unit: string },
): EChartsCoreOption {
  const bar = (key: keyof Counts) => ({
    name: labels[key],
    type: 'bar',
    stack: 'status',
    emphasis: { focus: 'series' },
    itemStyle: { color: STATUS_COLOR[key] },
    data: rows.map((r) => r[key]),
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: [
      { type: 'value', name: labels.unit },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      bar('onTime'),
      bar('late'),
      bar('overdue'),
      bar('pending'),
      {
        name: labels.rate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        itemStyle: { color: '#1d4ed8' },
        data: rows.map((r) => (r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10)),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#059669' },
          label: { formatter: labels.target },
          data: [{ yAxis: 100 }],
        },
      },
    ],
  };
}

/** The four statuses as a doughnut. */
export function splitOption(total: Counts, labels: StatusLabels): EChartsCoreOption {
  const keys = ['onTime', 'late', 'overdue', 'pending'] as const;
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['50%', '45%'],
        label: { show: false },
        data: keys.map((k) => ({ name: labels[k], value: total[k], itemStyle: { color: STATUS_COLOR[k] } })),
      },
    ],
  };
}

/** Delay histogram: green bars up to the deadline (7 working days), red beyond, and the deadline marked. */
export function delayHistogramOption(buckets: readonly DelayBucket[], labels: { axis: string; count: string; deadline: string; unit: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 56, right: 16, top: 24, bottom: 40 },
    xAxis: { type: 'category', name: labels.axis, nameLocation: 'middle', nameGap: 26, data: buckets.map((b) => b.label) },
    yAxis: { type: 'value', name: labels.unit },
    series: [
      {
        name: labels.count,
        type: 'bar',
        data: buckets.map((b) => ({ value: b.count, itemStyle: { color: b.late ? STATUS_COLOR.late : STATUS_COLOR.onTime } })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#dc2626' },
          label: { formatter: labels.deadline },
          data: [{ xAxis: '7' }],
        },
      },
    ],
  };
}
