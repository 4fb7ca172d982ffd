import { describe, expect, it } from 'vitest';
import { fill, linkWith, readFilters, readGrain, readView } from '@/app/_components/ingestion/filters';
import { baselineOption } from '@/app/_components/ingestion/options/baseline';
import { completionOption } from '@/app/_components/ingestion/options/completion';
import { errorCodeAt, errorCodeOption } from '@/app/_components/ingestion/options/errorCodes';
import { heatmapHeight, heatmapOption, HEATMAP_VISIBLE_UNITS } from '@/app/_components/ingestion/options/heatmap';
import { bucketLabel, volumeOption } from '@/app/_components/ingestion/options/volume';
import { en, zh } from '@/app/_i18n/areas/ingestion';

type Series = { name: string; type: string; stack?: string; data: unknown[]; markLine?: { data: unknown[] } };
const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('ingestion labels', () => {
  it('English has exactly the Chinese keys, and placeholders match', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect(ph(en.targets.workdays)).toEqual(ph(zh.targets.workdays));
    expect(fill(zh.targets.workdays, { year: 2026, elapsed: 220, inYear: 248, refDate: '2026-11-23' })).toBe(
      '2026 年：已过工作日 220 天 / 全年 248 天，截至 2026-11-23',
    );
  });
});

describe('URL filters', () => {
  it('reads well-formed filters only and builds links that keep them', () => {
    const q = new URLSearchParams('from=2026-01-01&to=bad&district=990102&unit=x y&catalog=XZQZ&view=targets&grain=month');
    expect(readFilters(q)).toEqual({ from: '2026-01-01', district: '990102', catalog: 'XZQZ' });
    expect(readView(q)).toBe('targets');
    expect(readView(new URLSearchParams('view=nope'))).toBe('volume');
    expect(readGrain(q)).toBe('month');
    expect(linkWith('/ingestion/items', { from: '2026-01-01', district: '990102' }, { status: 'accepted', from: '2026-03-01', unit: undefined })).toBe(
      '/ingestion/items?from=2026-03-01&district=990102&status=accepted',
    );
    expect(linkWith('/ingestion', {})).toBe('/ingestion');
  });
});

describe('volume chart', () => {
  const points = [
    { key: '2026-09-28', from: '2026-10-01', to: '2026-10-04', partial: true, records: 1, licenses: 0, penalties: 0 },
    { key: '2026-10-05', from: '2026-10-05', to: '2026-10-11', partial: false, records: 4, licenses: 1, penalties: 2 },
  ];
  const labels = { records: 'R', licenses: 'L', penalties: 'P', axisCount: '条', axisTime: '接收日期', partial: '不完整' };
  it('stacks the three streams per bucket, lighter for a partial bucket, with named axes', () => {
    const o = volumeOption(points, 'week', labels) as {
      xAxis: { data: string[]; name: string };
      yAxis: { name: string };
      series: Array<Omit<Series, 'data'> & { data: Array<{ value: number; itemStyle?: { opacity: number } }> }>;
      tooltip: { formatter: (items: Array<{ dataIndex: number; marker: string; seriesName: string; value: number }>) => string };
    };
    expect(o.xAxis.data).toEqual(['2026-09-28', '2026-10-05']);
    expect([o.xAxis.name, o.yAxis.name]).toEqual(['接收日期', '条']);
    expect(o.series.map((s) => [s.name, s.stack, s.data.map((d) => d.value)])).toEqual([
      ['R', 'volume', [1, 4]],
      ['L', 'volume', [0, 1]],
      ['P', 'volume', [0, 2]],
    ]);
    expect(o.series[0]!.data[0]!.itemStyle).toEqual({ opacity: 0.45 });
    expect(o.series[0]!.data[1]!.itemStyle).toBeUndefined();
    const tip = o.tooltip.formatter([{ dataIndex: 0, marker: '', seriesName: 'R', value: 1 }]);
    expect(tip).toContain('2026-10-01 ~ 2026-10-04（不完整）');
    expect(tip).toContain('Σ 1');
    expect(bucketLabel({ key: '2026-10-01' }, 'month')).toBe('2026-10');
  });
});

