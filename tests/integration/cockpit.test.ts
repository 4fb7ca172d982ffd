/**
 * The 总览 cockpit on a small hand-built city, every expected figure worked out by hand below. The reference data is
 * this file's own (3 districts, 6 units, 5 catalog items, 3 measures, hand-set targets), so city-wide figures
 * (targets, missing submissions) are small enough to count on paper.
 *
 * asOf = 2026-11-23 (Mon): year to date 2026-01-01..11-23; trend 2025-12..2026-11; month 2026-11-01..11-23 (windows
 * judged up to 11-22); recent 2026-11-16..11-22. Calendar 2026 (chinese-days): 248 working days, 220 up to 11-23.
 *
 * Units: C002 市市场监管局 (market), C010 市财政局 (finance), A D990102-05 东城区生态环境分局 (ecology),
 * B D990102-08 东城区公安分局 (public_security), C D990103-08 西湖区公安分局 (public_security), D D990103-05 西湖区生态环境分局 (ecology).
 * Catalog: YZSX daily [ecology], XZQZ weekly [ecology, public_security], XYXF monthly [market], XK/CF realtime.
 *
 * 归集 (accepted, by receipt):  R1 A XZQZ 2025-11-20 (before the trend)  R2 A 2025-12-10  R3 A 2026-03-05  R4 B 2026-03-06
 *   L1 A licence 2026-06-10   CF-LATE B penalty 2026-07-20   XK-ONTIME C licence 2026-08-05   R5 A XZQZ 2026-11-02
 *   R6 C XZQZ 2026-11-03   P1 C penalty 2026-11-10   R3 resent by A 2026-11-05 (not new)   R7 A 2026-11-24 (after asOf)
 *   rejected: A record 2026-03-05, C penalty 2026-11-10.
 *   Trend: 2025-12 1, 2026-03 2, 06 1, 07 1, 08 1, 11 3 (R5, R6, P1), other months 0. Year to date 8 of 50 + 100 + 10
 *   = 160 (district targets) → 5%; projection 8 × 248 / 220 = 9.018 < 160 → off track. Rows 2026: 2 + 1 + 1 + 1 + 4
 *   (the resend) = 9 accepted, 2 rejected → quality 9/11.
 *
 * 双公示 (status as of 11-23; deadline = 7th working day after the decision):
 *   CF-OLD C002 2025-12-15 unpublished, due 12-24 → overdue (2025-12: in the trend, not the year)
 *   CF-VERYOLD C002 2025-06-10 unpublished → overdue but before the trend window: counted nowhere
 *   CF-OVER3 B 2026-03-02 due 03-11 → overdue      L1 A 2026-06-10 published 06-10 → on time
 *   CF-LATE B 2026-07-06 due 07-15, published 07-20 → late      XK-ONTIME C 2026-08-03 published 08-05 → on time
 *   XK-OVER1 A 2026-09-01 due 09-10 → overdue      XK-OVER2 A 2026-10-12 due 10-21 → overdue
 *   P1 C 2026-11-10 published 11-10 → on time      XK-PEND C 2026-11-18 due 11-27 → pending
 *   Year: on time 3, late 1, overdue 3, pending 1 → due 7, rate 3/7. Overdue in the trend window: 4 (A 2, C002 1, B 1).
 *
 * 联合奖惩 (10 working days to answer):
 *   S7 CASE-6/M05 → C002 pushed 2025-12-01, due 12-15, answered 12-03 → on time (trend only)
 *   S8 CASE-7/M05 → C002 pushed 2025-11-03 unanswered → before the trend window
 *   S9 CASE-8/M07 → C 2026-03-02, due 03-16, answered 03-04 → on time     S5 CASE-4/M07 → B 05-11, due 05-25 → overdue
 *   S1 CASE-1/M01 → C010 06-01, due 06-15, answered 06-10 → on time       S2 CASE-2/M01 → C010 07-06, due 07-20, answered 07-24 → late
 *   S3 CASE-3/M01 → C010 08-03, due 08-17 → overdue                       S4 CASE-3/M07 → B 08-03 → overdue
 *   S6 CASE-5/M07 → C 11-16, due 11-30 → pending
 *   Year: 7 pushes, 2 on time, 1 late, 3 overdue, 1 pending, 3 executed → feedback 3/6, timely 2/6, execution 3/3.
 *   Target 0.9 (every district's). Overdue in the trend window: B 2, C010 1.
 *
 * Missing submissions, 2026-11-01..11-22: 15 working days (daily windows), 3 whole ISO weeks (11-02, 11-09, 11-16),
 *   no whole month. A: YZSX 15 + XZQZ 2 (week of 11-02 sent) = 17; D: 15 + 3 = 18; B: 3; C: 2 (R6 in week 11-02);
 *   C002: none due; C010: provides nothing. 40 windows at 4 units. Last batches: A 11-02, B 03-06, C 11-10, D never
 *   → silent (owing and nothing since 11-01): D (18), B (3).
 *
 * Anomalies: C010 sends 10 records every working day 2025-03-03..10-24 but none on 10-22 and 10-23; as of 2025-10-27
 *   (recent 10-20..10-26) those two days are far below its baseline (expected 10). As of 2026-11-23 nothing is.
 */
