import { describe, expect, it } from 'vitest';
import { compareValues, toCsv } from '@/app/_components/table/csv';
import { formatRate } from '@/app/_components/format';
import { en, zhCN } from '@/app/_i18n/messages';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('i18n', () => {
  it('English has exactly the Chinese keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });
});

describe('csv', () => {
  it('quotes what needs quoting and starts with a BOM', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [null, 3]])).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n,3\r\n');
  });
  it('sorts numbers numerically and nulls last', () => {
    expect([10, null, 9, 100].sort(compareValues)).toEqual([9, 10, 100, null]);
  });
});

describe('formatRate', () => {
  it('shows a dash for an undefined rate, never 0%', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.98765, 2)).toBe('98.77%');
  });
});

describe('sanction chart options', async () => {
  const { sanctionFunnelOption, sanctionTrendOption } = await import('@/app/_components/charts/sanctionOptions');
  it('funnel stages in order with counts and shares of pushes', () => {
    const o = sanctionFunnelOption({ cases: 4, pushes: 5, answered: 3, executed: 2 }, { cases: 'C', pushes: 'P', answered: 'A', executed: 'E' }) as {
      series: Array<{ sort: string; data: Array<{ name: string; value: number }>; label: { formatter: (p: { dataIndex: number }) => string } }>;
    };
    const s = o.series[0]!;
    expect(s.sort).toBe('none');
    expect(s.data).toEqual([{ name: 'C', value: 4 }, { name: 'P', value: 5 }, { name: 'A', value: 3 }, { name: 'E', value: 2 }]);
    expect(s.label.formatter({ dataIndex: 2 })).toBe('A 3 (60.0%)');
  });
  it('trend in percent, undefined months as gaps, target as a flat line', () => {
    const o = sanctionTrendOption(
      [{ key: '2025-09', feedbackRate: 1, timelyRate: 2 / 3 }, { key: '2025-10', feedbackRate: null, timelyRate: null }],
      { feedbackRate: 'F', timelyRate: 'T', target: 'G' },
      0.95,
    ) as { series: Array<{ data: Array<number | null> }> };
    expect(o.series.map((x) => x.data)).toEqual([[100, null], [66.7, null], [95, 95]]);
  });
});
