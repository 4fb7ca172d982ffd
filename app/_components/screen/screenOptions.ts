import type { ScreenFigures } from './types';
import type { Messages } from '../../_i18n/messages';
import { formatRate } from '../format';

/** Pure: the big screen's figures → ECharts options (issue 17). The components only draw them. */
export const MAP_FIGURES = ['assessmentTotal', 'onTimeRate', 'feedbackRate', 'targetCompletion'] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];
export const MAP_NAME = 'csm-districts';

type Labels = Messages['screen'];
type District = ScreenFigures['districts'][number];

export const formatFigure = (figure: MapFigure, value: number | null) =>
  value === null ? '—' : figure === 'assessmentTotal' ? value.toFixed(1) : formatRate(value);

const TEXT = '#cbd5e1';
const AXIS = '#334155';

/**
 * The colour scale of a figure: scores from the lowest district's ten to the highest's (out of 100), rates from the
 * lowest tenth to 100 %, target completion from 0 to the best district's tenth: close values still differ in colour.
 */
export function colourRange(figure: MapFigure, values: number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: figure === 'assessmentTotal' ? 100 : 1 };
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  if (figure === 'assessmentTotal') {
    const max = Math.min(100, Math.max(10, Math.ceil(highest / 10) * 10));
    return { min: Math.max(0, Math.min(Math.floor(lowest / 10) * 10, max - 10)), max };
  }
  if (figure === 'targetCompletion') return { min: 0, max: Math.max(0.1, Math.ceil(highest * 10) / 10) };
  return { min: Math.min(0.9, Math.floor(lowest * 10) / 10), max: 1 };
}

/** The map coloured by one figure: assessment total on 0–100, the rates on 0–1; a district without a value is grey. */
export function mapOption(districts: District[], figure: MapFigure, labels: Labels) {
  const values = districts.map((d) => d[figure]).filter((v): v is number => v !== null);
  const { min, max } = colourRange(figure, values);
  return {
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'item',
      backgroundColor: 'rgba(15,23,42,0.95)',
      borderColor: '#38bdf8',
      textStyle: { color: '#e2e8f0', fontSize: 18 },
      formatter: (p: { data?: { district?: District } }) => {
        const d = p.data?.district;
        if (!d) return '';
        const rows = MAP_FIGURES.map((f) => `${labels.map.figures[f]}：<b>${formatFigure(f, d[f])}</b>`);
        return [`<b style="font-size:20px">${d.name}</b>`, ...rows, `<span style="color:#94a3b8">${labels.map.clickHint}</span>`].join('<br/>');
      },
    },
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: false,
      left: 10,
      bottom: 10,
      itemHeight: 160,
      text: [formatFigure(figure, max), formatFigure(figure, min)],
      textStyle: { color: TEXT, fontSize: 16 },
      inRange: { color: ['#b91c1c', '#f59e0b', '#facc15', '#22c55e', '#0ea5e9'] },
      outOfRange: { color: '#475569' },
    },
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '96%',
        itemStyle: { borderColor: '#0f172a', borderWidth: 2, areaColor: '#475569' },
        emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#38bdf8' } },
        label: {
          show: true,
          color: '#0f172a',
          fontSize: 17,
          fontWeight: 'bold',
          formatter: (p: { data?: { district?: District } }) => (p.data?.district ? `${p.data.district.name}\n${formatFigure(figure, p.data.district[figure])}` : ''),
        },
        data: districts.map((d) => ({ name: d.code, value: d[figure] ?? NaN, district: d })),
      },
    ],
  };
}

/** The 12-month strip: accepted records as bars, the on-time and feedback rates as lines on a percentage axis. */
export function trendOption(trend: ScreenFigures['trend'], labels: Labels) {
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    backgroundColor: 'transparent',
    grid: { left: 70, right: 60, top: 40, bottom: 30 },
    legend: { top: 0, right: 10, textStyle: { color: TEXT, fontSize: 16 }, data: [labels.trend.accepted, labels.trend.onTime, labels.trend.feedback] },
    tooltip: { trigger: 'axis', textStyle: { fontSize: 16 } },
    xAxis: { type: 'category', data: trend.map((t) => t.month.slice(2).replace('-', '/')), axisLabel: { color: TEXT, fontSize: 15 }, axisLine: { lineStyle: { color: AXIS } } },
    yAxis: [
      { type: 'value', axisLabel: { color: TEXT, fontSize: 14 }, splitLine: { lineStyle: { color: AXIS } } },
      { type: 'value', min: 0, max: 100, axisLabel: { color: TEXT, fontSize: 14, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: labels.trend.accepted, type: 'bar', data: trend.map((t) => t.accepted), itemStyle: { color: '#1d4ed8' }, barWidth: '45%' },
      { name: labels.trend.onTime, type: 'line', yAxisIndex: 1, data: trend.map((t) => pct(t.onTimeRate)), connectNulls: true, lineStyle: { width: 3 }, itemStyle: { color: '#facc15' }, symbolSize: 8 },
      { name: labels.trend.feedback, type: 'line', yAxisIndex: 1, data: trend.map((t) => pct(t.feedbackRate)), connectNulls: true, lineStyle: { width: 3 }, itemStyle: { color: '#22d3ee' }, symbolSize: 8 },
    ],
  };
}
