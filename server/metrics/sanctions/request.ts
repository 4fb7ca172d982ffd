import { z } from 'zod';
import { LAST_12_MONTHS, periodShape, resolvedPeriod } from '../../domain/period';
import { SANCTION_GROUPS } from './kpi';
import { sanctionFilters } from './pushes';
import { sanctionItemsInput } from './items';

/** Every entry point resolves its period in the schema: the last 12 months of pushes, status as of today. */
const withPeriod = resolvedPeriod(LAST_12_MONTHS);

export const sanctionKpiRequest = sanctionFilters.extend({ ...periodShape, groupBy: z.enum(SANCTION_GROUPS).default('unit') }).transform(withPeriod);
export const sanctionFilterRequest = sanctionFilters.extend(periodShape).transform(withPeriod);
export const sanctionItemsRequest = sanctionItemsInput.extend(periodShape).transform(withPeriod);
