import { describe, expect, it } from 'vitest';
import { maximaTotal, methodForMetric, newIndicator } from '@/app/_components/admin/schemeDraft';
import { errorText } from '@/app/_components/errorText';
import { en, zh } from '@/app/_i18n/areas/assessmentAdmin';
import { DEFAULT_SCHEMES } from '@/server/assessment/defaultSchemes';

const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k])).sort();

describe('scheme editor helpers', () => {
  it('keeps a method the new metric allows and otherwise picks its first allowed method', () => {
    expect(methodForMetric('publicity_on_time', { kind: 'threshold', lo: 0.5, hi: 0.9 })).toEqual({ kind: 'threshold', lo: 0.5, hi: 0.9 });
    expect(methodForMetric('publicity_overdue', { kind: 'threshold', lo: 0.5, hi: 0.9 })).toEqual({ kind: 'deduction', perItem: 1 });
    expect(methodForMetric('ingestion_target')).toEqual({ kind: 'target' });
  });
  it('numbers a new indicator without clashing and totals maxima ignoring blanks', () => {
    const list = DEFAULT_SCHEMES.district.indicators;
    expect(newIndicator([...list, { ...list[0]!, code: `IND_${list.length + 1}` }]).code).toBe(`IND_${list.length + 2}`);
    expect(maximaTotal(list)).toBe(100);
    expect(maximaTotal([{ maxPoints: 10.5 }, { maxPoints: Number.NaN }, { maxPoints: 0.25 }])).toBe(10.75);
  });
  it('shows validation messages of a refused input rather than the raw JSON', () => {
    const err = Object.assign(new Error('[{"raw":"json"}]'), { data: { zodIssues: [{ path: ['indicators'], message: '各指标满分合计应为 100' }] } });
    expect(errorText(err)).toBe('indicators: 各指标满分合计应为 100');
    expect(errorText(new Error('内部错误'))).toBe('内部错误');
  });
  it('has the same labels in Chinese and English', () => {
    expect(keys(en)).toEqual(keys(zh));
  });
});
