/**
 * Double publicity (design.md §5) with hand-computed answers. Every expectation below was worked out on paper from
 * the State Council schedules (2025 Spring Festival: off 01-28..02-04, worked Sun 01-26 and Sat 02-08; National Day and
 * Mid-Autumn: off 10-01..10-08, worked Sun 09-28 and Sat 10-11; Dragon Boat: off 05-31..06-02).
 *
 * The same expectations are checked three ways: computed live from publicity_decisions (nothing built yet), read from
 * the cube after a refresh, and with one unit dirty again (mixed).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as kpiGet } from '@/app/api/v1/kpi/publicity/route';
import { GET as itemsGet } from '@/app/api/v1/items/publicity/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { queryRows } from '@/server/db/query';
import { storeRows, type StoredRow } from '@/server/ingest/store';
import {
  cleanupPublicityCube,
  cubeState,
  itemsInput,
  publicityDelayHistogram,
  publicityItems,
  publicityKpi,
  refreshPublicityCube,
  setPublicityAutoRefresh,
  type PublicityKpiRow,
} from '@/server/metrics/publicity';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { freshDatabase } from './_db';

const TODAY = '2026-11-23';
await freshDatabase({ today: TODAY });
setPublicityAutoRefresh(false);

const BATCH = '00000000-0000-4000-8000-0000000000b1';
let rowNo = 0;
const common = () => ({ batch_id: BATCH, row_no: ++rowNo, subject_name: '示范市测试有限公司', subject_code: '91350100M000100Y43' });

const register = (unit: string, district: string, kind: 'license' | 'penalty', doc: string, decisionDate: string, receivedAt: string): StoredRow => ({
  ...common(),
  district_code: district,
  unit_code: unit,
  kind,
  doc_no: doc,
  decision_date: decisionDate,
  received_at: receivedAt,
});
const license = (unit: string, district: string, doc: string, decisionDate: string, receivedAt: string, content = '准予食品经营许可'): StoredRow => ({
  ...common(),
  district_code: district,
  unit_code: unit,
  doc_no: doc,
  subject_type: 'legal',
  subject_hash: '',
  license_name: '食品经营许可',
  license_category: '普通',
  decision_date: decisionDate,
  valid_from: decisionDate,
  valid_to: null,
  content,
  received_at: receivedAt,
});
const penalty = (unit: string, district: string, doc: string, decisionDate: string, receivedAt: string): StoredRow => ({
  ...common(),
  district_code: district,
  unit_code: unit,
  doc_no: doc,
  subject_type: 'legal',
  subject_hash: '',
  violation_type: '未按规定公示年度报告',
  penalty_types: ['警告'],
  fine_amount: null,
  decision_date: decisionDate,
  basis: '《中华人民共和国行政处罚法》',
  content: '警告',
  received_at: receivedAt,
});

const C = ['C002', '990100'] as const; // 市市场监管局
const D2 = ['D990102-01', '990102'] as const; // 东城区
const D3 = ['D990103-01', '990103'] as const; // 西湖区
const store = (stream: 'decisions' | 'licenses' | 'penalties', rows: StoredRow[]) => storeRows(stream, rows, { firstReceipts: 'lookup' });

/*
 * #   unit  kind  doc         decision (register)  publication (first receipt)  deadline     status @2026-11-23  delay
 * 1   C002  XK    XK-SF       2025-01-24 Fri       2025-02-10                    2025-02-10   on_time             7   (Sun 01-26 and Sat 02-08 worked)
 * 2   C002  XK    XK-SF2      2025-01-24           2025-02-11                    2025-02-10   late                8
 * 3   C002  XK    XK-ND       2025-09-25 Thu       2025-10-11 (Sat, worked)      2025-10-11   on_time             7   (Sun 09-28 worked)
 * 4   C002  XK    XK-ND2      2025-09-25           2025-10-13                    2025-10-11   late                8
 * 5   C002  CF    CF-DAY0     2026-11-03           2026-11-03 09:00              2026-11-12   on_time             0
 * 6   C002  CF    CF-EDGE     2026-11-02 Mon       2026-11-11 23:59:59 (deadline) 2026-11-11  on_time             7
 * 7   C002  CF    CF-LATE1    2026-11-02           2026-11-12 00:00:01 (+1 day)  2026-11-11   late                8
 * 8   D2    XK    XK-OPEN     2026-11-16 Mon       —                             2026-11-25   pending (overdue from 11-26)
 * 9   D2    XK    XK-RESEND   2026-11-04           2026-11-05, resent 11-20      2026-11-13   on_time             1   (the resend keeps 11-05)
 * 10  D2    XK    XK-NOREG    (none) pub: 11-06    2026-11-09                    2026-11-17   on_time             1   (no register entry, counted)
 * 11  D2    XK    XK-DIFF     2026-11-05 (pub says 11-04) 2026-11-16             2026-11-16   on_time             7   (register's date wins)
 * 12  D2    XK    XK-OLD      2025-06-03 Tue       —                             2025-06-12   overdue (missing)
 * 13  D3    CF    CF-A        2026-10-12 Mon       2026-10-14                    2026-10-21   on_time             2
 */