import { recordDataChange } from '@/server/db/dataVersions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@/server/auth/roles';
import { insertRows } from '@/server/db/query';
import { WorkdayCalendar } from '@/server/domain/calendar';
import { storeRows, type StoredRow } from '@/server/ingest/store';
import { attentionList, cockpitPeriod, ingestionCard, publicityCard, sanctionsCard } from '@/server/metrics/overview/cockpit';
import { refreshPublicityCube, setPublicityAutoRefresh } from '@/server/metrics/publicity';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { freshDatabase } from './_db';

const AS_OF = '2026-11-23';
const CITY = '990100';
const DC = '990102';
const XH = '990103';
const A = 'D990102-05';
const B = 'D990102-08';
const C = 'D990103-08';
const D = 'D990103-05';
const FUTURE = '2030-01-01 00:00:00.000';

const batchOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let rowNo = 0;
const base = (unit: string, district: string, at: string) => ({
  district_code: district,
  unit_code: unit,
  batch_id: batchOf(1),
  row_no: ++rowNo,
  received_at: `${at}.000`,
});
const subject = { subject_type: 'legal', subject_name: '示范市测试有限公司', subject_code: '91350100M000100Y43', subject_hash: '' };
const record = (unit: string, district: string, catalog: string, id: string, at: string): StoredRow => ({
  ...base(unit, district, at),
  ...subject,
  catalog_code: catalog,
  record_id: id,
  occurred_on: at.slice(0, 10),
  data: '{}',
});
const license = (unit: string, district: string, doc: string, decisionDate: string, at: string): StoredRow => ({
  ...base(unit, district, at),
  ...subject,
  doc_no: doc,
  license_name: '排污许可',
  license_category: '普通',
  decision_date: decisionDate,
  valid_from: decisionDate,
  valid_to: null,
  content: '',
});
const penalty = (unit: string, district: string, doc: string, decisionDate: string, at: string): StoredRow => ({
  ...base(unit, district, at),
  ...subject,
  doc_no: doc,
  violation_type: '超标排放污染物',
  penalty_types: ['罚款'],
  fine_amount: '1000.00',
  decision_date: decisionDate,
  basis: '',
  content: '',
});
const register = (unit: string, district: string, kind: 'license' | 'penalty', doc: string, decisionDate: string): StoredRow => ({
  ...base(unit, district, `${decisionDate} 17:00:00`),
  subject_name: subject.subject_name,
  subject_code: subject.subject_code,
  kind,
  doc_no: doc,
  decision_date: decisionDate,
});
const push = (caseId: string, measure: string, unit: string, district: string, day: string): StoredRow => ({
  ...base('C002', CITY, `${day} 09:00:00`),
  ...subject,
  responding_district_code: district,
  responding_unit: unit,
  case_id: caseId,
  measure_code: measure,
  kind: 'punishment',
  list_type: '失信被执行人',
});
const answer = (caseId: string, measure: string, unit: string, district: string, day: string, result = 'executed'): StoredRow => ({
  ...base(unit, district, `${day} 10:00:00`),
  case_id: caseId,
  measure_code: measure,
  result,
  note: '',
});
const rejected = (unit: string, district: string, stream: string, raw: string, at: string, n: number) => ({
  batch_id: batchOf(90 + n),
  stream,
  unit_code: unit,
  district_code: district,
  row_no: n,
  raw,
  error_codes: ['USCC_CHECK'],
  errors: '[]',
  received_at: `${at}.000`,
});
const batch = (n: number, unit: string, district: string, at: string) => ({
  batch_id: batchOf(n),
  stream: 'records',
  unit_code: unit,
  district_code: district,
  token_id: '',
  idempotency_key: '',
  content_type: 'application/json',
  received_at: `${at}.000`,
  rows_total: 1,
  accepted: 1,
  rejected: 0,
  status: 'stored',
  response: '',
  finished_at: `${at}.000`,
});

