/** Pure helpers of the scheme editor: a new indicator's method for a metric, and the total of maxima. */
import { METHODS_BY_METRIC, type Indicator, type Method, type MethodKind, type Metric } from '@/shared/assessmentScheme';

export function methodOf(kind: MethodKind): Method {
  switch (kind) {
    case 'rate':
      return { kind, whenUndefined: 'full' };
    case 'target':
      return { kind };
    case 'threshold':
      return { kind, lo: 0.8, hi: 0.95 };
    case 'deduction':
      return { kind, perItem: 1 };
    case 'manual':
      return { kind, defaultScore: null };
  }
}

/** A metric's first allowed method, keeping the current one when it is allowed. */
export function methodForMetric(metric: Metric, current?: Method): Method {
  const allowed = METHODS_BY_METRIC[metric];
  return current && allowed.includes(current.kind) ? current : methodOf(allowed[0]!);
}

export function newIndicator(existing: readonly Indicator[]): Indicator {
  let n = existing.length + 1;
  while (existing.some((i) => i.code === `IND_${n}`)) n++;
  return { code: `IND_${n}`, name: '新指标', metric: 'manual', maxPoints: 0, method: methodOf('manual'), description: '' };
}

export const maximaTotal = (indicators: readonly Pick<Indicator, 'maxPoints'>[]) =>
  Math.round(indicators.reduce((s, i) => s + (Number.isFinite(i.maxPoints) ? i.maxPoints : 0), 0) * 100) / 100;
