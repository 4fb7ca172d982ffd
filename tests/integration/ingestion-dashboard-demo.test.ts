/**
 * The 归集 figures on the demo generator's data (scale 0.05): they agree with counts taken straight from the raw
 * tables, and the missing-submission figure finds the SILENT_UNIT scenario (a unit that sends nothing for a month).
 * (VOLUME_DROP needs realistic daily volumes: see ingestion-dashboard-anomaly.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryOne } from '@/server/db/query';
import { allAcceptedItems } from '@/server/metrics/ingestion/acceptedItems';
import { volumeAnomalies } from '@/server/metrics/ingestion/anomalies';
import { resolveFilters } from '@/server/metrics/ingestion/filters';
import { ingestionKpi } from '@/server/metrics/ingestion/kpi';
import { missingWindows, submissionsByUnit } from '@/server/metrics/ingestion/missing';
import { rejectedByErrorCode } from '@/server/metrics/ingestion/quality';
import { volumeSeries } from '@/server/metrics/ingestion/volume';
import { generateDemoData } from '@/seeds/generator/generate';
import { INVALID_RATE, silentUnit } from '@/seeds/generator/scenarios';
import { freshDatabase } from './_db';

const TODAY = '2026-11-23';
const n = z.object({ n: z.number() });
const count = async (sql: string, params: Record<string, unknown>) => (await queryOne(sql, params, n)).n;

beforeAll(async () => {
  await freshDatabase({ today: TODAY });
  await generateDemoData({ scale: 0.05, seed: 7, today: TODAY });
}, 300_000);

describe('figures agree with the raw tables', () => {
  const f = resolveFilters({ from: '2026-01-01', to: '2026-10-31', asOf: TODAY });
  const p = { from: f.from, to: f.to };

  it('accepted volume = distinct keys first received in the period; quality counts rows as received', async () => {
    const k = await ingestionKpi(f, 'district');
    const distinct = await count(
      `SELECT (SELECT count() FROM records FINAL WHERE toDate(first_received_at) BETWEEN {from:Date} AND {to:Date})
            + (SELECT count() FROM licenses FINAL WHERE toDate(first_received_at) BETWEEN {from:Date} AND {to:Date})
            + (SELECT count() FROM penalties FINAL WHERE toDate(first_received_at) BETWEEN {from:Date} AND {to:Date}) AS n`,
      p,
    );
    expect(k.total.accepted).toBe(distinct);
    expect(k.total.accepted).toBeGreaterThan(10_000);
    const rejected = await count(
      `SELECT count() AS n FROM rejected_rows
       WHERE stream IN ('records', 'licenses', 'penalties') AND toDate(received_at) BETWEEN {from:Date} AND {to:Date}`,
      p,
    );
    expect(k.total.rejectedRows).toBe(rejected);
    // About INVALID_RATE (2%) of the rows sent are rejected.
    expect(k.total.qualityRate!).toBeGreaterThan(1 - 2 * INVALID_RATE);
    expect(k.total.qualityRate!).toBeLessThan(1 - INVALID_RATE / 2);
    // The same total by month and by week.
    expect((await ingestionKpi(f, 'month')).total.accepted).toBe(distinct);
    expect((await volumeSeries(f, 'week')).points.reduce((s, x) => s + x.accepted, 0)).toBe(distinct);
  });

  it('error codes per code match the quarantine', async () => {
    const q = await rejectedByErrorCode(f);
    expect(q.codes.length).toBeGreaterThan(2);
    for (const c of q.codes) {
      const raw = await count(
        `SELECT count() AS n FROM rejected_rows
         WHERE stream IN ('records', 'licenses', 'penalties') AND has(error_codes, {code:String})
           AND toDate(received_at) BETWEEN {from:Date} AND {to:Date}`,
        { ...p, code: c.errorCode },
      );
      expect(c.rows, c.errorCode).toBe(raw);
    }
  });

  it('a unit-month figure drills to exactly as many items', async () => {
    const unitMonth = resolveFilters({ from: '2026-09-01', to: '2026-09-30', asOf: TODAY, unit: 'C002' });
    const k = await ingestionKpi(unitMonth, 'unit');
    let items = 0;
    for await (const _ of allAcceptedItems({ kind: 'all' }, unitMonth)) items++;
    expect(k.rows[0]!.accepted).toBeGreaterThan(0);
    expect(items).toBe(k.rows[0]!.accepted);
  });
});

describe('scenario SILENT_UNIT: nothing for a whole month', () => {
  const silent = silentUnit(TODAY); // D990104-05, 2026-08
  const month = { from: `${silent.month}-01`, to: `${silent.month}-31` };

  it('every window the unit owed in that month is missing', async () => {
    const windows = await missingWindows(resolveFilters({ ...month, asOf: TODAY, unit: silent.unitCode }));
    const by = (freq: string) => windows.filter((w) => w.frequency === freq);
    // August 2026: 21 working days; four whole ISO weeks (08-03 … 08-30); one month.
    // The ecology unit owes YZSX daily, XYXF and XZQZ weekly, XZJC monthly (HJXY is quarterly: no whole quarter).
    expect(by('daily').map((w) => w.catalogCode)).toEqual(Array<string>(21).fill('YZSX'));
    expect(by('weekly')).toHaveLength(8);
    expect(by('monthly').map((w) => [w.catalogCode, w.windowStart, w.windowEnd])).toEqual([['XZJC', '2026-08-01', '2026-08-31']]);
    const s = await submissionsByUnit(resolveFilters({ ...month, asOf: TODAY, district: '990104' }));
    const row = s.rows.find((r) => r.unitCode === silent.unitCode)!;
    expect(row).toMatchObject({ expected: 30, missing: 30, itemsMissing: 4 });
    // The month before, it did send.
    const july = await submissionsByUnit(resolveFilters({ from: '2026-07-01', to: '2026-07-31', asOf: TODAY, unit: silent.unitCode }));
    expect(july.rows[0]!.missing).toBeLessThan(july.rows[0]!.expected);
  });

  it('as of the month end, its last receipt was before the month began', async () => {
    const s = await submissionsByUnit(resolveFilters({ ...month, asOf: '2026-08-31', unit: silent.unitCode }));
    expect(s.rows[0]!.lastReceivedAt! < `${silent.month}-01`).toBe(true);
    expect(s.rows[0]!.workdaysSinceLast!).toBeGreaterThanOrEqual(20);
  });

  it('anomalies stay rare on data this small (single days of a row or two are never "far below")', async () => {
    const a = await volumeAnomalies(resolveFilters({ asOf: TODAY }));
    expect(a.items.length).toBeLessThan(20);
  });
});