async function loadCity() {
  await insertRows('districts', [
    { code: CITY, name: '市本级', short_name: '市本级', level: 'city', sort: 0 },
    { code: DC, name: '东城区', short_name: '东城', level: 'district', sort: 2 },
    { code: XH, name: '西湖区', short_name: '西湖', level: 'district', sort: 3 },
  ]);
  const unit = (code: string, name: string, district: string, kind: string, sort: number) => ({
    code,
    name,
    short_name: name,
    level: district === CITY ? 'city' : 'district',
    district_code: district,
    member: true,
    kind,
    sort,
  });
  await insertRows('units', [
    unit('C002', '市市场监管局', CITY, 'market', 1),
    unit('C010', '市财政局', CITY, 'finance', 2),
    unit(A, '东城区生态环境分局', DC, 'ecology', 3),
    unit(B, '东城区公安分局', DC, 'public_security', 4),
    unit(D, '西湖区生态环境分局', XH, 'ecology', 5),
    unit(C, '西湖区公安分局', XH, 'public_security', 6),
  ]);
  const item = (code: string, name: string, frequency: string, kinds: string[], sort: number) => ({
    code,
    name,
    category: '不良信息',
    subject_types: ['legal'],
    frequency,
    provider_kinds: kinds,
    sort,
  });
  await insertRows('catalog_items', [
    item('YZSX', '严重失信主体名单', 'daily', ['ecology'], 1),
    item('XZQZ', '行政强制', 'weekly', ['ecology', 'public_security'], 2),
    item('XYXF', '信用修复', 'monthly', ['market'], 3),
    item('XK', '行政许可', 'realtime', ['market', 'ecology'], 4),
    item('CF', '行政处罚', 'realtime', ['market', 'public_security'], 5),
  ]);
  const measure = (code: string, kind: string, sort: number) => ({
    code,
    name: `措施${code}`,
    kind: 'punishment',
    responding_kind: kind,
    feedback_days: 10,
    sort,
  });
  await insertRows('measures', [measure('M01', 'finance', 1), measure('M05', 'market', 2), measure('M07', 'public_security', 3)]);
  const target = (code: string, kpi: string, value: number) => ({ year: 2026, level: 'district', code, kpi, target: value, binding: false, updated_at: FUTURE });
  await insertRows('targets', [
    target(CITY, 'ingestion_records', 50),
    target(DC, 'ingestion_records', 100),
    target(XH, 'ingestion_records', 10),
    target(CITY, 'sanction_feedback_rate', 0.9),
    target(DC, 'sanction_feedback_rate', 0.9),
    target(XH, 'sanction_feedback_rate', 0.9),
  ]);
}

const lookup = { firstReceipts: 'lookup' } as const;