describe('heatmap', () => {
  it('puts catalog items on x, units on y (largest first), greys expected-but-empty cells, slides past 25 units', () => {
    const h = {
      units: [
        { code: 'A', name: '甲', accepted: 6 },
        { code: 'B', name: '乙', accepted: 4 },
      ],
      catalog: [
        { code: 'XZQZ', name: '行政强制' },
        { code: 'YZSX', name: '严重失信' },
      ],
      cells: [
        [0, 0, 6, 1],
        [0, 1, 0, 1],
        [1, 0, 4, 0],
      ] as Array<[number, number, number, 0 | 1]>,
    };
    const o = heatmapOption(h, { axisUnit: '单位', axisCatalog: '目录', expectedNone: '应报未报', notExpected: '非应报' }) as {
      xAxis: { data: string[] };
      yAxis: { data: string[]; inverse: boolean };
      visualMap: { max: number };
      dataZoom: unknown[];
      series: Array<{ data: Array<{ value: number[]; itemStyle?: { color?: string; borderColor?: string } }> }>;
    };
    expect(o.xAxis.data).toEqual(['XZQZ', 'YZSX']);
    expect(o.yAxis).toMatchObject({ data: ['甲', '乙'], inverse: true });
    expect(o.visualMap.max).toBe(6);
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([
      [0, 0, 6],
      [1, 0, 0],
      [0, 1, 4],
    ]);
    expect(o.series[0]!.data[1]!.itemStyle?.color).toBe('#e2e8f0');
    expect(o.series[0]!.data[2]!.itemStyle?.borderColor).toBeDefined();
    expect(o.dataZoom).toEqual([]);
    const many = { ...h, units: Array.from({ length: 40 }, (_, i) => ({ code: `U${i}`, name: `U${i}`, accepted: 40 - i })) };
    expect((heatmapOption(many, { axisUnit: '', axisCatalog: '', expectedNone: '', notExpected: '' }) as { dataZoom: unknown[] }).dataZoom).toHaveLength(2);
    expect(heatmapHeight(40)).toBe(HEATMAP_VISIBLE_UNITS * 22 + 130);
  });
});

describe('error codes, completion and baseline charts', () => {
  it('orders error codes by rows and maps a clicked bar back to its code', () => {
    const codes = [
      { errorCode: 'USCC_CHECK', rows: 2, records: 2, licenses: 0, penalties: 0 },
      { errorCode: 'REQUIRED', rows: 3, records: 2, licenses: 1, penalties: 0 },
    ];
    const o = errorCodeOption(codes, { rows: '行数', records: 'R', licenses: 'L', penalties: 'P', codeName: (c) => (c === 'REQUIRED' ? '必填' : c) }) as {
      yAxis: { data: string[] };
      series: Series[];
    };
    expect(o.yAxis.data).toEqual(['必填 (REQUIRED)', 'USCC_CHECK (USCC_CHECK)']);
    expect(o.series.map((s) => s.data)).toEqual([[2, 2], [1, 0], [0, 0]]);
    expect(errorCodeAt(codes, 0)).toBe('REQUIRED');
  });

  it('completion: % of target so far and projected, target line at 100%, rows without a target left out', () => {
    const o = completionOption(
      [
        { key: '990102', name: '东城区', target: 200, targetCompletion: 0.06, projection: 14.588, onTrack: false },
        { key: '990103', name: '西湖区', target: 1, targetCompletion: 1, projection: 1.2157, onTrack: true },
        { key: '990104', name: '南山区', target: null, targetCompletion: null, projection: 3, onTrack: null },
      ],
      { completion: '完成率', projectionRate: '预测', goal: '目标', onTrack: '可完成', offTrack: '难完成' },
    ) as {
      xAxis: { data: string[] };
      series: Array<Omit<Series, 'data'> & { data: Array<number | { value: number | null; itemStyle: { color: string } }> }>;
    };
    expect(o.xAxis.data).toEqual(['东城区', '西湖区']);
    expect(o.series[0]!.data).toEqual([6, 100]);
    expect(o.series[1]!.data.map((d) => (typeof d === 'number' ? d : d.value))).toEqual([7.3, 121.6]);
    expect(o.series[1]!.markLine!.data).toEqual([{ yAxis: 100 }]);
  });

  it('baseline: the band is a transparent lower line plus the stacked band height; anomalies as red points', () => {
    const o = baselineOption(
      [
        { date: '2026-10-26', value: 9, expected: 9, lower: 5.376, upper: 14.683, z: 0, anomaly: false },
        { date: '2026-10-27', value: 2, expected: 9, lower: 5.376, upper: 14.683, z: -8.03, anomaly: true },
      ],
      { value: '归集量', expected: '基线', band: '正常区间', anomaly: '异常', axisDay: '工作日', axisCount: '条', z: 'z' },
    ) as { xAxis: { data: string[] }; series: Series[] };
    expect(o.xAxis.data).toEqual(['2026-10-26', '2026-10-27']);
    const by = Object.fromEntries(o.series.map((s) => [s.name, s]));
    expect(by['正常区间-lower']!.data).toEqual([5.4, 5.4]);
    expect(by['正常区间']!).toMatchObject({ stack: 'band', data: [9.3, 9.3] });
    expect(by['基线']!.data).toEqual([9, 9]);
    expect(by['归集量']!.data).toEqual([9, 2]);
    expect(by['异常']!).toMatchObject({ type: 'scatter', data: [null, 2] });
  });
});
