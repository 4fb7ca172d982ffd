/**
 * Where each cockpit figure leads (pure). Every link carries the period the figure was computed over, so the page it
 * opens shows the same number: the cards open their area's dashboard for the year to date, the attention rows open
 * the exact items behind them (status, period, and the caller's district or unit when scoped).
 */
import type { Attention, CockpitPeriod } from '@/server/metrics/overview/cockpit';

type Scope = Attention['scope'];
type Extra = Record<string, string | undefined>;

/** `asOf` is only carried when the cockpit was asked for another day than today (the pages default to today). */
export type LinkContext = { period: CockpitPeriod; explicitAsOf: boolean };

function link(path: string, params: Extra, hash = ''): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `${path}${s ? `?${s}` : ''}${hash}`;
}

const asOf = (c: LinkContext) => (c.explicitAsOf ? c.period.asOf : undefined);

const scopeCodes = (scope: Scope): Extra =>
  scope.kind === 'district' ? { district: scope.districtCode } : scope.kind === 'unit' ? { unit: scope.unitCode } : {};

export const cardLinks = {
  /** The 归集 dashboard defaults to the year to date; the targets view holds completion and projection. */
  ingestion: (c: LinkContext) => link('/ingestion', { view: 'targets', asOf: asOf(c) }),
  publicity: (c: LinkContext) => link('/publicity', { from: c.period.yearStart, to: c.period.asOf, asOf: asOf(c) }),
  sanctions: (c: LinkContext) => link('/sanctions', { from: c.period.yearStart, to: c.period.asOf, asOf: asOf(c) }),
  ranking: (period: string) => link('/assessment', { period }),
};

/** A unit's own rows: the unit filter replaces the scope's district (a unit is always inside it). */
const within = (scope: Scope, unit?: string): Extra => (unit ? { unit } : scopeCodes(scope));

export const attentionLinks = {
  publicityOverdue: (c: LinkContext, scope: Scope, unit?: string) =>
    link('/publicity/items', { status: 'overdue', from: c.period.trendFrom, to: c.period.asOf, asOf: asOf(c), ...within(scope, unit) }),
  sanctionOverdue: (c: LinkContext, scope: Scope, unit?: string) =>
    link('/sanctions', { from: c.period.trendFrom, to: c.period.asOf, asOf: asOf(c), ...within(scope, unit) }, '#overdue'),
  missing: (c: LinkContext, scope: Scope, unit?: string) =>
    link('/ingestion/items', { status: 'missing', from: c.period.monthStart, to: c.period.asOf, asOf: asOf(c), ...within(scope, unit) }),
  anomalies: (c: LinkContext, scope: Scope, unit?: string) =>
    link('/ingestion/items', { status: 'anomaly', from: c.period.recentFrom, to: c.period.asOf, asOf: asOf(c), ...within(scope, unit) }),
};
