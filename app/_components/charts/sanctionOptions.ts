import type { EChartsCoreOption } from 'echarts/core';

/** Funnel of cases → pushes → answered → executed; each stage labelled with its count and share of pushes. */
export function sanctionFunnelOption(
  f: { cases: number; pushes: number; answered: number; executed: number },
  labels: { cases: string; pushes: string; answered: string; executed: string },
): EChartsCoreOption {
  const share = (n: number) => (f.pushes === 0 ? '' : ` (${((n / f.pushes) * 100).toFixed(1)}%)`);
  const data = [
    { name: labels.cases, value: f.cases, label: `${labels.cases} ${f.cases}` },
    { name: labels.pushes, value: f.pushes, label: `${labels.pushes} ${f.pushes}` },
    { name: labels.answered, value: f.answered, label: `${labels.answered} ${f.answered}${share(f.answered)}` },
    { name: labels.executed, value: f.executed, label: `${labels.executed} ${f.executed}${share(f.executed)}` },
  ];
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '20%',
        label: { show: true, position: 'inside', formatter: (p: { dataIndex: number }) => data[p.dataIndex]?.label ?? '' },
        data: data.map(({ name, value }) => ({ name, value })),
      },
    ],
    color: ['#1e40af', '#2563eb', '#0d9488', '#16a34a'],
  };
}

/** Monthly feedback and timely rates (percent) with the target as a dashed line. */
export function sanctionTrendOption(
  rows: ReadonlyArray<{ key: string; feedbackRate: number | null; timelyRate: number | null }>,
  labels: { feedbackRate: string; timelyRate: string; target: string },
  target: number,
): EChartsCoreOption {
  const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      { name: labels.feedbackRate, type: 'line', data: rows.map((r) => pct(r.feedbackRate)), connectNulls: false },
      { name: labels.timelyRate, type: 'line', data: rows.map((r) => pct(r.timelyRate)), connectNulls: false },
      { name: labels.target, type: 'line', data: rows.map(() => target * 100), lineStyle: { type: 'dashed' }, symbol: 'none' },
    ],
    color: ['#1d4ed8', '#0d9488', '#dc2626'],
  };
}
