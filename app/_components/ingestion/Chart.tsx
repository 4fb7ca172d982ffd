'use client';

import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
// Registers the chart types and components the dashboards draw (heatmap, scatter, visual map, mark lines, ...).
import '../charts/EChart';

export type ChartClick = { seriesName?: string; seriesIndex?: number; dataIndex: number; data?: unknown; name?: string };

/** An ECharts canvas with an accessible name and an optional click handler (drill-down). */
export function Chart({
  option,
  label,
  height = 320,
  onClick,
  testId,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  onClick?: (p: ChartClick) => void;
  testId?: string;
}) {
  const onEvents = useMemo(() => (onClick ? { click: (p: ChartClick) => onClick(p) } : undefined), [onClick]);
  return (
    <div role="img" aria-label={label} data-testid={testId} className={onClick ? 'cursor-pointer' : undefined}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate onEvents={onEvents} />
    </div>
  );
}
