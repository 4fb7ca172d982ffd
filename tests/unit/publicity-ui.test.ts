import { describe, expect, it } from 'vitest';
import {
  bucketDelays,
  fill,
  itemsLink,
  rateTone,
  readFilters,
  readItemFilters,
} from '@/app/_components/publicity/filters';
import { delayHistogramOption, splitOption, trendOption } from '@/app/_components/publicity/options';
import { en, zh } from '@/app/_i18n/areas/publicity';
import { WorkdayCalendar } from '@/server/domain/calendar';
import { timeliness } from '@/server/calendar/timeliness';

const params = (q: string) => new URLSearchParams(q);

describe('publicity filters in the URL', () => {
  it('reads valid filters and drops malformed ones', () => {
    expect(readFilters(params('from=2026-01-01&to=bad&asOf=2026-11-23&district=990102&unit=D990102-01&kind=license'))).toEqual({
      from: '2026-01-01',
      asOf: '2026-11-23',
      district: '990102',
      unit: 'D990102-01',
      kind: 'license',
    });
    expect(readFilters(params("kind=other&unit=x'%20or%201=1"))).toEqual({});
  });

  it('items filters add statuses (one or a list) and a delay range', () => {
    expect(readItemFilters(params('status=late,overdue,nope&delayMin=7&delayMax=x'))).toEqual({ status: ['late', 'overdue'], delayMin: 7 });
    expect(readItemFilters(params('status=warning'))).toEqual({ status: ['warning'] });
  });

  it('links to the items keep the filters and add the figure’s own', () => {
    expect(itemsLink({ from: '2026-01-01', to: '2026-11-23', district: '990102' }, { status: 'late', unit: 'D990102-01', delayMax: undefined })).toBe(
      '/publicity/items?from=2026-01-01&to=2026-11-23&district=990102&status=late&unit=D990102-01',
    );
    expect(itemsLink({}, {})).toBe('/publicity/items');
  });

  it('colours a rate against the 100% target', () => {
    expect([rateTone(1), rateTone(0.97), rateTone(0.5), rateTone(null)]).toEqual(['good', 'warn', 'bad', 'none']);
  });

  it('fills label placeholders', () => {
    expect(fill('用时 {min}–{max}', { min: 7, max: 7 })).toBe('用时 7–7');
  });
});

describe('delay histogram bins', () => {
  it('one bin per working day up to the cap, the rest together, negatives apart; bounds for the drill-down', () => {
    const b = bucketDelays(
      [
        { delay: -1, count: 2 },
        { delay: 0, count: 5 },
        { delay: 7, count: 3 },
        { delay: 8, count: 1 },
        { delay: 25, count: 4 },
      ],
      20,
    );
    expect(b[0]).toEqual({ label: '<0', min: -10000, max: -1, count: 2, late: false });
    expect(b[1]).toEqual({ label: '0', min: 0, max: 0, count: 5, late: false });
    expect(b.find((x) => x.label === '7')).toMatchObject({ count: 3, late: false });
    expect(b.find((x) => x.label === '8')).toMatchObject({ count: 1, late: true });
    expect(b[b.length - 1]).toEqual({ label: '20+', min: 20, max: undefined, count: 4, late: true });
    expect(b.reduce((s, x) => s + x.count, 0)).toBe(15);
  });

  it('without long delays the last bin is exact', () => {
    const b = bucketDelays([{ delay: 2, count: 1 }]);
    expect(b.map((x) => x.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(b.reduce((s, x) => s + x.count, 0)).toBe(1);
  });
});

describe('chart options', () => {
  const labels = { onTime: 'O', late: 'L', overdue: 'X', pending: 'P' };
  it('trend: stacked status bars and the rate in % on the right axis with the 100% target', () => {
    const o = trendOption(
      [
        { key: '2026-10', onTime: 9, late: 1, overdue: 0, pending: 0, onTimeRate: 0.9 },
        { key: '2026-11', onTime: 0, late: 0, overdue: 0, pending: 3, onTimeRate: null },
      ],
      { ...labels, rate: 'R', target: 'T', unit: 'n' },
    ) as { xAxis: { data: string[] }; series: Array<{ name: string; stack?: string; yAxisIndex?: number; data: unknown[]; markLine?: { data: unknown[] } }> };
    expect(o.xAxis.data).toEqual(['2026-10', '2026-11']);
    expect(o.series.map((s) => [s.name, s.stack ?? null, s.data])).toEqual([
      ['O', 'status', [9, 0]],
      ['L', 'status', [1, 0]],
      ['X', 'status', [0, 0]],
      ['P', 'status', [0, 3]],
      ['R', null, [90, null]],
    ]);
    expect(o.series[4]!.yAxisIndex).toBe(1);
    expect(o.series[4]!.markLine!.data).toEqual([{ yAxis: 100 }]);
  });

  it('split: one slice per status', () => {
    const o = splitOption({ onTime: 8, late: 3, overdue: 1, pending: 1 }, labels) as { series: Array<{ data: Array<{ name: string; value: number }> }> };
    expect(o.series[0]!.data.map((d) => [d.name, d.value])).toEqual([
      ['O', 8],
      ['L', 3],
      ['X', 1],
      ['P', 1],
    ]);
  });

  it('histogram: bars coloured by the deadline, deadline marked at 7', () => {
    const o = delayHistogramOption(bucketDelays([{ delay: 8, count: 2 }]), { axis: 'wd', count: 'n', deadline: '7', unit: 'n' }) as {
      xAxis: { data: string[] };
      series: Array<{ data: Array<{ value: number; itemStyle: { color: string } }>; markLine: { data: unknown[] } }>;
    };
    expect(o.xAxis.data).toContain('8');
    const eight = o.series[0]!.data[o.xAxis.data.indexOf('8')]!;
    const zero = o.series[0]!.data[0]!;
    expect(eight.value).toBe(2);
    expect(eight.itemStyle.color).not.toBe(zero.itemStyle.color);
    expect(o.series[0]!.markLine.data).toEqual([{ xAxis: '7' }]);
  });
});

describe('publicity labels', () => {
  it('English has exactly the Chinese keys', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});

describe('timeliness (pure), hand-computed', () => {
  const cal = WorkdayCalendar.fromPackage();
  const t = (start: string, answeredOn: string | null, asOf: string) => timeliness(cal, { start, workdays: 7, answeredOn, asOf });
  it('Spring Festival 2025: the adjusted Sunday and Saturday count, the holiday does not', () => {
    expect(t('2025-01-24', '2025-02-10', '2025-03-01')).toEqual({ deadline: '2025-02-10', delay: 7, status: 'on_time', known: true });
    expect(t('2025-01-24', '2025-02-11', '2025-03-01')).toMatchObject({ delay: 8, status: 'late' });
  });
  it('National Day 2025: the deadline is the adjusted Saturday 10-11', () => {
    expect(t('2025-09-25', '2025-10-11', '2025-10-31')).toMatchObject({ deadline: '2025-10-11', delay: 7, status: 'on_time' });
    expect(t('2025-09-25', '2025-10-13', '2025-10-31')).toMatchObject({ delay: 8, status: 'late' });
  });
  it('published the same day: delay 0; unpublished: pending through the deadline, overdue after', () => {
    expect(t('2026-11-03', '2026-11-03', '2026-11-03')).toMatchObject({ delay: 0, status: 'on_time' });
    expect(t('2026-11-16', null, '2026-11-25')).toMatchObject({ deadline: '2026-11-25', status: 'pending', delay: null });
    expect(t('2026-11-16', null, '2026-11-26')).toMatchObject({ status: 'overdue' });
  });
});