beforeAll(async () => {
  await freshDatabase({ today: AS_OF, reference: false });
  setPublicityAutoRefresh(false);
  await loadCity();
  await storeRows(
    'records',
    [
      record(A, DC, 'XZQZ', 'R1', '2025-11-20 10:00:00'),
      record(A, DC, 'XZQZ', 'R2', '2025-12-10 10:00:00'),
      record(A, DC, 'XZQZ', 'R3', '2026-03-05 10:00:00'),
      record(B, DC, 'XZQZ', 'R4', '2026-03-06 10:00:00'),
      record(A, DC, 'XZQZ', 'R5', '2026-11-02 10:00:00'),
      record(C, XH, 'XZQZ', 'R6', '2026-11-03 10:00:00'),
      record(A, DC, 'XZQZ', 'R7', '2026-11-24 10:00:00'),
    ],
    lookup,
  );
  await storeRows('records', [record(A, DC, 'XZQZ', 'R3', '2026-11-05 10:00:00')], lookup);
  await storeRows(
    'licenses',
    [license(A, DC, 'L1', '2026-06-10', '2026-06-10 15:00:00'), license(C, XH, 'XK-ONTIME', '2026-08-03', '2026-08-05 09:00:00')],
    lookup,
  );
  await storeRows(
    'penalties',
    [penalty(B, DC, 'CF-LATE', '2026-07-06', '2026-07-20 09:00:00'), penalty(C, XH, 'P1', '2026-11-10', '2026-11-10 11:00:00')],
    lookup,
  );
  await storeRows(
    'decisions',
    [
      register('C002', CITY, 'penalty', 'CF-OLD', '2025-12-15'),
      register('C002', CITY, 'penalty', 'CF-VERYOLD', '2025-06-10'),
      register(B, DC, 'penalty', 'CF-OVER3', '2026-03-02'),
      register(B, DC, 'penalty', 'CF-LATE', '2026-07-06'),
      register(C, XH, 'license', 'XK-ONTIME', '2026-08-03'),
      register(A, DC, 'license', 'XK-OVER1', '2026-09-01'),
      register(A, DC, 'license', 'XK-OVER2', '2026-10-12'),
      register(C, XH, 'license', 'XK-PEND', '2026-11-18'),
    ],
    lookup,
  );
  await insertRows('rejected_rows', [
    rejected(A, DC, 'records', '{"recordId":"X1","catalogCode":"XZQZ"}', '2026-03-05 10:00:01', 1),
    rejected(C, XH, 'penalties', '{"docNo":"P-X"}', '2026-11-10 11:00:01', 2),
  ]);
  await storeRows(
    'sanctions',
    [
      push('CASE-6', 'M05', 'C002', CITY, '2025-12-01'),
      push('CASE-7', 'M05', 'C002', CITY, '2025-11-03'),
      push('CASE-8', 'M07', C, XH, '2026-03-02'),
      push('CASE-4', 'M07', B, DC, '2026-05-11'),
      push('CASE-1', 'M01', 'C010', CITY, '2026-06-01'),
      push('CASE-2', 'M01', 'C010', CITY, '2026-07-06'),
      push('CASE-3', 'M01', 'C010', CITY, '2026-08-03'),
      push('CASE-3', 'M07', B, DC, '2026-08-03'),
      push('CASE-5', 'M07', C, XH, '2026-11-16'),
    ],
    lookup,
  );
  await storeRows(
    'feedback',
    [
      answer('CASE-6', 'M05', 'C002', CITY, '2025-12-03', 'not_applicable'),
      answer('CASE-8', 'M07', C, XH, '2026-03-04'),
      answer('CASE-1', 'M01', 'C010', CITY, '2026-06-10'),
      answer('CASE-2', 'M01', 'C010', CITY, '2026-07-24'),
    ],
    lookup,
  );
  await insertRows('ingest_batches', [
    batch(11, A, DC, '2026-11-02 10:00:00'),
    batch(12, B, DC, '2026-03-06 10:00:00'),
    batch(13, C, XH, '2026-11-03 10:00:00'),
    batch(14, C, XH, '2026-11-10 11:00:00'),
    batch(15, A, DC, '2026-11-24 10:00:00'),
  ]);
  // C010's steady series for the anomaly check: 10 records every working day, none on 10-22 and 10-23.
  const cal = WorkdayCalendar.fromPackage();
  const series: StoredRow[] = [];
  for (let day = '2025-03-03'; day <= '2025-10-24'; day = cal.addWorkdays(day, 1).date) {
    if (day === '2025-10-22' || day === '2025-10-23') continue;
    for (let i = 0; i < 10; i++) series.push(record('C010', CITY, 'QT', `S-${day}-${i}`, `${day} 09:00:0${i}`));
  }
  await storeRows('records', series, { firstReceipts: 'provided' });
}, 300_000);

