import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMES } from '@/server/assessment/defaultSchemes';
import { lastCompletedMonth as serverLastCompleted, parsePeriod, PERIOD_PATTERN } from '@/server/assessment/periods';
import type { IndicatorResult } from '@/server/assessment/score';
import { zh, en } from '@/app/_i18n/areas/assessment';
import {
  biggestLoss,
  highlightText,
  inputsText,
  itemsLink,
  lossDetail,
  methodText,
  movementMark,
  movementWords,
  topAndBottom,
} from '@/app/_components/assessment/explain';
import { historyOption, radarOption, totalsOption } from '@/app/_components/assessment/options';
import {
  entityHref,
  keyFor,
  kindOf,
  lastCompletedMonth,
  lastMonthOf,
  PERIOD_KEY,
  periodLabel,
  periodOptions,
  readRankingParams,
  readReportMonth,
  withParams,
} from '@/app/_components/assessment/periodKeys';
import { namesWithTotals, reportDate, totalsSummary } from '@/app/_components/assessment/report';
import { changed, draftProblems, draftTotal, patchIndicator, toNumber } from '@/app/_components/assessment/whatIf';
import { readItemFilters } from '@/app/_components/publicity/filters';
import { readFilters as readIngestionFilters } from '@/app/_components/ingestion/filters';

const search = (s: string) => new URLSearchParams(s);

