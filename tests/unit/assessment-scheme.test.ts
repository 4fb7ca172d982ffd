import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMES } from '@/server/assessment/defaultSchemes';
import { savedIndicatorsSchema, schemeInForce, totalPoints, whatIfIndicatorsSchema, type Indicator } from '@/shared/assessmentScheme';
import { EMPTY_FIGURES, metricInputs, rankEntities, scoreEntity, scoreOne, type EntityFigures } from '@/server/assessment/score';

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.error?.issues ?? []).map((i) => i.message).join(' | ');

describe('scoring schemes', () => {
  it('ships default schemes for districts and units that are valid and sum to 100', () => {
    for (const level of ['district', 'unit'] as const) {
      const parsed = savedIndicatorsSchema.safeParse(DEFAULT_SCHEMES[level].indicators);
      expect(parsed.success, messages(parsed)).toBe(true);
      expect(totalPoints(DEFAULT_SCHEMES[level].indicators)).toBe(100);
      const metrics = DEFAULT_SCHEMES[level].indicators.map((i) => i.metric);
      for (const m of ['ingestion_target', 'ingestion_quality', 'publicity_on_time', 'publicity_overdue', 'sanction_feedback', 'sanction_timely', 'manual']) {
        expect(metrics).toContain(m);
      }
    }
  });
  it('refuses a saved scheme that does not sum to 100, duplicate codes, a method the metric does not allow, lo ≥ hi', () => {
    const base = DEFAULT_SCHEMES.district.indicators;
    expect(messages(savedIndicatorsSchema.safeParse(base.slice(1)))).toMatch(/合计应为 100.*80/);
    expect(whatIfIndicatorsSchema.safeParse(base.slice(1)).success).toBe(true);
    expect(messages(savedIndicatorsSchema.safeParse([...base.slice(0, -1), { ...base.at(-1)!, code: 'ING_TARGET' }]))).toMatch(/重复/);
    const wrongMethod = base.map((i) => (i.code === 'PUB_OVERDUE' ? { ...i, method: { kind: 'rate' as const, whenUndefined: 'full' as const } } : i));
    expect(messages(savedIndicatorsSchema.safeParse(wrongMethod))).toMatch(/不适用/);
    const badThreshold = base.map((i) => (i.code === 'ING_QUALITY' ? { ...i, method: { kind: 'threshold' as const, lo: 0.9, hi: 0.9 } } : i));
    expect(messages(savedIndicatorsSchema.safeParse(badThreshold))).toMatch(/满分线应高于零分线/);
    expect(messages(savedIndicatorsSchema.safeParse([]))).toMatch(/至少/);
  });
  it('picks the version in force for a month: latest start not after it, the higher version on a tie', () => {
    const versions = [
      { version: 1, effectiveFrom: '2000-01' },
      { version: 2, effectiveFrom: '2026-03' },
      { version: 3, effectiveFrom: '2026-03' },
      { version: 4, effectiveFrom: '2026-09' },
    ];
    expect(schemeInForce(versions, '2026-02')?.version).toBe(1);
    expect(schemeInForce(versions, '2026-03')?.version).toBe(3);
    expect(schemeInForce(versions, '2026-08')?.version).toBe(3);
    expect(schemeInForce(versions, '2026-09')?.version).toBe(4);
    expect(schemeInForce(versions.slice(1), '2025-12')).toBeNull();
  });
});

const figures = (over: Partial<{ [K in keyof EntityFigures]: Partial<EntityFigures[K]> }>): EntityFigures => ({
  ingestion: { ...EMPTY_FIGURES.ingestion, ...over.ingestion },
  publicity: { ...EMPTY_FIGURES.publicity, ...over.publicity },
  sanctions: { ...EMPTY_FIGURES.sanctions, ...over.sanctions },
  notices: { ...EMPTY_FIGURES.notices, ...over.notices },
});
const ind = (metric: Indicator['metric'], method: Indicator['method'], maxPoints = 10): Indicator => ({ code: 'X1', name: 'x', metric, maxPoints, method, description: '' });