const months = (from: string, n: number) => {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
};
const TREND = months('2025-12', 12);

describe('the periods of the cockpit', () => {
  it('derive from asOf', () => {
    expect(cockpitPeriod(AS_OF)).toEqual({
      asOf: AS_OF,
      yearStart: '2026-01-01',
      trendFrom: '2025-12-01',
      monthStart: '2026-11-01',
      month: '2026-11',
      recentFrom: '2026-11-16',
    });
    expect(cockpitPeriod('2026-01-05')).toMatchObject({ yearStart: '2026-01-01', trendFrom: '2025-02-01', recentFrom: '2025-12-29' });
  });
});

describe('cards: hand-computed year to date, target and trend', () => {
  it('归集: accepted against the city target, projection, quality and the monthly volume', async () => {
    const card = await ingestionCard(AS_OF);
    expect(card.ytd).toMatchObject({ accepted: 8, target: 160, binding: false, onTrack: false });
    expect(card.ytd.targetCompletion).toBeCloseTo(8 / 160, 12);
    expect(card.ytd.projection).toBeCloseTo((8 * 248) / 220, 9);
    expect(card.ytd.qualityRate).toBeCloseTo(9 / 11, 12);
    expect(card.trend.map((r) => r.month)).toEqual(TREND);
    const volume = Object.fromEntries(card.trend.map((r) => [r.month, r.accepted]));
    expect(volume).toEqual({ ...Object.fromEntries(TREND.map((m) => [m, 0])), '2025-12': 1, '2026-03': 2, '2026-06': 1, '2026-07': 1, '2026-08': 1, '2026-11': 3 });
    const quality = Object.fromEntries(card.trend.map((r) => [r.month, r.qualityRate]));
    expect(quality['2026-03']).toBeCloseTo(2 / 3, 12);
    expect(quality['2026-11']).toBeCloseTo(4 / 5, 12);
    expect(quality['2026-01']).toBeNull();
  });

  it('双公示: on-time rate of this year’s decisions against the binding 100%, and the monthly rate', async () => {
    const card = await publicityCard(AS_OF);
    expect(card.target).toBe(1);
    expect(card.ytd).toEqual({ due: 7, onTime: 3, late: 1, overdue: 3, pending: 1, onTimeRate: 3 / 7 });
    expect(card.calendarWarning).toBe(false);
    expect(card.trend.map((r) => r.month)).toEqual(TREND);
    const rate = Object.fromEntries(card.trend.map((r) => [r.month, [r.due, r.onTimeRate]]));
    expect(rate).toMatchObject({
      '2025-12': [1, 0],
      '2026-01': [0, null],
      '2026-03': [1, 0],
      '2026-06': [1, 1],
      '2026-07': [1, 0],
      '2026-08': [1, 1],
      '2026-09': [1, 0],
      '2026-10': [1, 0],
      '2026-11': [1, 1],
    });
  });

  it('双公示: the same figures once the cube is built', async () => {
    await refreshPublicityCube({ force: true });
    const card = await publicityCard(AS_OF);
    expect(card.ytd).toEqual({ due: 7, onTime: 3, late: 1, overdue: 3, pending: 1, onTimeRate: 3 / 7 });
    expect((await attentionList({ kind: 'all' }, AS_OF)).publicityOverdue.total).toBe(4);
  });

  it('联合奖惩: feedback and timely rates of this year’s pushes against the districts’ target, every month listed', async () => {
    const card = await sanctionsCard(AS_OF);
    expect(card).toMatchObject({ target: 0.9, binding: false, calendarWarning: false });
    expect(card.ytd).toMatchObject({ pushes: 7, answeredOnTime: 2, answeredLate: 1, overdue: 3, pending: 1, executed: 3, feedbackRate: 0.5, executionRate: 1 });
    expect(card.ytd.timelyRate).toBeCloseTo(1 / 3, 12);
    expect(card.trend.map((r) => r.month)).toEqual(TREND);
    const by = Object.fromEntries(card.trend.map((r) => [r.month, [r.pushes, r.feedbackRate, r.timelyRate]]));
    expect(by).toMatchObject({
      '2025-12': [1, 1, 1],
      '2026-01': [0, null, null],
      '2026-03': [1, 1, 1],
      '2026-05': [1, 0, 0],
      '2026-06': [1, 1, 1],
      '2026-07': [1, 1, 0],
      '2026-08': [2, 0, 0],
      '2026-11': [1, null, null],
    });
  });

  it('联合奖惩: no city target when the districts disagree', async () => {
    await insertRows('targets', [
      { year: 2026, level: 'district', code: XH, kpi: 'sanction_feedback_rate', target: 0.8, binding: false, updated_at: '2030-01-02 00:00:00.000' },
    ]);
    await recordDataChange(['reference']); // targets changed outside the reference loader, as an admin's edit would
    expect(await sanctionsCard(AS_OF)).toMatchObject({ target: null, binding: null });
    await insertRows('targets', [
      { year: 2026, level: 'district', code: XH, kpi: 'sanction_feedback_rate', target: 0.9, binding: false, updated_at: '2030-01-03 00:00:00.000' },
    ]);
    await recordDataChange(['reference']); // targets changed outside the reference loader, as an admin's edit would
    expect(await sanctionsCard(AS_OF)).toMatchObject({ target: 0.9 });
  });
});

