import { z } from 'zod';
import { today } from '../../clock';
import { queryDate } from '../../domain/dates';
import { startOfMonthsAgo } from '../months';
import { SANCTION_GROUPS } from './kpi';
import { sanctionFilters } from './pushes';
import { sanctionItemsInput } from './items';

const optionalDate = queryDate.optional();

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