beforeAll(async () => {
  await store('decisions', [
    register(...C, 'license', 'XK-SF', '2025-01-24', '2025-01-24 17:00:00.000'),
    register(...C, 'license', 'XK-SF2', '2025-01-24', '2025-01-24 17:00:01.000'),
    register(...C, 'license', 'XK-ND', '2025-09-25', '2025-09-26 09:00:00.000'),
    register(...C, 'license', 'XK-ND2', '2025-09-25', '2025-09-26 09:00:01.000'),
    register(...C, 'penalty', 'CF-DAY0', '2026-11-03', '2026-11-03 08:00:00.000'),
    register(...C, 'penalty', 'CF-EDGE', '2026-11-02', '2026-11-02 16:00:00.000'),
    register(...C, 'penalty', 'CF-LATE1', '2026-11-02', '2026-11-02 16:00:01.000'),
    register(...D2, 'license', 'XK-OPEN', '2026-11-16', '2026-11-16 10:00:00.000'),
    register(...D2, 'license', 'XK-RESEND', '2026-11-04', '2026-11-04 10:00:00.000'),
    register(...D2, 'license', 'XK-DIFF', '2026-11-05', '2026-11-05 10:00:00.000'),
    register(...D2, 'license', 'XK-OLD', '2025-06-03', '2025-06-03 10:00:00.000'),
    register(...D3, 'penalty', 'CF-A', '2026-10-12', '2026-10-12 10:00:00.000'),
  ]);
  await store('licenses', [
    license(...C, 'XK-SF', '2025-01-24', '2025-02-10 10:00:00.000'),
    license(...C, 'XK-SF2', '2025-01-24', '2025-02-11 10:00:00.000'),
    license(...C, 'XK-ND', '2025-09-25', '2025-10-11 10:00:00.000'),
    license(...C, 'XK-ND2', '2025-09-25', '2025-10-13 10:00:00.000'),
    license(...D2, 'XK-RESEND', '2026-11-04', '2026-11-05 10:00:00.000'),
    license(...D2, 'XK-NOREG', '2026-11-06', '2026-11-09 10:00:00.000'),
    license(...D2, 'XK-DIFF', '2026-11-04', '2026-11-16 10:00:00.000'),
  ]);
  await store('penalties', [
    penalty(...C, 'CF-DAY0', '2026-11-03', '2026-11-03 09:00:00.000'),
    penalty(...C, 'CF-EDGE', '2026-11-02', '2026-11-11 23:59:59.000'),
    penalty(...C, 'CF-LATE1', '2026-11-02', '2026-11-12 00:00:01.000'),
    penalty(...D3, 'CF-A', '2026-10-12', '2026-10-14 10:00:00.000'),
  ]);
  // The correction of XK-RESEND arrives after its deadline: its publication date must stay 2026-11-05.
  await store('licenses', [license(...D2, 'XK-RESEND', '2026-11-04', '2026-11-20 10:00:00.000', '准予食品经营许可（更正：许可范围）')]);
}, 120_000);

