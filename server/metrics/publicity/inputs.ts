import { z } from 'zod';
import { LAST_12_MONTHS, periodShape, resolvePeriod } from '../../domain/period';
import { STATUSES } from '../../calendar/timeliness';
import { pageShape } from '../cursor';
import { valueList } from '../../domain/queryParams';

export const KINDS = ['license', 'penalty'] as const;
export type Kind = (typeof KINDS)[number];
/** Catalog codes of the two double-publicity items (groupBy=catalog keys). */
export const KIND_CATALOG: Record<Kind, 'XK' | 'CF'> = { license: 'XK', penalty: 'CF' };

export const GROUP_BYS = ['unit', 'district', 'catalog', 'month'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Filters shared by every double-publicity figure: decision dates in [from, to], status as of asOf. */
export const publicityFilterShape = {
  ...periodShape,
  unit: z.string().max(40).optional(),
  district: z.string().max(20).optional(),
  kind: z.enum(KINDS).optional(),
};
export type PublicityFilterInput = {
  from?: string;
  to?: string;
  asOf?: string;
  unit?: string;
  district?: string;
  kind?: Kind;
};

export type ResolvedFilter = {
  from: string;
  to: string;
  asOf: string;
  unit: string;
  district: string;
  kind: '' | Kind;
};

/** The period's defaults (server/domain/period.ts): the last twelve months up to asOf = today. */
export function resolveFilter(input: PublicityFilterInput): ResolvedFilter {
  return { ...resolvePeriod(input, LAST_12_MONTHS), unit: input.unit ?? '', district: input.district ?? '', kind: input.kind ?? '' };
}

export const kpiInput = z.object({ ...publicityFilterShape, groupBy: z.enum(GROUP_BYS).default('unit') });
export type KpiInput = z.input<typeof kpiInput>;

export const histogramInput = z.object(publicityFilterShape);

/** `warning`: unpublished items due within the next 2 working days (a subset of pending). */
export const ITEM_STATUSES = [...STATUSES, 'warning'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];


export const itemsInput = z.object({
  ...publicityFilterShape,
  /** One status or a comma-separated list (e.g. late,overdue). */
  status: valueList(ITEM_STATUSES, 'status').optional(),
  /** Delay in working days (published items), inclusive bounds: the histogram's drill-down. */
  delayMin: z.coerce.number().int().min(-10_000).max(10_000).optional(),
  delayMax: z.coerce.number().int().min(-10_000).max(10_000).optional(),
  ...pageShape,
});
export type ItemsInput = z.input<typeof itemsInput>;
export type ItemsParsed = z.output<typeof itemsInput>;
