/**
 * Volume anomalies end to end: a hand-built unit series with hand-computed verdicts (holiday-aware: National Day
 * and weekends are not part of the series), and the demo generator's VOLUME_DROP scenario found in generated data.
 *
 * At the small demo scales a unit sends about one row a day, too few for any single day to be "far below" anything,
 * so the scenario part runs the generator at scale 1 for a handful of units only (a unit's rows do not depend on
 * which other units are generated): about 30,000 rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@/server/auth/roles';
import { addDays, WorkdayCalendar } from '@/server/domain/calendar';
import { storeRows, type StoredRow } from '@/server/ingest/store';
import { unitBaseline, volumeAnomalies } from '@/server/metrics/ingestion/anomalies';
import { resolveFilters } from '@/server/metrics/ingestion/filters';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { databaseSink, generateRows } from '@/seeds/generator/generate';
import { volumeDrop, VOLUME_DROP } from '@/seeds/generator/scenarios';
import { freshDatabase } from './_db';

const TODAY = '2026-11-23';
const COURT = 'D990102-03'; // 东城区人民法院 (hand-built series)
const calendar = WorkdayCalendar.fromPackage();
const GENERATED = [VOLUME_DROP.unitCode, 'D990105-03', 'D990104-03', 'C002', 'D990102-01'];

const record = (id: string, at: string): StoredRow => ({
  district_code: '990102',
  unit_code: COURT,
  catalog_code: 'SXBZX',
  record_id: id,
  subject_type: 'legal',
  subject_name: '示范市测试有限公司',
  subject_code: '91350100M000100Y43',
  subject_hash: '',
  occurred_on: at.slice(0, 10),
  data: '{}',
  batch_id: '00000000-0000-4000-8000-000000000001',
  row_no: 1,
  received_at: `${at} 10:00:00.000`,
});

const createCaller = createCallerFactory(appRouter);
const person = (role: Principal['role'], districtCode = ''): Principal => ({
  kind: 'user',
  id: '00000000-0000-4000-8000-0000000000f2',
  name: `${role}@test`,
  role,
  districtCode,
  unitCode: '',
  tokenScopes: [],
});

beforeAll(async () => {
  await freshDatabase({ today: TODAY });
  // The court sends 9 rows every working day from 2026-03-02 to 2026-10-30, except 10-27 (2), 10-28 (5), 10-29 (4);
  // plus 3 rows on Sunday 2026-10-11, a day off (not part of the working-day series).
  const special: Record<string, number> = { '2026-10-27': 2, '2026-10-28': 5, '2026-10-29': 4 };
  const rows: StoredRow[] = [];
  for (let d = '2026-03-02'; d <= '2026-10-30'; d = addDays(d, 1)) {
    if (!calendar.isWorkday(d)) continue;
    const n = special[d] ?? 9;
    for (let k = 0; k < n; k++) rows.push(record(`${d}-${k}`, d));
  }
  for (let k = 0; k < 3; k++) rows.push(record(`2026-10-11-${k}`, '2026-10-11'));
  await storeRows('records', rows, { firstReceipts: 'provided' });
  await generateRows(
    { scale: 1, seed: 7, today: TODAY, calendar, unitFilter: (u) => GENERATED.includes(u.code) },
    databaseSink,
  );
}, 300_000);

describe('hand-built series', () => {
  const f = resolveFilters({ from: '2026-10-01', to: '2026-10-31', asOf: TODAY, unit: COURT });

  it('flags exactly the days far below the baseline, newest first', async () => {
    const a = await volumeAnomalies(f);
    // History: 9 every working day → median ln 10, MAD 0, spread 0.15 (the floor); expected 9.
    // 10-27: 2 → z = ln(3/10)/0.15 = −8.0, short 7, ≤ 4.5 → anomaly. 10-28: 5 → z = −3.4 but 5 > 4.5 → no.
    // 10-29: 4 → z = ln(5/10)/0.15 = −4.6, short 5, ≤ 4.5 → anomaly. 10-30: 9 → no.
    expect(a.items.map((i) => [i.date, i.value])).toEqual([
      ['2026-10-29', 4],
      ['2026-10-27', 2],
    ]);
    expect(a.items[1]!.expected).toBeCloseTo(9, 9);
    expect(a.items[1]!.z).toBeCloseTo(Math.log(0.3) / 0.15, 9);
    expect(a.items[1]!.lower).toBeCloseTo(10 * Math.exp(-0.45) - 1, 9);
    // October has 18 working days (National Day 10-01..07 off, Saturday 10-10 worked).
    expect(a.units).toEqual([
      expect.objectContaining({ unitCode: COURT, evaluatedDays: 18, anomalousDays: 2, lastAnomaly: '2026-10-29', typicalVolume: 9 }),
    ]);
    expect(a.units[0]!.shortfall).toBeCloseTo(7 + 5, 9);
  });

  it('is holiday-aware: holidays and weekends are neither evaluated nor in the baseline', async () => {
    const b = await unitBaseline(f, COURT);
    const dates = b.points.map((p) => p.date);
    expect(dates).toHaveLength(18);
    expect(dates[0]).toBe('2026-10-08'); // the first working day after National Day: 9 rows, normal
    expect(dates).toContain('2026-10-10'); // 调休 working Saturday
    expect(dates).not.toContain('2026-10-11'); // the Sunday with 3 rows
    expect(b.points.find((p) => p.date === '2026-10-08')).toMatchObject({ value: 9, anomaly: false });
    expect(b.points.find((p) => p.date === '2026-10-28')).toMatchObject({ value: 5, anomaly: false });
    expect(b.points.every((p) => p.upper > p.expected && p.expected > p.lower)).toBe(true);
  });

  it('follows the catalog filter, and the unit-days are items scoped to the caller', async () => {
    expect((await volumeAnomalies({ ...f, catalog: 'XK' })).items).toEqual([]);
    const period = { from: '2026-10-01', to: '2026-10-31', asOf: TODAY };
    expect((await createCaller({ requestId: 't', ip: '', principal: person('district', '990102') }).ingestion.anomalyItems({ ...period, unit: COURT })).items).toHaveLength(2);
    expect((await createCaller({ requestId: 't', ip: '', principal: person('district', '990103') }).ingestion.anomalyItems({ ...period, unit: COURT })).items).toEqual([]);
    // The per-unit figure itself is city-wide.
    const fig = await createCaller({ requestId: 't', ip: '', principal: person('district', '990103') }).ingestion.anomalies({ ...period, unit: COURT });
    expect(fig.anomalousDays).toBe(2);
  });
});

describe('demo scenario VOLUME_DROP', () => {
  it('finds the unit whose volume fell by 80% about six weeks before today', async () => {
    const drop = volumeDrop(TODAY);
    const a = await volumeAnomalies(resolveFilters({ from: '2026-01-01', asOf: TODAY }));
    const mine = a.items.filter((i) => i.unitCode === drop.unitCode);
    const after = mine.filter((i) => i.date >= drop.from).length;
    const before = mine.length - after;
    const evaluatedAfter = calendar.workdaysBetween(addDays(drop.from, -1), addDays(TODAY, -1)).days;
    const evaluatedBefore = a.units.find((u) => u.unitCode === drop.unitCode)!.evaluatedDays - evaluatedAfter;
    // Most working days since the drop are flagged; before it, hardly any.
    expect(after / evaluatedAfter).toBeGreaterThan(0.4);
    expect(before / evaluatedBefore).toBeLessThan(0.05);
    // Since the drop, it is the unit with the most anomalous days among the generated ones.
    const since = await volumeAnomalies(resolveFilters({ from: drop.from, asOf: TODAY }));
    expect(since.units[0]!.unitCode).toBe(drop.unitCode);
  });
});
