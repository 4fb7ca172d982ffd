'use client';

import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart, LineChart } from 'echarts/charts';
import { FunnelChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { HeatmapChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent, VisualMapComponent } from 'echarts/components';
import { PieChart } from 'echarts/charts';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';

// Register only what the dashboards draw, to keep the bundle small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);
// 归集 dashboards: unit × catalog heatmap, baseline band with anomaly points, target lines.
echarts.use([HeatmapChart, ScatterChart, VisualMapComponent, MarkLineComponent]);
echarts.use([FunnelChart]);
// 双公示: status split (doughnut).
echarts.use([PieChart]);
// 考核: an entity's indicator scores against the average and the best.
echarts.use([RadarChart, RadarComponent]);

export function EChart({ option, height = 320, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}