const WHOLE = { from: '2025-01-01', to: TODAY, asOf: TODAY };
const pick = (r: PublicityKpiRow | undefined) =>
  r && { due: r.due, onTime: r.onTime, late: r.late, overdue: r.overdue, pending: r.pending, onTimeRate: r.onTimeRate, avgDelay: r.avgDelay };
const row = (due: number, onTime: number, late: number, overdue: number, pending: number, delaySum: number) => ({
  due,
  onTime,
  late,
  overdue,
  pending,
  onTimeRate: due === 0 ? null : onTime / due,
  avgDelay: onTime + late === 0 ? null : delaySum / (onTime + late),
});

/** Every hand-computed figure; run against each state of the cube. */
function figures(mode: string) {
  describe(`figures (${mode})`, () => {
    it('total over the whole period: 8 on time, 3 late, 1 overdue, 1 pending; due 12, delays sum 56 over 11', async () => {
      const k = await publicityKpi({ ...WHOLE, groupBy: 'district' });
      expect(k.total).toEqual(row(12, 8, 3, 1, 1, 56));
      expect(k.calendarWarning).toBe(false);
      expect(k.target).toBe(1);
    });

    it('by unit', async () => {
      const k = await publicityKpi({ ...WHOLE, groupBy: 'unit' });
      expect(k.rows.map((r) => r.key)).toEqual(['C002', 'D990102-01', 'D990103-01']);
      expect(pick(k.rows[0])).toEqual(row(7, 4, 3, 0, 0, 45));
      expect(pick(k.rows[1])).toEqual(row(4, 3, 0, 1, 1, 9));
      expect(pick(k.rows[2])).toEqual(row(1, 1, 0, 0, 0, 2));
      expect(k.rows[0]).toMatchObject({ name: '市市场监管局', districtCode: '990100' });
    });

    it('by district: every district listed, rates null where nothing is due', async () => {
      const k = await publicityKpi({ ...WHOLE, groupBy: 'district' });
      expect(k.rows).toHaveLength(17);
      expect(pick(k.rows.find((r) => r.key === '990100'))).toEqual(row(7, 4, 3, 0, 0, 45));
      expect(pick(k.rows.find((r) => r.key === '990102'))).toEqual(row(4, 3, 0, 1, 1, 9));
      expect(k.rows.find((r) => r.key === '990104')).toMatchObject({ due: 0, onTimeRate: null, avgDelay: null });
    });

    it('by catalog item (XK / CF) and with a kind filter', async () => {
      const k = await publicityKpi({ ...WHOLE, groupBy: 'catalog' });
      expect(k.rows.map((r) => [r.key, r.name])).toEqual([
        ['XK', '行政许可信息'],
        ['CF', '行政处罚信息'],
      ]);
      expect(pick(k.rows[0])).toEqual(row(8, 5, 2, 1, 1, 39));
      expect(pick(k.rows[1])).toEqual(row(4, 3, 1, 0, 0, 17));
      const cf = await publicityKpi({ ...WHOLE, groupBy: 'unit', kind: 'penalty' });
      expect(cf.rows.map((r) => [r.key, r.onTime, r.late])).toEqual([
        ['C002', 2, 1],
        ['D990103-01', 1, 0],
      ]);
    });

    it('by month of the decision date, every month of the period listed', async () => {
      const k = await publicityKpi({ ...WHOLE, groupBy: 'month' });
      expect(k.rows).toHaveLength(23);
      const m = (key: string) => pick(k.rows.find((r) => r.key === key));
      expect(m('2025-01')).toEqual(row(2, 1, 1, 0, 0, 15));
      expect(m('2025-06')).toEqual(row(1, 0, 0, 1, 0, 0));
      expect(m('2025-09')).toEqual(row(2, 1, 1, 0, 0, 15));
      expect(m('2026-10')).toEqual(row(1, 1, 0, 0, 0, 2));
      expect(m('2026-11')).toEqual(row(6, 5, 1, 0, 1, 24));
      expect(m('2025-02')).toEqual(row(0, 0, 0, 0, 0, 0));
    });

    it('unit and district filters', async () => {
      const u = await publicityKpi({ ...WHOLE, groupBy: 'district', unit: 'D990102-01' });
      expect(u.total).toEqual(row(4, 3, 0, 1, 1, 9));
      const d = await publicityKpi({ ...WHOLE, groupBy: 'unit', district: '990103' });
      expect(d.rows.map((r) => r.key)).toEqual(['D990103-01']);
    });

    it('the unpublished decision is pending up to and on its deadline, overdue the day after', async () => {
      const at = async (asOf: string) =>
        pick((await publicityKpi({ from: '2026-11-16', to: '2026-11-16', asOf, groupBy: 'district' })).rows.find((r) => r.key === '990102'));
      expect(await at('2026-11-23')).toEqual(row(0, 0, 0, 0, 1, 0));
      expect(await at('2026-11-25')).toEqual(row(0, 0, 0, 0, 1, 0));
      expect(await at('2026-11-26')).toEqual(row(1, 0, 0, 1, 0, 0));
    });

    it('as of an earlier date, a publication received after it does not count yet', async () => {
      // Decisions of 1–11 Nov. As of 11-11: CF-LATE1 (published 11-12) and XK-DIFF (published 11-16) are pending.
      const nov = { from: '2026-11-01', to: '2026-11-11', groupBy: 'district' as const };
      expect((await publicityKpi({ ...nov, asOf: '2026-11-11' })).total).toEqual(row(4, 4, 0, 0, 2, 9));
      // As of 11-12: CF-LATE1 is published, one day late.
      expect((await publicityKpi({ ...nov, asOf: '2026-11-12' })).total).toEqual(row(5, 4, 1, 0, 1, 17));
      // As of 11-16: XK-DIFF published on its deadline (the register's decision date 11-05 counts, not the 11-04 it carries).
      expect((await publicityKpi({ ...nov, asOf: '2026-11-16' })).total).toEqual(row(6, 5, 1, 0, 0, 24));
    });

    it('delay histogram (working days), and as of an earlier date', async () => {
      const h = await publicityDelayHistogram(WHOLE);
      expect(h.rows).toEqual([
        { delay: 0, count: 1 },
        { delay: 1, count: 2 },
        { delay: 2, count: 1 },
        { delay: 7, count: 4 },
        { delay: 8, count: 3 },
      ]);
      expect(h.total).toBe(11);
      const early = await publicityDelayHistogram({ from: '2026-11-01', to: '2026-11-11', asOf: '2026-11-11' });
      expect(early.rows).toEqual([
        { delay: 0, count: 1 },
        { delay: 1, count: 2 },
        { delay: 7, count: 1 },
      ]);
    });

    it('items: the missing one, the late ones, the early warning, the resend and the unregistered publication', async () => {
      const all = { kind: 'all' } as const;
      const items = (q: Record<string, unknown>) => publicityItems(all, itemsInput.parse({ ...WHOLE, ...q }));
      const overdue = await items({ status: 'overdue' });
      expect(overdue.items).toEqual([
        expect.objectContaining({
          kind: 'license',
          docNo: 'XK-OLD',
          unitCode: 'D990102-01',
          unitName: expect.any(String),
          districtName: '东城区',
          decisionDate: '2025-06-03',
          deadline: '2025-06-12',
          publicationDate: null,
          delay: null,
          status: 'overdue',
          registered: true,
          calendarKnown: true,
        }),
      ]);
      const late = await items({ status: 'late' });
      expect(late.items.map((i) => [i.docNo, i.decisionDate, i.deadline, i.publicationDate, i.delay])).toEqual([
        ['XK-ND2', '2025-09-25', '2025-10-11', '2025-10-13', 8],
        ['XK-SF2', '2025-01-24', '2025-02-10', '2025-02-11', 8],
        ['CF-LATE1', '2026-11-02', '2026-11-11', '2026-11-12', 8],
      ]);
      // Due within 2 working days of asOf: 11-23 + 2 = 11-25, XK-OPEN's deadline. As of Fri 11-20 the horizon is Tue 11-24.
      expect((await items({ status: 'warning' })).items.map((i) => [i.docNo, i.status, i.warning, i.elapsed])).toEqual([
        ['XK-OPEN', 'pending', true, 5],
      ]);
      expect((await items({ status: 'warning', asOf: '2026-11-20' })).items).toEqual([]);
      const onTime = await items({ status: 'on_time', unit: 'D990102-01' });
      expect(onTime.items.map((i) => [i.docNo, i.publicationDate, i.delay, i.registered])).toEqual([
        ['XK-DIFF', '2026-11-16', 7, true],
        ['XK-NOREG', '2026-11-09', 1, false],
        ['XK-RESEND', '2026-11-05', 1, true],
      ]);
      // The histogram's drill-down: delay 7.
      expect((await items({ delayMin: 7, delayMax: 7 })).items.map((i) => i.docNo).sort()).toEqual(['CF-EDGE', 'XK-DIFF', 'XK-ND', 'XK-SF']);
      // Several statuses at once.
      expect((await items({ status: 'late,overdue' })).items).toHaveLength(4);
    });

    it('items are paged by cursor without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await publicityItems({ kind: 'all' }, itemsInput.parse({ ...WHOLE, limit: 5, cursor }));
        seen.push(...page.items.map((i) => i.docNo));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(13);
      expect(new Set(seen).size).toBe(13);
    });
  });
}

