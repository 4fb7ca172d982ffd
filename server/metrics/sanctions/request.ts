import { z } from 'zod';
import { today } from '../../clock';
import { startOfMonthsAgo } from '../months';
import { SANCTION_GROUPS } from './kpi';
import { sanctionFilters } from './pushes';
import { sanctionItemsInput } from './items';

const optionalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)').optional();

/** Defaults every entry point shares: the last 12 months of pushes, status as of today. */
function withDefaults<T extends { from?: string; to?: string; asOf?: string }>(v: T) {
  const asOf = v.asOf ?? today();
  const to = v.to ?? asOf;
  return { ...v, asOf, to, from: v.from ?? startOfMonthsAgo(to, 11) };
}

const periodOptional = { from: optionalDate, to: optionalDate, asOf: optionalDate };

export const sanctionKpiRequest = sanctionFilters
  .extend({ ...periodOptional, groupBy: z.enum(SANCTION_GROUPS).default('unit') })
  .transform(withDefaults)
  .refine((v) => v.from <= v.to, { message: 'from 不能晚于 to (from must not be after to)' });

export const sanctionFilterRequest = sanctionFilters
  .extend(periodOptional)
  .transform(withDefaults)
  .refine((v) => v.from <= v.to, { message: 'from 不能晚于 to (from must not be after to)' });

export const sanctionItemsRequest = sanctionItemsInput
  .extend(periodOptional)
  .transform(withDefaults)
  .refine((v) => v.from <= v.to, { message: 'from 不能晚于 to (from must not be after to)' });