describe('attention list', () => {
  it('city-wide: overdue decisions and pushes by unit, missing windows, silent units, no recent anomaly', async () => {
    const a = await attentionList({ kind: 'all' }, AS_OF);
    expect(a.publicityOverdue).toEqual({
      total: 4,
      units: [
        { unitCode: A, unitName: '东城区生态环境分局', count: 2 },
        { unitCode: 'C002', unitName: '市市场监管局', count: 1 },
        { unitCode: B, unitName: '东城区公安分局', count: 1 },
      ],
      unitsTotal: 3,
    });
    expect(a.sanctionOverdue).toEqual({
      total: 3,
      units: [
        { unitCode: B, unitName: '东城区公安分局', count: 2 },
        { unitCode: 'C010', unitName: '市财政局', count: 1 },
      ],
      unitsTotal: 2,
    });
    expect(a.missing).toMatchObject({ last: '2026-11-22', windows: 40, units: 4, silentTotal: 2 });
    expect(a.missing.silent).toMatchObject([
      { unitCode: D, unitName: '西湖区生态环境分局', count: 18, lastReceivedAt: null },
      { unitCode: B, count: 3 },
    ]);
    expect(a.missing.silent[1]!.lastReceivedAt).toMatch(/^2026-03-06 10:00:00/);
    expect(a.anomalies).toEqual({ days: 0, units: [], unitsTotal: 0 });
  });

  it('anomalies of the 7 days before asOf', async () => {
    const a = await attentionList({ kind: 'all' }, '2025-10-27');
    expect(a.anomalies).toEqual({ days: 2, units: [{ unitCode: 'C010', unitName: '市财政局', count: 2, lastAnomaly: '2025-10-23' }], unitsTotal: 1 });
    // Before the drop (window 10-15..10-21) nothing is anomalous; the day of the drop is judged only once it is over.
    expect((await attentionList({ kind: 'all' }, '2025-10-22')).anomalies.days).toBe(0);
    expect((await attentionList({ kind: 'all' }, '2025-10-23')).anomalies).toMatchObject({ days: 1, units: [{ unitCode: 'C010', lastAnomaly: '2025-10-22' }] });
  });

  it('on the 1st of the month nothing of the month is due yet', async () => {
    const a = await attentionList({ kind: 'all' }, '2026-11-01');
    expect(a.missing).toEqual({ last: '2026-10-31', windows: 0, units: 0, silent: [], silentTotal: 0 });
  });

  it('a district sees only its own units; a unit only itself', async () => {
    const east = await attentionList({ kind: 'district', districtCode: DC }, AS_OF);
    expect(east.publicityOverdue).toMatchObject({ total: 3, unitsTotal: 2, units: [{ unitCode: A, count: 2 }, { unitCode: B, count: 1 }] });
    expect(east.sanctionOverdue).toMatchObject({ total: 2, unitsTotal: 1, units: [{ unitCode: B, count: 2 }] });
    expect(east.missing).toMatchObject({ windows: 20, units: 2, silentTotal: 1, silent: [{ unitCode: B, count: 3 }] });
    const west = await attentionList({ kind: 'district', districtCode: XH }, AS_OF);
    expect(west.publicityOverdue).toEqual({ total: 0, units: [], unitsTotal: 0 });
    expect(west.sanctionOverdue).toEqual({ total: 0, units: [], unitsTotal: 0 });
    expect(west.missing).toMatchObject({ windows: 20, units: 2, silentTotal: 1, silent: [{ unitCode: D, count: 18 }] });
    const finance = await attentionList({ kind: 'unit', unitCode: 'C010', districtCode: CITY }, AS_OF);
    expect(finance.sanctionOverdue).toMatchObject({ total: 1, units: [{ unitCode: 'C010', count: 1 }] });
    expect(finance.publicityOverdue.total).toBe(0);
    expect(finance.missing).toMatchObject({ windows: 0, units: 0, silentTotal: 0 });
    expect((await attentionList({ kind: 'district', districtCode: DC }, '2025-10-27')).anomalies.days).toBe(0);
    expect((await attentionList({ kind: 'unit', unitCode: 'C010', districtCode: CITY }, '2025-10-27')).anomalies.days).toBe(2);
  });
});