describe('computed live (no cube yet)', () => {
  it('every unit is dirty', async () => {
    const s = await cubeState();
    expect(s.clean).toEqual([]);
    expect(s.dirty.map((d) => d.unit).sort()).toEqual(['C002', 'D990102-01', 'D990103-01']);
  });
  figures('live');
});

describe('from the cube', () => {
  beforeAll(async () => {
    expect((await refreshPublicityCube()).units).toBe(3);
    const s = await cubeState();
    expect(s.dirty).toEqual([]);
    expect(s.clean).toHaveLength(3);
    // The exceptions of the builds: the 3 late and the 2 never published decisions.
    const ex = await queryRows(
      'SELECT doc_no AS d FROM publicity_exceptions WHERE build_seq IN {seqs:Array(UInt64)} ORDER BY d',
      { seqs: s.clean.map(([, seq]) => seq) },
      z.object({ d: z.string() }),
    );
    expect(ex.map((r) => r.d)).toEqual(['CF-LATE1', 'XK-ND2', 'XK-OLD', 'XK-OPEN', 'XK-SF2']);
  });
  figures('cube');
});

describe('one unit dirty again (mixed)', () => {
  beforeAll(async () => {
    // A resend of an existing publication changes nothing but makes the unit's cube stale.
    await store('penalties', [penalty(...D3, 'CF-A', '2026-10-12', '2026-11-20 10:00:00.000')]);
    const s = await cubeState();
    expect(s.dirty.map((d) => d.unit)).toEqual(['D990103-01']);
    expect(s.clean).toHaveLength(2);
  });
  figures('mixed');
});

