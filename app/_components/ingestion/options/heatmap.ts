import type { EChartsCoreOption } from 'echarts/core';

export type HeatmapIn = {
  units: Array<{ code: string; name: string; accepted: number }>;
  catalog: Array<{ code: string; name: string }>;
  cells: Array<[number, number, number, 0 | 1]>;
};

export type HeatmapLabels = { axisUnit: string; axisCatalog: string; expectedNone: string; notExpected: string };

/** Rows of units shown at once before the vertical slider takes over. */
export const HEATMAP_VISIBLE_UNITS = 25;

export function heatmapHeight(units: number): number {
  return Math.min(units, HEATMAP_VISIBLE_UNITS) * 22 + 130;
}

/**
 * Unit × catalog item heatmap: x = catalog items, y = units (largest first, at the top); colour by volume, expected
 * items with nothing in grey, items sent though not expected outlined. Pure.
 */
export function heatmapOption(h: HeatmapIn, labels: HeatmapLabels): EChartsCoreOption {
  const max = Math.max(1, ...h.cells.map((c) => c[2]));
  const data = h.cells.map(([u, c, value, expected]) => ({
    value: [c, u, value],
    expected,
    itemStyle: value === 0 ? { color: '#e2e8f0' } : expected ? undefined : { borderColor: '#7c3aed', borderWidth: 1.5 },
  }));
  const many = h.units.length > HEATMAP_VISIBLE_UNITS;
  return {
    tooltip: {
      position: 'top',
      formatter: (p: { data: { value: [number, number, number]; expected: 0 | 1 } }) => {
        const [c, u, value] = p.data.value;
        const unit = h.units[u];
        const item = h.catalog[c];
        const note = value === 0 ? `（${labels.expectedNone}）` : p.data.expected ? '' : `（${labels.notExpected}）`;
        return `${unit?.name ?? ''}<br/>${item?.name ?? ''} (${item?.code ?? ''})<br/>${value.toLocaleString('zh-CN')}${note}`;
      },
    },
    grid: { left: 150, right: many ? 40 : 16, top: 48, bottom: 64 },
    xAxis: {
      type: 'category',
      data: h.catalog.map((c) => c.code),
      name: labels.axisCatalog,
      nameLocation: 'start',
      nameGap: 12,
      splitArea: { show: true },
      axisLabel: { rotate: 45, interval: 0 },
    },
    yAxis: {
      type: 'category',
      data: h.units.map((u) => u.name),
      name: labels.axisUnit,
      inverse: true,
      splitArea: { show: true },
      axisLabel: { interval: 0, width: 130, overflow: 'truncate' },
    },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      right: 16,
      top: 0,
      itemHeight: 120,
      inRange: { color: ['#dbeafe', '#1d4ed8'] },
    },
    dataZoom: many
      ? [
          { type: 'slider', yAxisIndex: 0, right: 8, width: 14, startValue: 0, endValue: HEATMAP_VISIBLE_UNITS - 1 },
          { type: 'inside', yAxisIndex: 0 },
        ]
      : [],
    series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } } }],
  };
}
