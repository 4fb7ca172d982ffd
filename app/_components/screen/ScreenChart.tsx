'use client';

import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** Register the district map once per page load (the GeoJSON is fetched once; refreshes reuse it). */
export function registerDistrictMap(name: string, geoJson: object) {
  if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

/**
 * A chart of the big screen. The canvas is drawn at the device's pixel ratio times the screen's CSS scale, so a
 * 1920×1080 layout scaled to a 3840×2160 wall stays sharp. Options are merged (not replaced) on refresh: no flicker.
 */
export function ScreenChart({
  option,
  scale,
  label,
  onClick,
  testId,
}: {
  option: EChartsCoreOption;
  scale: number;
  label: string;
  onClick?: (params: { data?: unknown }) => void;
  testId?: string;
}) {
  const ratio = (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1) * Math.max(scale, 1);
  return (
    <div role="img" aria-label={label} className="h-full w-full" data-testid={testId}>
      <ReactEChartsCore
        // A new pixel ratio needs a new canvas.
        key={ratio}
        echarts={echarts}
        option={option}
        opts={{ devicePixelRatio: ratio }}
        style={{ height: '100%', width: '100%' }}
        lazyUpdate
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}
