import type { EChartsCoreOption } from 'echarts/core';
import type { RouterOutputs } from '../../routerTypes';

export type BaselinePointIn = RouterOutputs['ingestion']['unitBaseline']['points'][number];

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One unit's daily volume over working days with its baseline (dashed), the normal band (shaded, drawn as a
 * transparent lower line plus a stacked band height) and the anomalous days (red points). Pure.
 */
export function baselineOption(
  points: readonly BaselinePointIn[],
  labels: { value: string; expected: string; band: string; anomaly: string; axisDay: string; axisCount: string; z: string },
): EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (items: Array<{ dataIndex: number }>) => {
        const p = points[items[0]?.dataIndex ?? 0];
        if (!p) return '';
        return [
          `${p.date}${p.anomaly ? ` · <b style="color:#dc2626">${labels.anomaly}</b>` : ''}`,
          `${labels.value}: ${p.value}`,
          `${labels.expected}: ${round1(p.expected)}`,
          `${labels.band}: ${round1(p.lower)} ~ ${round1(p.upper)}`,
          `${labels.z}: ${p.z.toFixed(2)}`,
        ].join('<br/>');
      },
    },
    legend: { top: 0, data: [labels.value, labels.expected, labels.band, labels.anomaly] },
    grid: { left: 48, right: 24, top: 36, bottom: points.length > 60 ? 64 : 36 },
    xAxis: { type: 'category', data: points.map((p) => p.date), name: labels.axisDay, nameLocation: 'middle', nameGap: points.length > 60 ? 48 : 24 },
    yAxis: { type: 'value', name: labels.axisCount, min: 0 },
    dataZoom: points.length > 60 ? [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 4 }] : [],
    series: [
      {
        name: `${labels.band}-lower`,
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        data: points.map((p) => round1(p.lower)),
      },
      {
        name: labels.band,
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#bfdbfe' },
        areaStyle: { color: '#bfdbfe', opacity: 0.6 },
        data: points.map((p) => round1(p.upper - p.lower)),
      },
      {
        name: labels.expected,
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#1e3a8a' },
        itemStyle: { color: '#1e3a8a' },
        data: points.map((p) => round1(p.expected)),
      },
      {
        name: labels.value,
        type: 'line',
        symbolSize: 4,
        lineStyle: { color: '#0f172a', width: 1.5 },
        itemStyle: { color: '#0f172a' },
        data: points.map((p) => p.value),
      },
      {
        name: labels.anomaly,
        type: 'scatter',
        symbolSize: 10,
        itemStyle: { color: '#dc2626' },
        data: points.map((p) => (p.anomaly ? p.value : null)),
      },
    ],
  };
}
