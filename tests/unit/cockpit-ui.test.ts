import { describe, expect, it } from 'vitest';
import { sparklineOption } from '@/app/_components/charts/sparklineOption';
import { attentionLinks, cardLinks, type LinkContext } from '@/app/_components/overview/links';
import { topAndBottom, type RankingRow } from '@/app/_components/overview/RankingCard';
import { toneAgainst } from '@/app/_components/overview/tone';
import { en, zh } from '@/app/_i18n/areas/overview';
import { cockpitPeriod } from '@/server/metrics/overview/cockpit';

const today: LinkContext = { period: cockpitPeriod('2026-11-23'), explicitAsOf: false };
const pinned: LinkContext = { period: cockpitPeriod('2026-11-23'), explicitAsOf: true };

describe('cockpit links carry the period and scope of the figure', () => {
  it('cards open their dashboards for the year to date', () => {
    expect(cardLinks.ingestion(today)).toBe('/ingestion?view=targets');
    expect(cardLinks.publicity(today)).toBe('/publicity?from=2026-01-01&to=2026-11-23');
    expect(cardLinks.sanctions(pinned)).toBe('/sanctions?from=2026-01-01&to=2026-11-23&asOf=2026-11-23');
    expect(cardLinks.ranking('2026-11')).toBe('/assessment?period=2026-11');
  });

  it('attention rows open the exact items: status, window, and the district or unit', () => {
    const all = { kind: 'all' } as const;
    const east = { kind: 'district', districtCode: '990102' } as const;
    expect(attentionLinks.publicityOverdue(today, all)).toBe('/publicity/items?status=overdue&from=2025-12-01&to=2026-11-23');
    expect(attentionLinks.publicityOverdue(today, east)).toBe('/publicity/items?status=overdue&from=2025-12-01&to=2026-11-23&district=990102');
    expect(attentionLinks.publicityOverdue(today, east, 'D990102-05')).toBe('/publicity/items?status=overdue&from=2025-12-01&to=2026-11-23&unit=D990102-05');
    expect(attentionLinks.sanctionOverdue(today, all, 'C010')).toBe('/sanctions?from=2025-12-01&to=2026-11-23&unit=C010#overdue');
    expect(attentionLinks.missing(pinned, { kind: 'unit', unitCode: 'C002', districtCode: '990100' })).toBe(
      '/ingestion/items?status=missing&from=2026-11-01&to=2026-11-23&asOf=2026-11-23&unit=C002',
    );
    expect(attentionLinks.anomalies(today, all, 'D990103-01')).toBe('/ingestion/items?status=anomaly&from=2026-11-16&to=2026-11-23&unit=D990103-01');
  });
});

describe('ranking card', () => {
  const row = (code: string, rank: number, total: number, movement: number | null = 0): RankingRow => ({ code, name: code, total, rank, movement });

  it('top three and bottom three by rank, ties kept in rank order', () => {
    const rows = [row('d', 4, 70), row('a', 1, 95), row('g', 7, 40), row('b', 2, 90), row('c', 2, 90), row('f', 6, 50), row('e', 5, 60)];
    const { top, bottom } = topAndBottom(rows);
    expect(top.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    expect(bottom.map((r) => r.code)).toEqual(['e', 'f', 'g']);
  });

  it('with fewer than six rows the bottom never repeats the top', () => {
    const { top, bottom } = topAndBottom([row('a', 1, 9), row('b', 2, 8), row('c', 3, 7), row('d', 4, 6)]);
    expect(top.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    expect(bottom.map((r) => r.code)).toEqual(['d']);
    expect(topAndBottom([])).toEqual({ top: [], bottom: [] });
  });
});

describe('sparkline', () => {
  it('rates in percent with the target line and a zoomed axis; the last month lighter', () => {
    const o = sparklineOption(
      [
        { month: '2026-09', value: 0.86 },
        { month: '2026-10', value: null },
        { month: '2026-11', value: 0.9 },
      ],
      { kind: 'line', unit: 'rate', series: '反馈率', target: 0.95, targetLabel: '目标' },
    ) as {
      yAxis: { min: number; max: number };
      series: Array<{ data: Array<{ value: number | null; itemStyle: { opacity: number } }>; markLine: { data: Array<{ yAxis: number }> } }>;
      tooltip: { formatter: (p: unknown[]) => string };
    };
    const s = o.series[0]!;
    expect(s.data.map((d) => d.value)).toEqual([86, null, 90]);
    expect(s.data.map((d) => d.itemStyle.opacity)).toEqual([1, 1, 0.45]);
    expect(s.markLine.data[0]!.yAxis).toBe(95);
    expect(o.yAxis).toMatchObject({ min: 70, max: 100 });
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesName: '反馈率', value: 86, marker: '' }])).toBe('2026-09<br/>反馈率: 86%<br/>目标: 95%');
  });

  it('counts as bars from zero, no target line without a target', () => {
    const o = sparklineOption([{ month: '2026-11', value: 12345 }], { kind: 'bar', unit: 'count', series: '归集量', countUnit: '条', partialNote: '≤ 2026-11-23' }) as {
      yAxis: { min: number };
      series: Array<{ type: string; markLine?: unknown }>;
      tooltip: { formatter: (p: unknown[]) => string };
    };
    expect(o.yAxis.min).toBe(0);
    expect(o.series[0]!.type).toBe('bar');
    expect(o.series[0]!.markLine).toBeUndefined();
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesName: '归集量', value: 12345, marker: '' }])).toBe('2026-11 (≤ 2026-11-23)<br/>归集量: 12,345 条');
  });
});

describe('tone against a target', () => {
  it('green at or above, amber within 5 points, red below, grey without a figure', () => {
    expect(toneAgainst(1, 1)).toBe('text-emerald-700');
    expect(toneAgainst(0.96, 1)).toBe('text-amber-700');
    expect(toneAgainst(0.94, 1)).toBe('text-red-700');
    expect(toneAgainst(null, 1)).toBe('text-slate-400');
    expect(toneAgainst(0.5, null)).toBe('');
  });
});

describe('cockpit labels', () => {
  it('en has every zh key', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});
