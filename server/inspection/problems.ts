/**
 * The 督查 workbench's list of open problems across the modules (kinds.ts), one row per problem, each taken from its
 * module's own item function (one source of truth per status): double-publicity items, sanction pushes, missing
 * windows, volume anomalies, and rejected rows with their resends. Every source reads only what the caller's item
 * scope allows (in SQL where the source has it, and the filters are narrowed to the scope first).
 *
 * The period is each module's own date: decision date (publicity), push date (sanctions), window (missing), day
 * (anomalies), receipt date (rejected rows). Age = working days overdue as of asOf: since the deadline (publicity,
 * sanctions), since the end of the window (missing), since the day (anomalies) or the rejection (rejected rows); for a
 * late publication, how late it was published.
 */
import { z } from 'zod';
import type { ItemScope } from '../auth/roles';
import { LAST_12_MONTHS, periodOrderIssue, periodInOrder, periodShape, resolvePeriod } from '../domain/period';
import { queryOne } from '../db/query';
import { latestNoticeOfItems } from './store';
import { scopeAnomalies, volumeAnomalies } from '../metrics/ingestion/anomalies';
import { narrowToScope } from '../metrics/scope';
import { missingWindows, scopeMissing } from '../metrics/ingestion/missing';
import { unresentRejected } from '../metrics/ingestion/unresent';
import { allPublicityItems, type ItemStatus as PublicityStatus } from '../metrics/publicity';
import { names } from '../reference/names';
import { allSanctionItems } from '../metrics/sanctions/items';
import { isRectifiable, PROBLEM_KINDS, problemKey, type ProblemKind } from './kinds';
import { workdaysBetweenMany } from './workdays';
import { decodeOffset, encodeOffset, pageShape } from '../metrics/cursor';
import { districtUnitShape, valueList } from '../domain/queryParams';

export const problemFilterShape = {
  ...periodShape,
  ...districtUnitShape,
  /** An array or a comma-separated list (REST: kinds=publicity_overdue,sanction_overdue). */
  kinds: valueList(PROBLEM_KINDS, 'kind').optional(),
  /** Working days overdue, inclusive bounds. */
  ageMin: z.coerce.number().int().min(0).max(100_000).optional(),
  ageMax: z.coerce.number().int().min(0).max(100_000).optional(),
};


export const problemFilters = z.object(problemFilterShape).refine(periodInOrder, periodOrderIssue());
export type ProblemFilterInput = z.input<typeof problemFilters>;

export const PROBLEM_SORTS = ['age', 'date', 'deadline', 'unit', 'district', 'kind'] as const;
export type ProblemSort = (typeof PROBLEM_SORTS)[number];

/** Offset paging: the list is computed whole, so a page is a slice; `cursor` is the REST form of the offset. */
export const problemsInput = z
  .object({
    ...problemFilterShape,
    sort: z.enum(PROBLEM_SORTS).default('age'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.coerce.number().int().min(0).max(100_000_000).optional(),
    ...pageShape,
  })
  .refine(periodInOrder, periodOrderIssue());
export type ProblemsInput = z.input<typeof problemsInput>;
export type ProblemsParsed = z.output<typeof problemsInput>;

export type ResolvedProblemFilters = {
  from: string;
  to: string;
  asOf: string;
  district: string;
  unit: string;
  kinds: ProblemKind[];
  ageMin: number | null;
  ageMax: number | null;
};

/** The period's defaults (server/domain/period.ts): the last 12 months up to asOf = today. */
export function resolveProblemFilters(input: z.output<typeof problemFilters>): ResolvedProblemFilters {
  return {
    ...resolvePeriod(input, LAST_12_MONTHS),
    district: input.district ?? '',
    unit: input.unit ?? '',
    kinds: input.kinds?.length ? input.kinds : [...PROBLEM_KINDS],
    ageMin: input.ageMin ?? null,
    ageMax: input.ageMax ?? null,
  };
}

export type Problem = {
  key: string;
  kind: ProblemKind;
  unitCode: string;
  unitName: string;
  districtCode: string;
  districtName: string;
  /** What the problem is about, as its module names it: document number, case / measure, catalog item, day, batch row. */
  subject: string;
  /** The module's own date of the item (the period filter's date). */
  date: string;
  /** When it was due: publication deadline, feedback due date, end of the window; null for anomalies and rejected rows. */
  deadline: string | null;
  /** Working days overdue as of asOf (see the module comment). */
  workdaysOverdue: number;
  /** Whether a notice can list it (the data can show it put right). */
  rectifiable: boolean;
  /** Path of the item in its module (filters narrowed to it). */
  link: string;
  /** The latest notice that lists it, if any. */
  notice: { id: string; number: string } | null;
  // kind-specific detail (absent when not relevant)
  docKind?: 'license' | 'penalty';
  publicationDate?: string | null;
  measureCode?: string;
  subjectName?: string;
  catalogCode?: string;
  catalogName?: string;
  frequency?: string;
  windowEnd?: string;
  volume?: number;
  expected?: number;
  stream?: string;
  errorCodes?: string[];
  rowKey?: string;
};

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  return s.toString();
};