describe('metric inputs and indicator scores', () => {
  it('derives each metric’s numerator, denominator and rate as design.md §5 defines them', () => {
    const f = figures({
      ingestion: { ytdAccepted: 900, proRatedTarget: 1200, acceptedRows: 95, rejectedRows: 5 },
      publicity: { onTime: 6, late: 2, overdue: 2, pending: 7 },
      sanctions: { answeredOnTime: 3, answeredLate: 1, overdue: 4, pending: 9 },
      notices: { totalItems: 5, rectifiedItems: 4 },
    });
    expect(metricInputs('notice_rectification', f)).toEqual({ numerator: 4, denominator: 5, rate: 0.8 });
    expect(metricInputs('notice_rectification', EMPTY_FIGURES)).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(metricInputs('ingestion_target', f)).toEqual({ actual: 900, target: 1200 });
    expect(metricInputs('ingestion_quality', f)).toEqual({ numerator: 95, denominator: 100, rate: 0.95 });
    expect(metricInputs('publicity_on_time', f)).toEqual({ numerator: 6, denominator: 10, rate: 0.6 });
    expect(metricInputs('publicity_overdue', f)).toEqual({ count: 2 });
    expect(metricInputs('sanction_feedback', f)).toEqual({ numerator: 4, denominator: 8, rate: 0.5 });
    expect(metricInputs('sanction_timely', f)).toEqual({ numerator: 3, denominator: 8, rate: 0.375 });
  });
  it('scores every method with its rule text', () => {
    const f = figures({ ingestion: { ytdAccepted: 900, proRatedTarget: 1200, acceptedRows: 87, rejectedRows: 13 }, publicity: { onTime: 2, late: 1, overdue: 0 } });
    expect(scoreOne(ind('ingestion_target', { kind: 'target' }, 20), f, undefined)).toMatchObject({ score: 15, lost: 5 });
    expect(scoreOne(ind('ingestion_quality', { kind: 'threshold', lo: 0.8, hi: 0.95 }, 15), f, undefined)).toMatchObject({ score: 7 }); // 15 × 0.07/0.15
    expect(scoreOne(ind('publicity_on_time', { kind: 'rate', whenUndefined: 'full' }, 25), f, undefined)).toMatchObject({ score: 16.67, lost: 8.33 });
    expect(scoreOne(ind('publicity_on_time', { kind: 'rate', whenUndefined: 'zero' }, 25), EMPTY_FIGURES, undefined)).toMatchObject({ score: 0 });
    expect(scoreOne(ind('publicity_on_time', { kind: 'threshold', lo: 0.5, hi: 1 }, 25), EMPTY_FIGURES, undefined)).toMatchObject({ score: 25, rule: expect.stringContaining('分母为 0') });
    expect(scoreOne(ind('publicity_overdue', { kind: 'deduction', perItem: 4 }, 10), figures({ publicity: { overdue: 3 } }), undefined)).toMatchObject({ score: 0, lost: 10 });
    expect(scoreOne(ind('manual', { kind: 'manual', defaultScore: 8 }), EMPTY_FIGURES, undefined)).toMatchObject({ score: 8, rule: expect.stringContaining('默认分 8') });
    expect(scoreOne(ind('manual', { kind: 'manual', defaultScore: null }), EMPTY_FIGURES, undefined)).toMatchObject({ score: 0, rule: expect.stringContaining('尚未录入') });
    expect(
      scoreOne(ind('manual', { kind: 'manual', defaultScore: 8 }), EMPTY_FIGURES, { score: 6.5, reason: '材料不全', enteredBy: 'a', enteredAt: '2026-01-01' }),
    ).toMatchObject({ score: 6.5, inputs: { manual: { reason: '材料不全', isDefault: false } } });
    expect(scoreOne(ind('ingestion_target', { kind: 'target' }, 20), figures({ ingestion: { ytdAccepted: 5, proRatedTarget: null } }), undefined)).toMatchObject({ score: 20 });
  });
  it('totals an entity to two decimals and ranks with ties in reference order, attaching previous rank and movement', () => {
    const scheme = [ind('publicity_on_time', { kind: 'rate', whenUndefined: 'full' }, 100)];
    const e1 = scoreEntity('E1', scheme, figures({ publicity: { onTime: 1, late: 2 } }), new Map());
    expect(e1.total).toBe(33.33);
    const rows = [
      { code: 'B', total: 90 },
      { code: 'A', total: 90 },
      { code: 'C', total: 95 },
      { code: 'D', total: 80 },
    ];
    const ranked = rankEntities(rows, new Map([['A', 0], ['B', 1], ['C', 2], ['D', 3]]), new Map([['C', 3], ['A', 1]]));
    expect(ranked.map((r) => [r.code, r.rank, r.previousRank, r.movement])).toEqual([
      ['C', 1, 3, 2],
      ['A', 2, 1, -1],
      ['B', 2, null, null],
      ['D', 4, null, null],
    ]);
  });
});