describe('tRPC: cards are city-wide for every role, the attention list follows the caller’s scope', () => {
  const createCaller = createCallerFactory(appRouter);
  const person = (role: Principal['role'], districtCode = '', unitCode = ''): Principal => ({
    kind: 'user',
    id: '00000000-0000-4000-8000-0000000000f1',
    name: `${role}@test`,
    role,
    districtCode,
    unitCode,
    tokenScopes: [],
  });
  const as = (p: Principal | null) => createCaller({ requestId: 'test', ip: '127.0.0.1', principal: p });

  it('the same cards for a leader and a district official; attention scoped', async () => {
    const leader = as(person('leader'));
    const district = as(person('district', DC));
    expect(await district.overview.cockpit.ingestion({})).toEqual(await leader.overview.cockpit.ingestion({}));
    expect((await district.overview.cockpit.publicity()).ytd.onTimeRate).toBe(3 / 7);
    expect((await district.overview.cockpit.sanctions({ asOf: AS_OF })).ytd.feedbackRate).toBe(0.5);
    expect((await leader.overview.cockpit.attention({})).scope).toEqual({ kind: 'all' });
    const scoped = await district.overview.cockpit.attention({});
    expect(scoped.scope).toEqual({ kind: 'district', districtCode: DC });
    expect(scoped.publicityOverdue.total).toBe(3);
    const unit = await as(person('unit', XH, C)).overview.cockpit.attention({});
    expect(unit.missing).toMatchObject({ windows: 2, units: 1, silentTotal: 0 });
  });

  it('asOf is validated; signed-out callers are refused', async () => {
    await expect(as(person('leader')).overview.cockpit.ingestion({ asOf: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(null).overview.cockpit.attention({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
