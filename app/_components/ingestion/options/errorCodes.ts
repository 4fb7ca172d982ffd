import type { EChartsCoreOption } from 'echarts/core';

export type ErrorCodeIn = { errorCode: string; rows: number; records: number; licenses: number; penalties: number };

/** Horizontal stacked bars of rejected rows per error code (most frequent on top), split by stream. Pure. */
export function errorCodeOption(
  codes: readonly ErrorCodeIn[],
  labels: { rows: string; records: string; licenses: string; penalties: string; codeName: (code: string) => string },
): EChartsCoreOption {
  const ordered = [...codes].sort((a, b) => b.rows - a.rows);
  const streams = [
    ['records', '#1d4ed8'],
    ['licenses', '#0d9488'],
    ['penalties', '#d97706'],
  ] as const;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 190, right: 24, top: 32, bottom: 32 },
    xAxis: { type: 'value', name: labels.rows, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ordered.map((c) => `${labels.codeName(c.errorCode)} (${c.errorCode})`),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: streams.map(([s, color]) => ({
      name: labels[s],
      type: 'bar',
      stack: 'rows',
      itemStyle: { color },
      data: ordered.map((c) => c[s]),
    })),
  };
}

/** The error code behind a bar of errorCodeOption (same ordering). */
export function errorCodeAt(codes: readonly ErrorCodeIn[], index: number): string | undefined {
  return [...codes].sort((a, b) => b.rows - a.rows)[index]?.errorCode;
}
