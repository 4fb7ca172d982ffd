/** ECharts options of the 考核 pages (pure): totals by entity, total and rank over time, the indicator radar. */
import type { EChartsCoreOption } from 'echarts/core';

const pointsFormatter = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

/** Totals in rank order with the average as a dashed line. */
export function totalsOption(
  rows: ReadonlyArray<{ name: string; total: number; rank: number }>,
  labels: { total: string; average: string; unit: string },
  maxTotal: number,
): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const average = sorted.length ? Math.round((sorted.reduce((s, r) => s + r.total, 0) / sorted.length) * 100) / 100 : 0;
  return {
    tooltip: { trigger: 'axis', valueFormatter: pointsFormatter },
    legend: { top: 0, data: [labels.total, labels.average] },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { interval: 0, rotate: sorted.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', min: 0, max: Math.max(maxTotal, ...sorted.map((r) => r.total)), name: labels.unit },
    series: [
      { name: labels.total, type: 'bar', data: sorted.map((r) => r.total), label: { show: sorted.length <= 20, position: 'top', fontSize: 10 } },
      { name: labels.average, type: 'line', data: sorted.map(() => average), symbol: 'none', lineStyle: { type: 'dashed' } },
    ],
    color: ['#1d4ed8', '#d97706'],
  };
}

/** Total (left axis, points) and rank (right axis, inverted so 1 is at the top) month by month. */
export function historyOption(
  history: ReadonlyArray<{ period: string; total: number; rank: number; entities: number }>,
  labels: { total: string; rank: string; unit: string },
  maxTotal: number,
): EChartsCoreOption {
  const entities = Math.max(1, ...history.map((h) => h.entities));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.total, labels.rank] },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: history.map((h) => h.period) },
    yAxis: [
      { type: 'value', name: labels.unit, min: 0, max: Math.max(maxTotal, ...history.map((h) => h.total)) },
      { type: 'value', name: labels.rank, inverse: true, min: 1, max: entities, interval: entities > 20 ? undefined : 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.total, type: 'line', data: history.map((h) => h.total), yAxisIndex: 0 },
      { name: labels.rank, type: 'line', data: history.map((h) => h.rank), yAxisIndex: 1, lineStyle: { type: 'dashed' } },
    ],
    color: ['#1d4ed8', '#0d9488'],
  };
}

/** Share of the maximum (%) per indicator: the entity against the average and the best; indicators worth 0 are left out. */
export function radarOption(
  comparison: ReadonlyArray<{ name: string; max: number; score: number; average: number; best: number }>,
  labels: { self: string; average: string; best: string },
): EChartsCoreOption {
  const shown = comparison.filter((c) => c.max > 0);
  const share = (v: number, max: number) => Math.round((v / max) * 1000) / 10;
  return {
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => `${String(v)}%` },
    legend: { top: 0, data: [labels.self, labels.average, labels.best] },
    radar: { indicator: shown.map((c) => ({ name: c.name, max: 100, min: 0 })), radius: '62%', center: ['50%', '56%'] },
    series: [
      {
        type: 'radar',
        data: [
          { name: labels.self, value: shown.map((c) => share(c.score, c.max)), areaStyle: { opacity: 0.2 } },
          { name: labels.average, value: shown.map((c) => share(c.average, c.max)), lineStyle: { type: 'dashed' } },
          { name: labels.best, value: shown.map((c) => share(c.best, c.max)), lineStyle: { type: 'dotted' } },
        ],
      },
    ],
    color: ['#1d4ed8', '#d97706', '#059669'],
  };
}
