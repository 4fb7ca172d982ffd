import { describe, expect, it } from 'vitest';
import { colourRange, formatFigure, mapOption, trendOption } from '@/app/_components/screen/screenOptions';
import { zhCN } from '@/app/_i18n/messages';

const district = (code: string, assessmentTotal: number | null, onTimeRate: number | null) => ({
  code, name: `${code}区`, assessmentTotal, onTimeRate, feedbackRate: null, targetCompletion: 0.04,
});

describe('the big screen option builders', () => {
  it('colour scales spread close values', () => {
    expect(colourRange('assessmentTotal', [74.4, 80.9])).toEqual({ min: 70, max: 90 });
    expect(colourRange('assessmentTotal', [100, 100])).toEqual({ min: 90, max: 100 });
    expect(colourRange('onTimeRate', [0.93, 0.97])).toEqual({ min: 0.9, max: 1 });
    expect(colourRange('onTimeRate', [0.2, 1])).toEqual({ min: 0.2, max: 1 });
    expect(colourRange('targetCompletion', [0.02, 0.036])).toEqual({ min: 0, max: 0.1 });
    expect(colourRange('feedbackRate', [])).toEqual({ min: 0, max: 1 });
  });

  it('the map joins districts to features by code; a district without a value is left uncoloured (NaN)', () => {
    const option = mapOption([district('990102', 80, 0.9), district('990103', 75, null)], 'onTimeRate', zhCN.screen);
    const series = option.series[0]!;
    expect(series).toMatchObject({ type: 'map', nameProperty: 'code' });
    expect(series.data.map((d) => [d.name, d.value])).toEqual([['990102', 0.9], ['990103', NaN]]);
    expect(series.label.formatter({ data: series.data[0] })).toBe('990102区\n90.0%');
    expect(option.tooltip.formatter({ data: series.data[1] })).toContain('按时公示率：<b>—</b>');
    expect(formatFigure('assessmentTotal', 80.04)).toBe('80.0');
  });

  it('the trend strip draws 12 months of bars and two rate lines in percent', () => {
    const trend = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, accepted: i, onTimeRate: i === 0 ? null : 0.5, feedbackRate: 1 }));
    const option = trendOption(trend, zhCN.screen);
    expect(option.xAxis.data[0]).toBe('26/01');
    expect(option.series.map((s) => s.data.length)).toEqual([12, 12, 12]);
    expect(option.series[1]!.data.slice(0, 2)).toEqual([null, 50]);
    expect(option.series[2]!.data[0]).toBe(100);
  });
});