type Draft = Omit<Problem, 'unitName' | 'districtName' | 'workdaysOverdue' | 'notice' | 'rectifiable' | 'key'> & {
  ref: Parameters<typeof problemKey>[0];
  /** Age = workdaysBetween(ageFrom, ageTo). */
  ageFrom: string;
  ageTo: string;
};

/** Every problem of the requested kinds in the filters and the scope, unsorted, with its age; the age filter applied. */
export async function collectProblems(scope: ItemScope, f: ResolvedProblemFilters): Promise<Problem[]> {
  const narrowed = narrowToScope({ from: f.from, to: f.to, asOf: f.asOf, district: f.district, unit: f.unit, catalog: '' }, scope);
  if (!narrowed) return [];
  const want = new Set(f.kinds);
  const drafts: Draft[] = [];
  const jobs: Array<Promise<void>> = [];

  const publicityStatuses = (['overdue', 'late'] as const).filter((s) => want.has(`publicity_${s}`));
  if (publicityStatuses.length) {
    jobs.push(
      (async () => {
        const filters = { from: f.from, to: f.to, asOf: f.asOf, district: narrowed.district || undefined, unit: narrowed.unit || undefined, status: publicityStatuses as PublicityStatus[] };
        for await (const i of allPublicityItems(scope, filters)) {
          if (i.status !== 'overdue' && i.status !== 'late') continue;
          const kind = i.status === 'overdue' ? 'publicity_overdue' : 'publicity_late';
          drafts.push({
            ref: { kind, unit: i.unitCode, district: i.districtCode, docKind: i.kind, docNo: i.docNo },
            kind,
            unitCode: i.unitCode,
            districtCode: i.districtCode,
            subject: i.docNo,
            date: i.decisionDate,
            deadline: i.deadline,
            docKind: i.kind,
            publicationDate: i.publicationDate,
            link: `/publicity/items?${q({ unit: i.unitCode, kind: i.kind, from: i.decisionDate, to: i.decisionDate, asOf: f.asOf, status: i.status })}`,
            ageFrom: i.deadline,
            ageTo: i.status === 'late' && i.publicationDate ? i.publicationDate : f.asOf,
          });
        }
      })(),
    );
  }
  if (want.has('sanction_overdue')) {
    jobs.push(
      (async () => {
        const filters = { from: f.from, to: f.to, asOf: f.asOf, district: narrowed.district || undefined, unit: narrowed.unit || undefined, status: 'overdue' as const };
        for await (const p of allSanctionItems(scope, filters)) {
          drafts.push({
            ref: { kind: 'sanction_overdue', unit: p.respondingUnit, caseId: p.caseId, measureCode: p.measureCode },
            kind: 'sanction_overdue',
            unitCode: p.respondingUnit,
            districtCode: p.respondingDistrict,
            subject: `${p.caseId} / ${p.measureCode}`,
            date: p.pushedDate,
            deadline: p.dueDate,
            measureCode: p.measureCode,
            subjectName: p.subjectName,
            link: `/sanctions/case/${encodeURIComponent(p.caseId)}?${q({ asOf: f.asOf })}`,
            ageFrom: p.dueDate,
            ageTo: f.asOf,
          });
        }
      })(),
    );
  }
  if (want.has('missing_submission')) {
    jobs.push(
      (async () => {
        // Open = nothing of the item received from the unit since the window began (the same test as rectification).
        const windows = scopeMissing(await missingWindows(narrowed), scope).filter((m) => m.lastReceivedDay < m.windowStart);
        for (const m of windows) {
          drafts.push({
            ref: { kind: 'missing_submission', unit: m.unitCode, catalog: m.catalogCode, windowStart: m.windowStart, windowEnd: m.windowEnd },
            kind: 'missing_submission',
            unitCode: m.unitCode,
            districtCode: m.districtCode,
            subject: `${m.catalogName}（${m.catalogCode}）`,
            date: m.windowStart,
            deadline: m.windowEnd,
            catalogCode: m.catalogCode,
            catalogName: m.catalogName,
            frequency: m.frequency,
            windowEnd: m.windowEnd,
            link: `/ingestion/items?${q({ status: 'missing', unit: m.unitCode, catalog: m.catalogCode, from: m.windowStart, to: m.windowEnd, asOf: f.asOf })}`,
            ageFrom: m.windowEnd,
            ageTo: f.asOf,
          });
        }
      })(),
    );
  }
  if (want.has('volume_anomaly')) {
    jobs.push(
      (async () => {
        const items = scopeAnomalies((await volumeAnomalies(narrowed)).items, scope);
        for (const a of items) {
          drafts.push({
            ref: { kind: 'volume_anomaly', unit: a.unitCode, date: a.date },
            kind: 'volume_anomaly',
            unitCode: a.unitCode,
            districtCode: a.districtCode,
            subject: a.date,
            date: a.date,
            deadline: null,
            volume: a.value,
            expected: Math.round(a.expected),
            link: `/ingestion/items?${q({ status: 'anomaly', unit: a.unitCode, from: a.date, to: a.date, asOf: f.asOf })}`,
            ageFrom: a.date,
            ageTo: f.asOf,
          });
        }
      })(),
    );
  }
  if (want.has('rejected_unresent')) {
    jobs.push(
      (async () => {
        const rows = await unresentRejected(scope, { from: f.from, to: f.to, asOf: f.asOf, district: narrowed.district, unit: narrowed.unit });
        for (const r of rows) {
          drafts.push({
            ref: { kind: 'rejected_unresent', unit: r.unitCode, batchId: r.batchId, rowNo: r.rowNo },
            kind: 'rejected_unresent',
            unitCode: r.unitCode,
            districtCode: r.districtCode,
            subject: `${r.stream} #${r.rowNo}`,
            date: r.receivedDate,
            deadline: null,
            stream: r.stream,
            errorCodes: r.errorCodes,
            rowKey: r.rowKey.replaceAll('\u0001', ' / '),
            link: `/ingestion/rejected?${q({ unit: r.unitCode, batchId: r.batchId, stream: r.stream })}`,
            ageFrom: r.receivedDate,
            ageTo: f.asOf,
          });
        }
      })(),
    );
  }
  await Promise.all(jobs);

  const [ages, n, notices] = await Promise.all([
    workdaysBetweenMany(drafts.map((d) => [d.ageFrom, d.ageTo] as const)),
    names(),
    latestNoticeOfItems(),
  ]);
  const out: Problem[] = [];
  for (const { ref, ageFrom, ageTo, ...d } of drafts) {
    const age = ages.get(`${ageFrom}|${ageTo}`) ?? 0;
    if (f.ageMin !== null && age < f.ageMin) continue;
    if (f.ageMax !== null && age > f.ageMax) continue;
    const key = problemKey(ref);
    out.push({
      ...d,
      key,
      unitName: n.units.get(d.unitCode)?.name ?? d.unitCode,
      districtName: n.districtNames.get(d.districtCode) ?? d.districtCode,
      workdaysOverdue: age,
      rectifiable: isRectifiable(d.kind),
      notice: notices.get(key) ?? null,
    });
  }
  return out;
}

