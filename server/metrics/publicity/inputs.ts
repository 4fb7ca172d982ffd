import { z } from 'zod';
import { LAST_12_MONTHS, periodShape, resolvePeriod } from '../../domain/period';
import { STATUSES } from '../../calendar/timeliness';

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

/** status accepts one value or a comma-separated list (e.g. late,overdue). */
const statusList = z
  .union([z.array(z.enum(ITEM_STATUSES)), z.string()])
  .transform((v, ctx) => {
    const list = Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean);
    for (const s of list) {
      if (!(ITEM_STATUSES as readonly string[]).includes(s)) {
        ctx.addIssue({ code: 'custom', message: `unknown status '${s}' (use ${ITEM_STATUSES.join(', ')})` });
        return z.NEVER;
      }
    }
    return [...new Set(list)] as ItemStatus[];
  });

export const itemsInput = z.object({
  ...publicityFilterShape,
  status: statusList.optional(),
  /** Delay in working days (published items), inclusive bounds: the histogram's drill-down. */
  delayMin: z.coerce.number().int().min(-10_000).max(10_000).optional(),
  delayMax: z.coerce.number().int().min(-10_000).max(10_000).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ItemsInput = z.input<typeof itemsInput>;
export type ItemsParsed = z.output<typeof itemsInput>;