describe('rebuilt and cleaned up', () => {
  beforeAll(async () => {
    expect((await refreshPublicityCube()).units).toBe(1);
    const before = await queryRows('SELECT count() AS n FROM publicity_cube', {}, z.object({ n: z.number() }));
    const { deleted } = await cleanupPublicityCube({ graceMs: 0 });
    expect(deleted).toBeGreaterThan(0);
    const after = await queryRows('SELECT count() AS n FROM publicity_cube', {}, z.object({ n: z.number() }));
    expect(after[0]!.n).toBe(before[0]!.n - deleted);
    expect((await cubeState()).dirty).toEqual([]);
  });
  figures('after cleanup');
});

describe('calendar warning', () => {
  it('flags a period or asOf in a year the calendar does not know', async () => {
    const k = await publicityKpi({ from: '2027-01-01', to: '2027-01-31', asOf: '2027-01-31', groupBy: 'district' });
    expect(k.calendarWarning).toBe(true);
    expect((await publicityDelayHistogram({ from: '2027-01-01', to: '2027-01-31', asOf: '2027-01-31' })).calendarWarning).toBe(true);
  });

  it('flags a deadline in an unknown year even when the period is known', async () => {
    // Mon 2026-12-28 + 7 working days: Tue 29, Wed 30, Thu 31, then 2027 (Mon–Fri assumed): Fri 1, Mon 4, Tue 5, Wed 6.
    await store('decisions', [register(...D3, 'penalty', 'CF-NYE', '2026-12-28', '2026-12-28 10:00:00.000')]);
    const dec = { from: '2026-12-01', to: '2026-12-31', asOf: '2026-12-31' };
    const k = await publicityKpi({ ...dec, groupBy: 'district' });
    expect(k.calendarWarning).toBe(true);
    expect(k.total).toMatchObject({ due: 0, pending: 1 });
    const [item] = (await publicityItems({ kind: 'all' }, itemsInput.parse(dec))).items;
    expect(item).toMatchObject({ docNo: 'CF-NYE', deadline: '2027-01-06', calendarKnown: false, status: 'pending' });
    expect((await publicityKpi({ ...WHOLE, groupBy: 'district' })).calendarWarning).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Access, audit and the HTTP API

const createCaller = createCallerFactory(appRouter);
const person = (role: Principal['role'], districtCode = '', unitCode = ''): Principal => ({
  kind: 'user',
  id: `00000000-0000-4000-8000-0000000000${role.length}1`,
  name: `${role}@publicity.test`,
  role,
  districtCode,
  unitCode,
  tokenScopes: [],
});
const callerAs = (p: Principal | null) => createCaller({ requestId: 'test', ip: '127.0.0.9', principal: p });

describe('tRPC and REST', () => {
  it('figures are city-wide for every role; items are scoped, and a filter outside the scope yields nothing', async () => {
    const unitUser = callerAs(person('unit', '990100', 'C002'));
    expect((await unitUser.publicity.kpi({ ...WHOLE, groupBy: 'unit' })).rows).toHaveLength(3);
    const own = await unitUser.publicity.items({ ...WHOLE, status: ['late'] });
    expect(own.items.map((i) => i.unitCode)).toEqual(['C002', 'C002', 'C002']);
    expect((await unitUser.publicity.items({ ...WHOLE, unit: 'D990102-01' })).items).toEqual([]);
    const district = callerAs(person('district', '990102'));
    expect((await district.publicity.items({ ...WHOLE, status: ['late'] })).items).toEqual([]);
    expect((await district.publicity.items({ ...WHOLE, status: ['overdue'] })).items.map((i) => i.docNo)).toEqual(['XK-OLD']);
    await expect(callerAs(null).publicity.kpi({ groupBy: 'unit' })).rejects.toThrow(/sign in/);
    await expect(unitUser.publicity.kpi({ from: '2026-02-01', to: '2026-01-01', groupBy: 'unit' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('every items request is audited with who, filters and row count', async () => {
    const audit = await queryRows(
      `SELECT actor, role, action, target, row_count AS n FROM audit_log WHERE actor = 'district@publicity.test' ORDER BY at`,
      {},
      z.object({ actor: z.string(), role: z.string(), action: z.string(), target: z.string(), n: z.number() }),
    );
    expect(audit).toEqual([
      { actor: 'district@publicity.test', role: 'district', action: 'drill_down', target: 'items/publicity?status=late', n: 0 },
      { actor: 'district@publicity.test', role: 'district', action: 'drill_down', target: 'items/publicity?status=overdue', n: 1 },
    ]);
  });

  it('GET /api/v1/kpi/publicity answers design.md §6 and refuses bad input', async () => {
    const { token } = await createToken({ unitCode: 'C002', scopes: ['read'], name: 'publicity-read', createdBy: 'test' });
    const get = (q: string) => kpiGet(new Request(`http://test/api/v1/kpi/publicity?${q}`, { headers: { authorization: `Bearer ${token}` } }));
    const res = await get(`from=2025-01-01&to=${TODAY}&asOf=${TODAY}&groupBy=catalog`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['asOf', 'calendarWarning', 'from', 'groupBy', 'rows', 'target', 'to', 'total']);
    expect(Object.keys(body.rows[0]).sort()).toEqual(['avgDelay', 'due', 'key', 'late', 'name', 'onTime', 'onTimeRate', 'overdue', 'pending'].sort());
    expect(body.total).toEqual(row(12, 8, 3, 1, 1, 56));
    expect((await get('groupBy=nope')).status).toBe(400);
    expect((await get('from=2026-02-01&to=2026-01-01')).status).toBe(400);
    expect((await kpiGet(new Request('http://test/api/v1/kpi/publicity'))).status).toBe(401);
  });

  it('GET /api/v1/items/publicity: JSON pages, CSV and XLSX exports of every matching item, scoped and audited', async () => {
    const { token } = await createToken({ unitCode: 'C002', scopes: ['read'], name: 'publicity-c002', createdBy: 'test' });
    const get = (q: string) => itemsGet(new Request(`http://test/api/v1/items/publicity?${q}`, { headers: { authorization: `Bearer ${token}` } }));
    const json = await (await get(`status=late&from=2025-01-01&to=${TODAY}`)).json();
    expect(json.items.map((i: { docNo: string }) => i.docNo)).toEqual(['XK-ND2', 'XK-SF2', 'CF-LATE1']);
    expect(Object.keys(json.items[0])).toEqual(
      expect.arrayContaining(['kind', 'docNo', 'unitCode', 'decisionDate', 'deadline', 'publicationDate', 'delay', 'status']),
    );
    // A token of C002 sees only C002's items.
    expect((await (await get('status=overdue&from=2025-01-01')).json()).items).toEqual([]);

    const csv = await (await get(`format=csv&from=2025-01-01&to=${TODAY}&limit=1`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('决定文书号');
    expect(lines).toHaveLength(1 + 7); // header + C002's seven decisions (limit does not truncate an export)

    const xlsx = await get(`format=xlsx&status=late&from=2025-01-01&to=${TODAY}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(2).value).toBe('XK-ND2');

    expect((await get('status=bogus')).status).toBe(400);
    expect((await get('format=pdf')).status).toBe(400);
    expect((await itemsGet(new Request('http://test/api/v1/items/publicity'))).status).toBe(401);

    await new Promise((r) => setTimeout(r, 200)); // the XLSX audit row is written once the stream has finished
    const exports = await queryRows(
      `SELECT target, row_count AS n, filters FROM audit_log WHERE action = 'export' AND actor = 'publicity-c002' ORDER BY at`,
      {},
      z.object({ target: z.string(), n: z.number(), filters: z.string() }),
    );
    expect(exports.map((e) => [e.target, e.n, JSON.parse(e.filters).format])).toEqual([
      ['items/publicity?status=all', 7, 'csv'],
      ['items/publicity?status=late', 3, 'xlsx'],
    ]);
  });
});
