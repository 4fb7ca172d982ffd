/**
 * On the deterministic demo data, every joint-sanctions figure and item list read through the cube, the case index and
 * the items table equals the
 * live computation over every push (pushesSql, the one definition of a push's status), for several periods, asOf
 * dates (answers received after asOf taken back) and filters, in every state of the builds: nothing built, all
 * current, some units dirty (a new push of an existing case to another unit, a late answer, a corrected resend),
 * and every unit dirty after a measure's feedback days changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryOne, queryRows, runCommand } from '@/server/db/query';
import { storeRows, type StoredRow } from '@/server/ingest/store';
import {
  cleanupSanctionCube,
  refreshSanctionCube,
  sanctionCasesState,
  sanctionCubeState,
  setSanctionAutoRefresh,
} from '@/server/metrics/sanctions/cube';
import type { ItemScope } from '@/server/auth/roles';
import { sanctionItem, sanctionItems, type SanctionItem } from '@/server/metrics/sanctions/items';
import { SANCTION_GROUPS, sanctionFunnel, sanctionKpi } from '@/server/metrics/sanctions/kpi';
import { filterParams, pushesSql, pushScopeSql, type SanctionFilters, type SanctionStatus } from '@/server/metrics/sanctions/pushes';
import { generateDemoData } from '@/seeds/generator/generate';
import { freshDatabase } from './_db';

const TODAY = '2026-11-23';
await freshDatabase({ today: TODAY });
setSanctionAutoRefresh(false);

const PERIODS = [
  { from: '2025-11-24', to: TODAY, asOf: TODAY },
  // answers received after asOf are taken back; pushes of the last weeks are pending
  { from: '2026-05-01', to: '2026-06-15', asOf: '2026-06-15' },
  { from: '2025-01-01', to: '2026-03-31', asOf: '2026-04-10' },
  // pushed after asOf: not answered as of asOf
  { from: '2026-01-01', to: '2026-08-31', asOf: '2026-03-02' },
];

let FILTERS: Array<Partial<SanctionFilters>> = [];

beforeAll(async () => {
  await generateDemoData({ scale: 0.1, seed: 7, today: TODAY });
  const pick = await queryOne(
    `SELECT (SELECT responding_district_code FROM sanctions GROUP BY 1 ORDER BY count() DESC LIMIT 1) AS district,
            (SELECT responding_unit FROM sanctions GROUP BY 1 ORDER BY count() DESC LIMIT 1 OFFSET 2) AS unit,
            (SELECT measure_code FROM sanctions GROUP BY 1 ORDER BY count() DESC LIMIT 1) AS measure,
            (SELECT list_type FROM sanctions GROUP BY 1 ORDER BY count() DESC LIMIT 1 OFFSET 1) AS listType`,
    {},
    z.object({ district: z.string(), unit: z.string(), measure: z.string(), listType: z.string() }),
  );
  FILTERS = [
    {},
    { district: pick.district },
    { unit: pick.unit },
    { measure: pick.measure },
    { kind: 'reward' },
    { listType: pick.listType },
    { district: pick.district, kind: 'punishment' },
    { unit: pick.unit, measure: pick.measure },
  ];
}, 300_000);

const countsRow = z.object({
  key: z.string(),
  pushes: z.number(),
  answeredOnTime: z.number(),
  answeredLate: z.number(),
  overdue: z.number(),
  pending: z.number(),
  executed: z.number(),
  unknown: z.number(),
});
const KEYS = {
  unit: 'respondingUnit',
  district: 'respondingDistrict',
  measure: 'measureCode',
  month: "formatDateTime(pushedDate, '%Y-%m')",
} as const;

/** The live computation: every push of pushesSql, grouped. */
async function live(f: SanctionFilters, groupBy: keyof typeof KEYS) {
  return queryRows(
    `SELECT ${KEYS[groupBy]} AS key, count() AS pushes, countIf(status = 'answered_on_time') AS answeredOnTime,
            countIf(status = 'answered_late') AS answeredLate, countIf(status = 'overdue') AS overdue, countIf(status = 'pending') AS pending,
            countIf(status IN ('answered_on_time', 'answered_late') AND result = 'executed') AS executed, countIf(calendarKnown = 0) AS unknown
     FROM (${pushesSql()}) GROUP BY key ORDER BY key`,
    await filterParams(f),
    countsRow,
  );
}

async function liveFunnel(f: SanctionFilters) {
  return queryOne(
    `SELECT uniqExact(caseId) AS cases, count() AS pushes, countIf(status IN ('answered_on_time', 'answered_late')) AS answered,
            countIf(status IN ('answered_on_time', 'answered_late') AND result = 'executed') AS executed
     FROM (${pushesSql()})`,
    await filterParams(f),
    z.object({ cases: z.number(), pushes: z.number(), answered: z.number(), executed: z.number() }),
  );
}

