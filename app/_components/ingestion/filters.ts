/**
 * The 归集 dashboard's filters live in the URL (shareable, back button works). Pure helpers: parse the search
 * params, and build links to other pages that keep the filters.
 */
export const VIEWS = ['volume', 'quality', 'targets', 'missing', 'anomalies'] as const;
export type View = (typeof VIEWS)[number];
export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export type DashboardParams = {
  from?: string;
  to?: string;
  asOf?: string;
  district?: string;
  unit?: string;
  catalog?: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** The filters of a search string; anything malformed is dropped (the server applies its defaults). */
export function readFilters(params: { get(name: string): string | null }): DashboardParams {
  const out: DashboardParams = {};
  for (const k of ['from', 'to', 'asOf'] as const) {
    const v = params.get(k);
    if (v && DATE.test(v)) out[k] = v;
  }
  for (const k of ['district', 'unit', 'catalog'] as const) {
    const v = params.get(k);
    if (v && CODE.test(v)) out[k] = v;
  }
  return out;
}

export function readView(params: { get(name: string): string | null }): View {
  const v = params.get('view');
  return (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'volume';
}

export function readGrain(params: { get(name: string): string | null }): Grain | undefined {
  const v = params.get('grain');
  return (GRAINS as readonly string[]).includes(v ?? '') ? (v as Grain) : undefined;
}

/** A link to `path` carrying the filters plus `extra` (extra wins; empty values are left out). */
export function linkWith(path: string, filters: DashboardParams, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** '{name}' placeholders of a label filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
