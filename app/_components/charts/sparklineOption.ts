import type { EChartsCoreOption } from 'echarts/core';

export type SparkPoint = { month: string; value: number | null };

/**
 * A small monthly trend for a cockpit card: bars (counts) or a line (rates, shown in percent), the target as a dashed
 * line, the last month drawn lighter because it is not over yet. Axis labels are kept to the first and last month;
 * the tooltip names the month, the series and the value with its unit.
 */
export function sparklineOption(
  points: readonly SparkPoint[],
  opts: {
    kind: 'bar' | 'line';
    /** 'rate': values are fractions, drawn and labelled in percent. */
    unit: 'count' | 'rate';
    series: string;
    /** Unit word after a count in the tooltip (e.g. 条). */
    countUnit?: string;
    target?: number | null;
    targetLabel?: string;
    /** Tooltip note on the last (partial) month. */
    partialNote?: string;
    color?: string;
  },
): EChartsCoreOption {
  const rate = opts.unit === 'rate';
  const shown = (v: number | null) => (v === null ? null : rate ? Math.round(v * 1000) / 10 : v);
  const color = opts.color ?? '#1d4ed8';
  const last = points.length - 1;
  const format = (v: unknown) =>
    v === null || v === undefined || v === '-'
      ? '—'
      : rate
        ? `${String(v)}%`
        : `${Number(v).toLocaleString('zh-CN')}${opts.countUnit ? ` ${opts.countUnit}` : ''}`;
  const target = opts.target === null || opts.target === undefined ? null : shown(opts.target);
  const values = points.map((p) => shown(p.value));
  const known = values.filter((v): v is number => v !== null);
  // Rates: zoom to the band the values and the target live in (a 93–97% series is flat on a 0–100 scale).
  const rateMin = Math.max(0, Math.floor(Math.min(...known, target ?? 100) / 10) * 10 - 10);
  return {
    animation: false,
    grid: { left: rate ? 34 : 44, right: 8, top: 8, bottom: 20 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: Array<{ dataIndex: number; seriesName: string; value: unknown; marker: string }>) => {
        const i = params[0]?.dataIndex ?? 0;
        const head = `${points[i]?.month ?? ''}${i === last && opts.partialNote ? ` (${opts.partialNote})` : ''}`;
        const lines = params.map((p) => `${p.marker}${p.seriesName}: ${format(p.value)}`);
        if (target !== null) lines.push(`${opts.targetLabel ?? ''}: ${format(target)}`);
        return [head, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.month),
      axisTick: { show: false },
      axisLabel: { fontSize: 10, color: '#64748b', interval: (i: number) => i === 0 || i === last },
    },
    yAxis: {
      type: 'value',
      min: rate ? rateMin : 0,
      max: rate ? 100 : undefined,
      splitNumber: 2,
      axisLabel: {
        fontSize: 10,
        color: '#64748b',
        formatter: (v: number) => (rate ? `${v}%` : v >= 10_000 ? `${Math.round(v / 1000)}k` : String(v)),
      },
      splitLine: { lineStyle: { color: '#f1f5f9' } },
    },
    series: [
      {
        name: opts.series,
        type: opts.kind,
        data: values.map((v, i) => ({
          value: v,
          itemStyle: { color, opacity: i === last ? 0.45 : 1 },
        })),
        barMaxWidth: 14,
        symbolSize: 4,
        connectNulls: false,
        lineStyle: { color, width: 2 },
        ...(target !== null
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#dc2626', type: 'dashed', width: 1 },
                label: { show: false },
                data: [{ yAxis: target, name: opts.targetLabel ?? '' }],
              },
            }
          : {}),
      },
    ],
  };
}