/** The live item list: every push of pushesSql in the scope with the status, newest first (overdue: oldest first). */
async function liveItems(scope: ItemScope, f: SanctionFilters, status?: SanctionStatus): Promise<SanctionItem[]> {
  const scoped = pushScopeSql(scope);
  const dir = status === 'overdue' ? 'ASC' : 'DESC';
  // Output names differ from the columns (a SELECT alias would shadow the column in the other expressions).
  const rows = await queryRows(
    `SELECT caseId, measureCode, respondingUnit, respondingDistrict, initiatingUnit, kind, listType, subjectType, subjectName, subjectCode,
            toString(pushedDate) AS pushedText, feedbackDays, toString(dueDate) AS dueText,
            if(answered = 1 AND answeredDate <= {asOf:Date}, toString(answeredDate), NULL) AS answeredText,
            if(answered = 1 AND answeredDate <= {asOf:Date}, result, '') AS resultText, status, answerDelay, workdaysOverdue, calendarKnown
     FROM (SELECT * FROM (${pushesSql(scoped.sql)}) WHERE {status:String} = '' OR status = {status:String}
           ORDER BY pushedDate ${dir}, caseId ${dir}, measureCode ${dir}, respondingUnit ${dir})`,
    { ...(await filterParams(f)), ...scoped.params, status: status ?? '' },
    sanctionItem
      .omit({ pushedDate: true, dueDate: true, answeredDate: true, result: true })
      .extend({ pushedText: z.string(), dueText: z.string(), answeredText: z.string().nullable(), resultText: z.string() }),
  );
  return rows.map(({ pushedText, dueText, answeredText, resultText, ...r }) => ({
    ...r,
    pushedDate: pushedText,
    dueDate: dueText,
    answeredDate: answeredText,
    result: resultText,
  }));
}