const KIND_ORDER = new Map(PROBLEM_KINDS.map((k, i) => [k, i]));

/** Sort in place by the chosen column, then by age (oldest first), unit and key so every order is total and stable. */
export function sortProblems(list: Problem[], sort: ProblemSort, dir: 'asc' | 'desc'): Problem[] {
  const sign = dir === 'asc' ? 1 : -1;
  const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  const primary: Record<ProblemSort, (a: Problem, b: Problem) => number> = {
    age: (a, b) => a.workdaysOverdue - b.workdaysOverdue,
    date: (a, b) => text(a.date, b.date),
    deadline: (a, b) => text(a.deadline, b.deadline),
    unit: (a, b) => text(a.unitCode, b.unitCode),
    district: (a, b) => text(a.districtCode, b.districtCode),
    kind: (a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0),
  };
  // Problems without a deadline (anomalies, rejected rows) go last whichever way the deadlines run.
  const nullsLast = (a: Problem, b: Problem) => (sort !== 'deadline' || (a.deadline === null) === (b.deadline === null) ? 0 : a.deadline === null ? 1 : -1);
  return list.sort(
    (a, b) =>
      nullsLast(a, b) ||
      sign * primary[sort](a, b) ||
      b.workdaysOverdue - a.workdaysOverdue ||
      text(a.unitCode, b.unitCode) ||
      text(a.key, b.key),
  );
}

