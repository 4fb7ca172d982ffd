import { describe, expect, it } from 'vitest';
import { recordsByMonthOption } from '@/app/_components/charts/recordsByMonthOption';
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

describe('recordsByMonthOption', () => {
  it('makes one stacked bar series per stream with the months as categories', () => {
    const option = recordsByMonthOption(
      [
        { month: '2026-01', records: 10, licenses: 2, penalties: 1 },
        { month: '2026-02', records: 0, licenses: 0, penalties: 0 },
      ],
      { records: 'R', licenses: 'L', penalties: 'P' },
    ) as { xAxis: { data: string[] }; series: Array<{ name: string; stack: string; data: number[] }> };
    expect(option.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['R', 'volume', [10, 0]],
      ['L', 'volume', [2, 0]],
      ['P', 'volume', [1, 0]],
    ]);
  });
});
