/** Validated inputs of the assessment API (tRPC and REST share them). */
import { z } from 'zod';
import { parsePeriod, PERIOD_PATTERN, previousPeriod } from '../../assessment/periods';
import { LEVELS, whatIfIndicatorsSchema, savedIndicatorsSchema } from '../../../shared/assessmentScheme';
import { DATE_RANGE, queryMonth } from '../../domain/dates';

/** A period is computed with its previous one (movement): both must lie within the dates a query can hold. */
function periodInRange(key: string): boolean {
  if (!PERIOD_PATTERN.test(key)) return true; // the pattern's own message says what is wrong
  try {
    const period = parsePeriod(key);
    return previousPeriod(period).from >= DATE_RANGE.min && period.to <= DATE_RANGE.max;
  } catch {
    return false; // e.g. the year before 1000 has no four-digit key
  }
}

export const periodKey = z
  .string()
  .regex(PERIOD_PATTERN, '考核期应为 YYYY-MM、YYYY-Qn、YYYY 或 R12-YYYY-MM (period must be YYYY-MM, YYYY-Qn, YYYY or R12-YYYY-MM)')
  .refine(periodInRange, `考核期及其上一期应在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间 (the period and its previous period must lie within ${DATE_RANGE.min}..${DATE_RANGE.max})`);
const month = queryMonth;
const entityCode = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '代码只能包含字母、数字、- 和 _ (codes are letters, digits, - and _)');

export const rankingRequest = z.object({ period: periodKey, level: z.enum(LEVELS).default('district') });
export const entityRequest = rankingRequest.extend({ code: entityCode });
export const whatIfRequest = rankingRequest.extend({ indicators: whatIfIndicatorsSchema });
export const saveSchemeRequest = z.object({
  level: z.enum(LEVELS),
  effectiveFrom: month,
  name: z.string().trim().min(1, '方案名称不能为空 (name is required)').max(60),
  note: z.string().trim().min(1, '请说明修改原因 (say why the scheme changes)').max(500),
  indicators: savedIndicatorsSchema,
});
export const manualScoreRequest = z.object({
  level: z.enum(LEVELS),
  period: month,
  indicatorCode: z.string().min(1).max(20),
  entityCode,
  score: z.number().finite().min(0, '分数不能为负 (score must be ≥ 0)'),
  reason: z.string().trim().min(4, '请填写评分理由（至少 4 个字） (give a reason of at least 4 characters)').max(500),
});