export type UnitFacet = {
  unitCode: string;
  unitName: string;
  districtCode: string;
  count: number;
  /** Rectifiable problems not listed by a notice yet: what a new notice to the unit would list. */
  notifiable: number;
};

export type ProblemsAnswer = {
  from: string;
  to: string;
  asOf: string;
  items: Problem[];
  total: number;
  offset: number;
  nextCursor: string | null;
  byKind: Record<ProblemKind, number>;
  units: UnitFacet[];
};


/** Counts by kind and by unit of a whole list. */
export function facetsOf(list: readonly Problem[]): Pick<ProblemsAnswer, 'byKind' | 'units'> {
  const byKind = Object.fromEntries(PROBLEM_KINDS.map((k) => [k, 0])) as Record<ProblemKind, number>;
  const units = new Map<string, UnitFacet>();
  for (const p of list) {
    byKind[p.kind]++;
    const u = units.get(p.unitCode) ?? { unitCode: p.unitCode, unitName: p.unitName, districtCode: p.districtCode, count: 0, notifiable: 0 };
    u.count++;
    if (p.rectifiable && !p.notice) u.notifiable++;
    units.set(p.unitCode, u);
  }
  return { byKind, units: [...units.values()].sort((a, b) => b.count - a.count || a.unitCode.localeCompare(b.unitCode)) };
}

// ---------------------------------------------------------------------------------------------------------
// Paging and sorting a list reuse it while the data has not changed

/**
 * What the list depends on besides the filters: receipts (every ingest commits its rows, then records its batch),
 * notices (the under-notice marks) and the working-day calendar. Read before the list is computed, so a cached list
 * is never older than the version it is filed under.
 */
async function dataVersion(): Promise<string> {
  const row = await queryOne(
    `-- inspection: data version
     SELECT (SELECT concat(toString(count()), '|', toString(max(finished_at))) FROM ingest_batches) AS batches,
            (SELECT toString(count()) FROM notice_items) AS items,
            (SELECT toString(max(built_at)) FROM calendar_days) AS calendar`,
    {},
    z.object({ batches: z.string(), items: z.string(), calendar: z.string() }),
  );
  return `${row.batches}|${row.items}|${row.calendar}`;
}

const CACHE_ENTRIES = 16;
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { version: string; at: number; list: Promise<Problem[]> }>();

/** The list for a scope and filters: computed once per data version, so turning pages and sorting stay quick. */
async function problemsFor(scope: ItemScope, f: ResolvedProblemFilters): Promise<Problem[]> {
  const key = JSON.stringify([scope, f]);
  const version = await dataVersion();
  const hit = cache.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < CACHE_MS) return hit.list;
  const list = collectProblems(scope, f);
  cache.delete(key);
  cache.set(key, { version, at: Date.now(), list });
  list.catch(() => cache.delete(key));
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return list;
}

/** One page of the sorted list, with its total and the counts by kind and unit of the whole list. */
export async function problemsPage(scope: ItemScope, input: ProblemsParsed): Promise<ProblemsAnswer> {
  const f = resolveProblemFilters(input);
  const list = sortProblems([...(await problemsFor(scope, f))], input.sort, input.dir);
  const offset = decodeOffset(input.cursor) ?? input.offset ?? 0;
  const items = list.slice(offset, offset + input.limit);
  const next = offset + input.limit < list.length ? encodeOffset(offset + input.limit) : null;
  return { from: f.from, to: f.to, asOf: f.asOf, items, total: list.length, offset, nextCursor: next, ...facetsOf(list) };
}

/** The whole sorted list, for exports (never truncated). */
export async function sortedProblems(scope: ItemScope, input: Omit<ProblemsParsed, 'offset' | 'cursor' | 'limit'>): Promise<Problem[]> {
  return sortProblems([...(await problemsFor(scope, resolveProblemFilters(input)))], input.sort, input.dir);
}