describe('period keys in the browser agree with the server', () => {
  const keys = ['2026-10', '2026-01', '2026-Q1', '2026-Q4', '2026', 'R12-2026-10', 'R12-2025-01'];
  it('accepts the same forms', () => {
    expect(PERIOD_KEY.source).toBe(PERIOD_PATTERN.source);
  });
  it.each(keys)('%s: kind, last month and Chinese label as parsePeriod', (key) => {
    const p = parsePeriod(key);
    expect(kindOf(key)).toBe(p.kind);
    expect(lastMonthOf(key)).toBe(p.to.slice(0, 7));
    expect(periodLabel(key, 'zh-CN')).toBe(p.label);
    expect(periodLabel(key, 'en')).toBe(p.labelEn);
  });
  it('the default period is the last completed month, across a year boundary too', () => {
    for (const d of ['2026-11-20', '2026-01-01', '2025-12-31']) expect(lastCompletedMonth(d)).toBe(serverLastCompleted(d));
    expect(lastCompletedMonth('2026-01-05')).toBe('2025-12');
  });
  it('switching kinds keeps the position in time', () => {
    expect(keyFor('quarter', '2026-10')).toBe('2026-Q4');
    expect(keyFor('quarter', '2026-03')).toBe('2026-Q1');
    expect(keyFor('year', '2026-10')).toBe('2026');
    expect(keyFor('rolling12', '2026-10')).toBe('R12-2026-10');
    expect(keyFor('month', lastMonthOf('2026-Q3'))).toBe('2026-09');
  });
  it('offers periods newest first, counting back over years', () => {
    expect(periodOptions('month', '2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(periodOptions('quarter', '2026-02', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(periodOptions('year', '2026-02', 2)).toEqual(['2026', '2025']);
    expect(periodOptions('rolling12', '2026-02', 2)).toEqual(['R12-2026-02', 'R12-2026-01']);
  });
  it('reads the URL, dropping what is malformed; the district filter is for units only', () => {
    expect(readRankingParams(search(''), '2026-10')).toEqual({ level: 'district', period: '2026-10' });
    expect(readRankingParams(search('level=unit&period=2026-Q3&district=990102'), '2026-10')).toEqual({ level: 'unit', period: '2026-Q3', district: '990102' });
    expect(readRankingParams(search('level=city&period=2026-13&district=990102'), '2026-10')).toEqual({ level: 'district', period: '2026-10' });
    expect(readRankingParams(search('level=unit&district=%27%20OR%201'), '2026-10')).toEqual({ level: 'unit', period: '2026-10' });
    expect(readReportMonth(search('period=2026-09'), '2026-10')).toEqual({ month: '2026-09', invalid: false });
    expect(readReportMonth(search('period=2026-Q3'), '2026-10')).toEqual({ month: '2026-10', invalid: true });
    expect(withParams('/assessment/what-if', { level: 'unit', period: '2026-10' })).toBe('/assessment/what-if?level=unit&period=2026-10');
    expect(entityHref('district', '990102', 'R12-2026-10')).toBe('/assessment/district/990102?period=R12-2026-10');
  });
});

const ind = (over: Partial<IndicatorResult>): IndicatorResult => ({
  code: 'X', name: 'X', metric: 'manual', max: 10, score: 10, lost: 0, rule: '', inputs: {}, ...over,
});

describe('an indicator in words', () => {
  it('says each default method, with its parameters', () => {
    const byCode = new Map(DEFAULT_SCHEMES.district.indicators.map((i) => [i.code, i.method]));
    expect(methodText(byCode.get('ING_QUALITY')!, zh)).toBe('阈值法：低于 80% 不得分，达到 95% 得满分，之间线性');
    expect(methodText(byCode.get('PUB_ON_TIME')!, zh)).toBe('比率法：满分 × 比率（无应计项时得满分）');
    expect(methodText(byCode.get('PUB_OVERDUE')!, zh)).toBe('扣分法：每项扣 0.5 分，扣完为止');
    expect(methodText(byCode.get('MAN_PROMOTION')!, zh)).toBe('人工评分：信用办录入并说明理由（未录入按 10 分计）');
    expect(methodText(byCode.get('ING_TARGET')!, zh)).toMatch(/^目标法/);
    expect(methodText({ kind: 'rate', whenUndefined: 'zero' }, zh)).toBe('比率法：满分 × 比率（无应计项时不得分）');
    expect(methodText({ kind: 'manual', defaultScore: null }, en)).toBe('Manual: entered by the office with a reason (no points until entered)');
  });

  it('says the inputs: numerator ÷ denominator = rate, actual ÷ target, count, manual entry or default', () => {
    expect(inputsText(ind({ metric: 'publicity_on_time', inputs: { numerator: 12, denominator: 15, rate: 0.8 } }), zh)).toBe(
      '按时公示 12 ÷ 应公示（不含未到期） 15 = 80.0%',
    );
    expect(inputsText(ind({ metric: 'sanction_feedback', inputs: { numerator: 0, denominator: 0, rate: null } }), zh)).toBe('无应计项（分母为 0）');
    expect(inputsText(ind({ metric: 'ingestion_target', inputs: { actual: 1200, target: 1500 } }), zh)).toBe('年初至期末归集 1,200 ÷ 折算至期末的目标 1,500 = 80.0%');
    expect(inputsText(ind({ metric: 'ingestion_target', inputs: { actual: 5, target: null } }), zh)).toBe('年初至期末归集 5；未设目标');
    expect(inputsText(ind({ metric: 'publicity_overdue', inputs: { count: 3 } }), zh)).toBe('超期未公示 3 件');
    expect(
      inputsText(ind({ inputs: { manual: { score: 6, reason: '宣传材料报送不全', enteredBy: '信用办', enteredAt: '2026-11-02 10:15:00.000', isDefault: false } } }), zh),
    ).toBe('录入 6 分：宣传材料报送不全（信用办，2026-11-02 10:15）');
    expect(inputsText(ind({ inputs: { manual: { score: 10, isDefault: true } } }), zh)).toBe('未录入，按默认分 10 分计');
    // Redacted by the server: nothing to say.
    expect(inputsText(ind({ metric: 'publicity_on_time', inputs: {} }), zh)).toBe('');
  });

  it('links each indicator to the items behind it with the filters those pages read', () => {
    const w = { from: '2026-10-01', to: '2026-10-31', asOf: '2026-10-31' };
    const onTime = itemsLink('publicity_on_time', 'district', '990102', w)!;
    expect(onTime).toBe('/publicity/items?from=2026-10-01&to=2026-10-31&asOf=2026-10-31&district=990102&status=late%2Coverdue');
    expect(readItemFilters(new URL(onTime, 'http://x').searchParams)).toEqual({ ...w, district: '990102', status: ['late', 'overdue'] });
    const overdue = itemsLink('publicity_overdue', 'unit', 'C002', w)!;
    expect(readItemFilters(new URL(overdue, 'http://x').searchParams)).toEqual({ ...w, unit: 'C002', status: ['overdue'] });
    expect(itemsLink('sanction_timely', 'unit', 'C002', w)).toBe('/sanctions?from=2026-10-01&to=2026-10-31&asOf=2026-10-31&unit=C002#overdue');
    const quality = itemsLink('ingestion_quality', 'district', '990102', w)!;
    expect(quality).toBe('/ingestion/rejected?from=2026-10-01&to=2026-10-31&district=990102&volumeOnly=1');
    const target = itemsLink('ingestion_target', 'district', '990102', { ...w, to: '2026-12-31' })!;
    expect(readIngestionFilters(new URL(target, 'http://x').searchParams)).toEqual({ from: '2026-01-01', to: '2026-12-31', district: '990102' });
    expect(new URL(target, 'http://x').searchParams.get('status')).toBe('accepted');
    expect(itemsLink('manual', 'district', '990102', w)).toBeNull();
  });

  it('marks movement with arrows and words', () => {
    expect(movementMark(2)).toEqual({ text: '↑2', tone: 'up' });
    expect(movementMark(-15)).toEqual({ text: '↓15', tone: 'down' });
    expect(movementMark(0)).toEqual({ text: '—', tone: 'same' });
    expect(movementMark(null)).toEqual({ text: '—', tone: 'none' });
    expect(movementWords(-1, zh)).toBe('下降 1 位');
    expect(movementWords(null, zh)).toBe('上期无排名');
  });
});

describe('the monthly report', () => {
  const pub = ind({ name: '双公示按时率', metric: 'publicity_on_time', max: 25, score: 16.67, lost: 8.33, inputs: { numerator: 12, denominator: 15, rate: 0.8 } });
  const ovd = ind({ name: '超期未公示扣分', metric: 'publicity_overdue', max: 10, score: 8.5, lost: 1.5, inputs: { count: 3 } });
  it('says each district\'s total, rank, movement and biggest loss with its inputs', () => {
    const row = { name: '东城区', total: 86.67, rank: 3, movement: 2, indicators: [ovd, pub] };
    expect(biggestLoss(row.indicators)).toBe(pub);
    expect(highlightText(row, zh)).toBe('东城区本月得 86.67 分，排名第 3（上升 2 位）；失分最多的是 双公示按时率（−8.33 分：按时 12/15）。');
    expect(highlightText({ ...row, movement: 0, indicators: [ind({})] }, zh)).toBe('东城区本月得 86.67 分，排名第 3（名次不变）；各项指标均得满分。');
    // Another district's row as a district user receives it: points lost, no inputs.
    expect(highlightText({ ...row, indicators: [{ ...pub, inputs: {} }] }, zh)).toBe('东城区本月得 86.67 分，排名第 3（上升 2 位）；失分最多的是 双公示按时率（−8.33 分）。');
    expect(lossDetail(ovd, zh)).toBe('：超期 3 件');
    expect(lossDetail(ind({ metric: 'ingestion_target', inputs: { actual: 10, target: 20 } }), zh)).toBe('：完成 10/20');
  });
  it('lists the top three and bottom three without overlap, and sums up the totals', () => {
    const rows = [5, 1, 2, 2, 4, 6].map((rank, i) => ({ name: `D${i}`, rank, total: 100 - rank }));
    const { top, bottom } = topAndBottom(rows);
    expect(top.map((r) => r.rank)).toEqual([1, 2, 2]);
    expect(bottom.map((r) => r.rank)).toEqual([4, 5, 6]);
    expect(topAndBottom(rows.slice(0, 3)).bottom).toEqual([]);
    expect(totalsSummary([{ total: 98 }, { total: 86.67 }, { total: 78 }])).toEqual({ n: 3, avg: 87.56, max: 98, min: 78 });
    expect(totalsSummary([])).toBeNull();
    expect(namesWithTotals([{ name: '东城区', total: 98 }, { name: '西湖区', total: 97.5 }], zh)).toBe('东城区（98 分）、西湖区（97.5 分）');
    expect(reportDate('2026-11-05', zh)).toBe('2026年11月5日');
    expect(reportDate('2026-11-05', en)).toBe('2026-11-05');
  });
});

describe('what-if draft', () => {
  const scheme = DEFAULT_SCHEMES.district.indicators;
  it('changes points and thresholds, never the method kind, and checks the draft by the server rules', () => {
    expect(draftProblems(scheme, '请填写数字')).toEqual([]);
    expect(changed(scheme, scheme)).toBe(false);
    const heavier = patchIndicator(scheme, 'PUB_ON_TIME', { maxPoints: 50 });
    expect(draftTotal(heavier)).toBe(125);
    expect(draftProblems(heavier, '请填写数字')).toEqual([]);
    expect(changed(heavier, scheme)).toBe(true);
    const inverted = patchIndicator(scheme, 'ING_QUALITY', { method: { kind: 'rate', lo: 0.9, hi: 0.85 } as never });
    expect(inverted.find((i) => i.code === 'ING_QUALITY')!.method).toEqual({ kind: 'threshold', lo: 0.9, hi: 0.85 });
    expect(draftProblems(inverted, '请填写数字').join()).toMatch(/归集数据质量：.*满分线应高于零分线/);
    expect(draftProblems(patchIndicator(scheme, 'PUB_OVERDUE', { maxPoints: toNumber('') }), '请填写数字')).toEqual(['超期未公示扣分：请填写数字']);
    expect(draftProblems(patchIndicator(scheme, 'PUB_OVERDUE', { maxPoints: 120 }), '请填写数字').join()).toMatch(/100/);
  });
});

describe('assessment charts', () => {
  it('radar: score share of the maximum for the entity, the average and the best; 0-point indicators left out', () => {
    const o = radarOption(
      [
        { name: 'A', max: 20, score: 10, average: 15, best: 20 },
        { name: 'B', max: 0, score: 0, average: 0, best: 0 },
      ],
      { self: 'S', average: 'Avg', best: 'Best' },
    ) as { radar: { indicator: Array<{ name: string; max: number }> }; series: Array<{ data: Array<{ name: string; value: number[] }> }> };
    expect(o.radar.indicator).toEqual([{ name: 'A', max: 100, min: 0 }]);
    expect(o.series[0]!.data.map((d) => [d.name, d.value])).toEqual([['S', [50]], ['Avg', [75]], ['Best', [100]]]);
  });
  it('history: rank on an inverted axis from 1 to the number of entities', () => {
    const o = historyOption([{ period: '2026-09', total: 90, rank: 3, entities: 16 }, { period: '2026-10', total: 95, rank: 1, entities: 16 }], { total: 'T', rank: 'R', unit: 'p' }, 100) as {
      yAxis: Array<{ inverse?: boolean; min: number; max: number }>;
      series: Array<{ data: number[]; yAxisIndex: number }>;
    };
    expect(o.yAxis[1]).toMatchObject({ inverse: true, min: 1, max: 16 });
    expect(o.series.map((s) => [s.yAxisIndex, s.data])).toEqual([[0, [90, 95]], [1, [3, 1]]]);
  });
  it('totals in rank order with the average', () => {
    const o = totalsOption([{ name: 'b', total: 80, rank: 2 }, { name: 'a', total: 90, rank: 1 }], { total: 'T', average: 'A', unit: 'p' }, 100) as {
      xAxis: { data: string[] };
      series: Array<{ data: number[] }>;
    };
    expect(o.xAxis.data).toEqual(['a', 'b']);
    expect(o.series[0]!.data).toEqual([90, 80]);
    expect(o.series[1]!.data).toEqual([85, 85]);
  });
});
