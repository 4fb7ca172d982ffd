/**
 * The 双公示 pages keep their filters in the URL (shareable, the back button works). Pure helpers: read the search
 * params, build links that keep the filters, colour a rate against the 100% target, bin delays for the histogram.
 */
export const KINDS = ['license', 'penalty'] as const;
export type Kind = (typeof KINDS)[number];
export const ITEM_STATUSES = ['overdue', 'late', 'warning', 'pending', 'on_time'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export type PublicityParams = {
  from?: string;
  to?: string;
  asOf?: string;
  district?: string;
  unit?: string;
  kind?: Kind;
};

export type ItemParams = PublicityParams & { status?: ItemStatus[]; delayMin?: number; delayMax?: number };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;
type Params = { get(name: string): string | null };

/** The filters of a search string; anything malformed is dropped (the server then applies its defaults). */
export function readFilters(params: Params): PublicityParams {
  const out: PublicityParams = {};
  for (const k of ['from', 'to', 'asOf'] as const) {
    const v = params.get(k);
    if (v && DATE.test(v)) out[k] = v;
  }
  for (const k of ['district', 'unit'] as const) {
    const v = params.get(k);
    if (v && CODE.test(v)) out[k] = v;
  }
  const kind = params.get('kind');
  if ((KINDS as readonly string[]).includes(kind ?? '')) out.kind = kind as Kind;
  return out;
}

/** Filters of the items page: the dashboard's plus status and a delay range. */
export function readItemFilters(params: Params): ItemParams {
  const out: ItemParams = readFilters(params);
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is ItemStatus => (ITEM_STATUSES as readonly string[]).includes(s));
  if (status.length) out.status = [...new Set(status)];
  for (const k of ['delayMin', 'delayMax'] as const) {
    const v = params.get(k);
    if (v !== null && /^-?\d{1,4}$/.test(v)) out[k] = Number(v);
  }
  return out;
}

/** A link to `path` with the filters plus `extra` (extra wins; empty values are left out). */
export function linkWith(path: string, filters: PublicityParams, extra: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The items page for a figure: the dashboard's filters narrowed by status, unit, district, kind or delay. */
export const itemsLink = (filters: PublicityParams, extra: Record<string, string | number | undefined> = {}) =>
  linkWith('/publicity/items', filters, extra);

export type Tone = 'good' | 'warn' | 'bad' | 'none';

/** Against the binding 100% target: met (green), ≥ 95% (amber), below (red), nothing due (grey). */
export function rateTone(rate: number | null | undefined): Tone {
  if (rate === null || rate === undefined) return 'none';
  if (rate >= 1) return 'good';
  if (rate >= 0.95) return 'warn';
  return 'bad';
}

export const TONE_CLASS: Record<Tone, string> = {
  good: 'bg-emerald-100 text-emerald-800',
  warn: 'bg-amber-100 text-amber-800',
  bad: 'bg-red-100 text-red-800',
  none: 'bg-slate-100 text-slate-500',
};

export type DelayBucket = { label: string; min: number; max: number | undefined; count: number; late: boolean };

/**
 * Delays (working days) binned for the histogram: one bar per day from 0 to cap−1, one for "cap or more", and one for
 * negative delays if any (a register date after the publication). Each bin carries its bounds for the drill-down.
 */
export function bucketDelays(rows: ReadonlyArray<{ delay: number; count: number }>, cap = 20, deadline = 7): DelayBucket[] {
  const out: DelayBucket[] = [];
  const negative = rows.filter((r) => r.delay < 0).reduce((s, r) => s + r.count, 0);
  if (negative > 0) out.push({ label: '<0', min: -10_000, max: -1, count: negative, late: false });
  const maxSeen = rows.reduce((m, r) => Math.max(m, r.delay), deadline + 1);
  const top = Math.min(cap, maxSeen);
  for (let d = 0; d < top; d++) {
    out.push({ label: String(d), min: d, max: d, count: rows.filter((r) => r.delay === d).reduce((s, r) => s + r.count, 0), late: d > deadline });
  }
  const rest = rows.filter((r) => r.delay >= top).reduce((s, r) => s + r.count, 0);
  if (top === cap) out.push({ label: `${cap}+`, min: cap, max: undefined, count: rest, late: true });
  else out.push({ label: String(top), min: top, max: top, count: rest, late: top > deadline });
  return out;
}

export const STATUS_COLOR = { onTime: '#059669', late: '#d97706', overdue: '#dc2626', pending: '#94a3b8' } as const;

/** '{name}' placeholders of a label filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
