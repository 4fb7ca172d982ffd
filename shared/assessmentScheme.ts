/**
 * The scoring scheme (考核方案, design.md §5): per level, a versioned list of indicators, each with a metric (what it
 * measures), maximum points and a scoring method. Pure: the zod shape, the rules a scheme must obey and the methods each
 * metric allows. Storage is in ./store.ts; the figures behind each metric in server/metrics/assessment/inputs.ts.
 */
import { z } from 'zod';

export const LEVELS = ['district', 'unit'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * What an indicator measures, each from the dashboard of its area (one source of truth):
 * - ingestion_target   归集 accepted distinct records year to date vs the annual target pro-rated to the period end;
 * - ingestion_quality  归集 accepted rows ÷ (accepted + rejected rows) received in the period;
 * - publicity_on_time  双公示 on-time rate of decisions dated in the period, as of the period end;
 * - publicity_overdue  双公示 decisions dated in the period still unpublished after their deadline at the period end;
 * - sanction_feedback  联合奖惩 feedback rate of pushes made in the period, as of the period end;
 * - sanction_timely    联合奖惩 timely-feedback rate of the same pushes;
 * - notice_rectification 督办 items rectified ÷ items of the notices issued in the period, as of the period end;
 * - manual             entered by the office with a reason (e.g. 信用宣传与承诺).
 */
export const METRICS = [
  'ingestion_target',
  'ingestion_quality',
  'publicity_on_time',
  'publicity_overdue',
  'sanction_feedback',
  'sanction_timely',
  'notice_rectification',
  'manual',
] as const;
export type Metric = (typeof METRICS)[number];

export const METHOD_KINDS = ['rate', 'target', 'threshold', 'deduction', 'manual'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

/** Which methods make sense for which metric: rates can be scored proportionally or by thresholds, counts deducted. */
export const METHODS_BY_METRIC: Readonly<Record<Metric, readonly MethodKind[]>> = {
  ingestion_target: ['target'],
  ingestion_quality: ['rate', 'threshold'],
  publicity_on_time: ['rate', 'threshold'],
  publicity_overdue: ['deduction'],
  sanction_feedback: ['rate', 'threshold'],
  sanction_timely: ['rate', 'threshold'],
  notice_rectification: ['rate', 'threshold'],
  manual: ['manual'],
};

const points = z.number().finite().min(0, '分值不能为负 (points must be ≥ 0)').max(100, '分值不能超过 100 (points must be ≤ 100)');
const fraction = z.number().finite().min(0, '阈值应在 0 到 1 之间 (thresholds are fractions in [0, 1])').max(1, '阈值应在 0 到 1 之间 (thresholds are fractions in [0, 1])');

export const methodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), whenUndefined: z.enum(['full', 'zero']).default('full') }),
  z.object({ kind: z.literal('target') }),
  z.object({ kind: z.literal('threshold'), lo: fraction, hi: fraction }),
  z.object({ kind: z.literal('deduction'), perItem: z.number().finite().positive('每项扣分应大于 0 (points per item must be > 0)').max(100) }),
  z.object({ kind: z.literal('manual'), defaultScore: points.nullable().default(null) }),
]);
export type Method = z.infer<typeof methodSchema>;

export const indicatorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,19}$/, '指标代码应为 2–20 位大写字母、数字或下划线 (code: 2–20 of A–Z, 0–9, _)'),
  name: z.string().trim().min(1, '指标名称不能为空 (name is required)').max(40),
  metric: z.enum(METRICS),
  maxPoints: points,
  method: methodSchema,
  description: z.string().max(200).default(''),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** Rules that hold across fields: unique codes, a method the metric allows, lo < hi, and (when saving) 100 points. */
export function checkIndicators(indicators: readonly Indicator[], ctx: z.RefinementCtx, opts: { requireHundred: boolean }) {
  if (indicators.length === 0) ctx.addIssue({ code: 'custom', message: '方案至少要有一个指标 (a scheme needs at least one indicator)' });
  const seen = new Set<string>();
  indicators.forEach((ind, i) => {
    if (seen.has(ind.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `指标代码 ${ind.code} 重复 (duplicate code)` });
    seen.add(ind.code);
    if (!METHODS_BY_METRIC[ind.metric].includes(ind.method.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'method', 'kind'],
        message: `指标 ${ind.code} 的计分方法 ${ind.method.kind} 不适用于 ${ind.metric}，可选：${METHODS_BY_METRIC[ind.metric].join('、')} (method not allowed for this metric)`,
      });
    }
    if (ind.method.kind === 'threshold' && !(ind.method.hi > ind.method.lo)) {
      ctx.addIssue({ code: 'custom', path: [i, 'method', 'hi'], message: `指标 ${ind.code}：满分线应高于零分线 (hi must be greater than lo)` });
    }
    if (ind.method.kind === 'manual' && ind.method.defaultScore !== null && ind.method.defaultScore > ind.maxPoints) {
      ctx.addIssue({ code: 'custom', path: [i, 'method', 'defaultScore'], message: `指标 ${ind.code}：默认分不能超过满分 (default above max)` });
    }
  });
  const total = totalPoints(indicators);
  if (opts.requireHundred && Math.abs(total - 100) > 1e-9) {
    ctx.addIssue({ code: 'custom', message: `各指标满分合计应为 100，现为 ${total} (indicator maxima must sum to 100; they sum to ${total})` });
  }
}

export const totalPoints = (indicators: readonly Pick<Indicator, 'maxPoints'>[]) =>
  Math.round(indicators.reduce((s, i) => s + i.maxPoints, 0) * 100) / 100;

/** Indicators of a scheme to be saved: every rule, totals 100. */
export const savedIndicatorsSchema = z.array(indicatorSchema).max(30).superRefine((list, ctx) => checkIndicators(list, ctx, { requireHundred: true }));
/** Indicators of a what-if: the same rules except the total, so weights can be tried freely. */
export const whatIfIndicatorsSchema = z.array(indicatorSchema).max(30).superRefine((list, ctx) => checkIndicators(list, ctx, { requireHundred: false }));

export type Scheme = {
  level: Level;
  version: number;
  /** First month the version applies to, 'YYYY-MM'. */
  effectiveFrom: string;
  name: string;
  note: string;
  createdBy: string;
  createdAt: string;
  indicators: Indicator[];
};

/** The version in force for a month: the latest effectiveFrom ≤ month, the higher version on a tie. */
export function schemeInForce<T extends Pick<Scheme, 'effectiveFrom' | 'version'>>(versions: readonly T[], month: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > month) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best;
}
