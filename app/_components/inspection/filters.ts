/**
 * The 督查 page keeps its state in the URL (a view can be bookmarked and shared, the back button works). Pure helpers:
 * read the search params (anything malformed is dropped and the server's defaults apply), and build links.
 */
import { PROBLEM_KINDS, type ProblemKind } from '@/shared/problemKinds';

export { PROBLEM_KINDS, type ProblemKind };
export const SORTS = ['age', 'date', 'deadline', 'unit', 'district', 'kind'] as const;
export type Sort = (typeof SORTS)[number];
export const TABS = ['problems', 'notices', 'followUp'] as const;
export type Tab = (typeof TABS)[number];
export const NOTICE_STATUSES = ['open', 'issued', 'acknowledged', 'closed'] as const;
export type NoticeStatusFilter = (typeof NOTICE_STATUSES)[number];

export type ProblemParams = {
  from?: string;
  to?: string;
  asOf?: string;
  district?: string;
  unit?: string;
  kinds?: ProblemKind[];
  ageMin?: number;
  ageMax?: number;
  sort?: Sort;
  dir?: 'asc' | 'desc';
  page?: number;
};

type Params = { get(name: string): string | null };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;

export function readProblemParams(params: Params): ProblemParams {
  const out: ProblemParams = {};
  for (const k of ['from', 'to', 'asOf'] as const) {
    const v = params.get(k);
    if (v && DATE.test(v)) out[k] = v;
  }
  for (const k of ['district', 'unit'] as const) {
    const v = params.get(k);
    if (v && CODE.test(v)) out[k] = v;
  }
  const kinds = (params.get('kinds') ?? '').split(',').filter((k): k is ProblemKind => (PROBLEM_KINDS as readonly string[]).includes(k));
  if (kinds.length) out.kinds = [...new Set(kinds)];
  for (const k of ['ageMin', 'ageMax'] as const) {
    const v = params.get(k);
    if (v !== null && /^\d{1,5}$/.test(v)) out[k] = Number(v);
  }
  const sort = params.get('sort');
  if ((SORTS as readonly string[]).includes(sort ?? '')) out.sort = sort as Sort;
  const dir = params.get('dir');
  if (dir === 'asc' || dir === 'desc') out.dir = dir;
  const page = params.get('page');
  if (page !== null && /^\d{1,6}$/.test(page) && Number(page) >= 1) out.page = Number(page);
  return out;
}

export function readTab(params: Params, fallback: Tab): Tab {
  const v = params.get('tab');
  return (TABS as readonly string[]).includes(v ?? '') ? (v as Tab) : fallback;
}

export function readNoticeStatus(params: Params): NoticeStatusFilter | undefined {
  const v = params.get('status');
  return (NOTICE_STATUSES as readonly string[]).includes(v ?? '') ? (v as NoticeStatusFilter) : undefined;
}

/** The search string of a view: only what is set, kinds comma-separated, in a stable order. */
export function queryOf(p: ProblemParams & Record<string, string | number | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return q.toString();
}

export const linkWith = (path: string, p: ProblemParams & Record<string, string | number | string[] | undefined>) => {
  const s = queryOf(p);
  return s ? `${path}?${s}` : path;
};

/** Clicking a column header: a new column sorts descending first; the same column flips. */
export function nextSort(current: { sort: Sort; dir: 'asc' | 'desc' }, clicked: Sort): { sort: Sort; dir: 'asc' | 'desc' } {
  if (current.sort !== clicked) return { sort: clicked, dir: clicked === 'unit' || clicked === 'district' || clicked === 'kind' ? 'asc' : 'desc' };
  return { sort: clicked, dir: current.dir === 'desc' ? 'asc' : 'desc' };
}

/** The filters a problem request takes (no paging, sort or tab). */
export function filtersOf(p: ProblemParams) {
  const { sort: _s, dir: _d, page: _p, ...filters } = p;
  return filters;
}

/** '{name}' placeholders of a label filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/**
 * Progress of an export being downloaded: CSV rows are counted as they arrive (one line each after the header);
 * an XLSX file is compressed, so only its bytes can be shown.
 */
export function exportProgress(format: 'csv' | 'xlsx', total: number, received: { bytes: number; newlines: number }) {
  if (format === 'csv') {
    const done = Math.max(0, Math.min(total, received.newlines - 1));
    return { determinate: true, done, fraction: total === 0 ? 1 : done / total, kb: Math.round(received.bytes / 1024) };
  }
  return { determinate: false, done: 0, fraction: null, kb: Math.round(received.bytes / 1024) };
}