/** Every item list of some scopes, statuses and filters, paged in pages of 97, equals the live list. */
async function compareItems(): Promise<number> {
  let compared = 0;
  const scopes: ItemScope[] = [{ kind: 'all' }, { kind: 'district', districtCode: FILTERS[1]!.district! }];
  for (const period of PERIODS.slice(0, 2)) {
    for (const extra of [FILTERS[0]!, FILTERS[2]!, FILTERS[5]!]) {
      for (const scope of scopes) {
        for (const status of [undefined, 'overdue', 'pending', 'answered_late', 'answered_on_time'] as const) {
          const f = { ...period, ...extra } as SanctionFilters;
          const got: SanctionItem[] = [];
          let cursor: string | undefined;
          do {
            const page = await sanctionItems(scope, { ...f, status, cursor, limit: 97 });
            got.push(...page.items);
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          const expected = await liveItems(scope, f, status);
          expect(got, `${JSON.stringify({ f, scope, status })}`).toEqual(expected);
          compared += expected.length;
        }
      }
    }
  }
  return compared;
}

/** Every figure of every period × filter × grouping equals the live computation; returns how many pushes were compared. */
async function compareAll(): Promise<number> {
  let compared = 0;
  for (const period of PERIODS) {
    for (const extra of FILTERS) {
      const f = { ...period, ...extra } as SanctionFilters;
      const label = JSON.stringify(f);
      // every grouping without a filter; by unit and by month (the table and the trend) with one
      for (const groupBy of Object.keys(extra).length === 0 ? SANCTION_GROUPS : (['unit', 'month'] as const)) {
        const [k, expected] = await Promise.all([sanctionKpi(f, groupBy), live(f, groupBy)]);
        expect(
          k.rows.map(({ key, pushes, answeredOnTime, answeredLate, overdue, pending, executed }) => ({ key, pushes, answeredOnTime, answeredLate, overdue, pending, executed })),
          `${label} by ${groupBy}`,
        ).toEqual(expected.map(({ unknown: _u, ...r }) => r));
        expect(k.calendarWarning, label).toBe(expected.some((r) => r.unknown > 0));
      }
      const [funnel, expected] = await Promise.all([sanctionFunnel(f), liveFunnel(f)]);
      expect(funnel, label).toEqual(expected);
      compared += expected.pushes;
    }
  }
  return compared;
}

type Row = Record<string, string | number>;
/** The latest stored row of a stream matching `where` (bound `params`), ready to be sent again with changes. */
const rowOf = async (table: 'sanctions' | 'feedback', where: string, params: Record<string, unknown> = {}): Promise<Row> =>
  queryOne(
    `SELECT * EXCEPT (received_at, first_received_at), toString(received_at) AS received_text FROM ${table} WHERE ${where}
     ORDER BY received_text DESC, case_id LIMIT 1`,
    params,
    z.record(z.string(), z.union([z.string(), z.number()])),
  );
const resend = ({ received_text: _r, ...row }: Row, changes: Row & { received_at: string }): StoredRow => ({
  ...row,
  ...changes,
  batch_id: '00000000-0000-4000-8000-00000000c0be',
  row_no: 1,
});

describe('demo data: cube and case index answer exactly what the live computation does', () => {
  it('nothing built: every unit computed live', async () => {
    expect((await sanctionCubeState()).clean).toEqual([]);
    expect((await sanctionCasesState()).clean).toEqual([]);
    expect(await compareAll()).toBeGreaterThan(1000);
    expect(await compareItems()).toBeGreaterThan(1000);
  }, 300_000);

  it('everything built and current', async () => {
    const r = await refreshSanctionCube();
    expect(r.units).toBeGreaterThan(20);
    expect(r.cases).toBe(true);
    expect((await sanctionCubeState()).dirty).toEqual([]);
    expect((await sanctionCasesState()).dirty).toEqual([]);
    // The earlier asOf really takes answers back from cube rows.
    const { n } = await queryOne(
      `SELECT count() AS n FROM sanction_cube WHERE last_answer > '2026-06-15' AND pushed_date <= '2026-06-15'`,
      {},
      z.object({ n: z.number() }),
    );
    expect(n).toBeGreaterThan(0);
    await compareAll();
    await compareItems();
  }, 300_000);

  it('some units dirty: a new push of a case to another unit, a late answer, a corrected resend', async () => {
    // A case answered by unit A gets a new measure pushed to unit B (pushed on a later day: the case spans two days).
    const a = await rowOf('sanctions', `received_at >= '2026-01-01'`);
    const b = await rowOf(
      'sanctions',
      `responding_unit != {unit:String} AND measure_code NOT IN (SELECT measure_code FROM sanctions WHERE case_id = {caseId:String})`,
      { unit: a.responding_unit, caseId: a.case_id },
    );
    const moved = { responding_district_code: b.responding_district_code!, responding_unit: b.responding_unit!, measure_code: b.measure_code! };
    await storeRows('sanctions', [resend(a, { ...moved, received_at: '2026-10-15 10:00:00.000' })], { firstReceipts: 'lookup' });
    // Unit C answers an overdue push late.
    const c = await rowOf(
      'sanctions',
      `responding_unit NOT IN {units:Array(String)} AND received_at >= '2026-01-01'
       AND (case_id, measure_code, responding_unit) NOT IN (SELECT case_id, measure_code, unit_code FROM feedback)`,
      { units: [a.responding_unit, b.responding_unit] },
    );
    const answer = {
      district_code: c.responding_district_code!,
      unit_code: c.responding_unit!,
      case_id: c.case_id!,
      measure_code: c.measure_code!,
      result: 'executed',
      note: '',
      batch_id: '00000000-0000-4000-8000-00000000c0bf',
      row_no: 1,
      received_at: '2026-11-20 10:00:00.000',
    };
    await storeRows('feedback', [answer], { firstReceipts: 'lookup' });
    // Unit D's push is resent with a corrected list type.
    const listType = FILTERS[5]!.listType!;
    const d = await rowOf('sanctions', `responding_unit NOT IN {units:Array(String)} AND list_type != {listType:String}`, {
      units: [a.responding_unit, b.responding_unit, c.responding_unit],
      listType,
    });
    await storeRows('sanctions', [resend(d, { list_type: listType, received_at: '2026-11-21 10:00:00.000' })], { firstReceipts: 'lookup' });

    const cube = await sanctionCubeState();
    expect(cube.dirty.map((u) => u.unit).sort()).toEqual([b.responding_unit, c.responding_unit, d.responding_unit].sort());
    const cases = await sanctionCasesState();
    expect(cases.dirty.map((u) => u.unit).sort()).toEqual([b.responding_unit, d.responding_unit].sort());
    expect(cases.clean.length).toBeGreaterThan(20);
    await compareAll();
    await compareItems();

    const r = await refreshSanctionCube();
    expect(r.units).toBe(3);
    expect(r.cases).toBe(true);
    expect((await cleanupSanctionCube({ graceMs: 0 })).deleted).toBeGreaterThan(0);
    expect((await sanctionCubeState()).dirty).toEqual([]);
    expect((await sanctionCasesState()).dirty).toEqual([]);
    await compareAll();
    await compareItems();
  }, 300_000);

  it("a measure's feedback days change: every unit's cube is stale until rebuilt, the case index is not", async () => {
    const m = await queryOne(
      `SELECT code, name, kind, responding_kind, feedback_days, sort FROM measures FINAL WHERE code = {code:String}`,
      { code: FILTERS[3]!.measure! },
      z.object({ code: z.string(), name: z.string(), kind: z.string(), responding_kind: z.string(), feedback_days: z.number(), sort: z.number() }),
    );
    await runCommand(
      `INSERT INTO measures (code, name, kind, responding_kind, feedback_days, sort, updated_at)
       VALUES ({code:String}, {name:String}, {kind:String}, {rk:String}, {days:UInt8}, {sort:UInt16}, now64(3) + INTERVAL 1 SECOND)`,
      { code: m.code, name: m.name, kind: m.kind, rk: m.responding_kind, days: m.feedback_days + 5, sort: m.sort },
    );
    expect((await sanctionCubeState()).clean).toEqual([]);
    expect((await sanctionCasesState()).dirty).toEqual([]);
    await compareAll();
    await refreshSanctionCube();
    expect((await sanctionCubeState()).dirty).toEqual([]);
    await compareAll();
    await compareItems();
  }, 300_000);
});
