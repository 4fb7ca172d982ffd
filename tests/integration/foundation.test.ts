import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { migrate } from '@/server/db/migrate';
import { insertRows, queryRows } from '@/server/db/query';
import { health } from '@/server/health';
import { storeRows, type StoredRow } from '@/server/ingest/store';
import { ingestionKpi } from '@/server/metrics/ingestion/kpi';
import { resolveFilters } from '@/server/metrics/ingestion/filters';
import { cityName, listCatalog, listDistricts, listMeasures, listUnits } from '@/server/reference/queries';
import { freshDatabase } from './_db';

beforeAll(async () => {
  await freshDatabase({ today: '2026-11-23' });
}, 300_000);

const batch = '00000000-0000-4000-8000-000000000001';
const record = (unit: string, district: string, id: string, receivedAt: string): StoredRow => ({
  district_code: district,
  unit_code: unit,
  catalog_code: 'QYDJ',
  record_id: id,
  subject_type: 'legal',
  subject_name: '示范市测试有限公司',
  subject_code: '91350100M000100Y43',
  subject_hash: '',
  occurred_on: receivedAt.slice(0, 10),
  data: '{}',
  batch_id: batch,
  row_no: 1,
  received_at: receivedAt,
});

describe('foundation', () => {
  it('migrations are idempotent: a second run applies nothing', async () => {
    expect((await migrate()).applied).toEqual([]);
  });

  it('health reports the embedded ClickHouse and its version', async () => {
    const h = await health();
    expect(h.ok).toBe(true);
    expect(h.clickhouse.mode).toBe('embedded');
    expect(h.clickhouse.version).toMatch(/^2\d\.\d+/);
    expect(h.calendar.knownYears).toEqual({ from: 2004, to: 2026, noticeYears: [] });
  });

  it('reference lists load with the shape of design.md §6', async () => {
    // The city's name is reference data too (printed on the reports), not an import of the demo seed.
    expect(await cityName()).toBe('示范市');
    const districts = await listDistricts();
    expect(districts).toHaveLength(17);
    expect(districts.every((d) => /^99\d{4}$/.test(d.code))).toBe(true);
    const units = await listUnits();
    expect(units.length).toBeGreaterThan(190);
    expect(Object.keys(units[0]!).sort()).toEqual(
      ['code', 'districtCode', 'kind', 'level', 'member', 'name', 'shortName'].sort(),
    );
    expect((await listCatalog()).map((c) => c.code)).toEqual(expect.arrayContaining(['XK', 'CF']));
    expect((await listMeasures()).length).toBeGreaterThan(10);
  });

  it('overview figures equal a hand count, with a corrected resend counted once at its first receipt', async () => {
    // 东城区 (990102): 3 distinct records in Oct 2026, one of them resent in Nov (a correction).
    // 市本级 (990100): 2 records in Nov 2026. Rejected: 1 row for 990102 in Oct.
    await storeRows(
      'records',
      [
        record('D990102-01', '990102', 'R1', '2026-10-09 10:00:00.000'),
        record('D990102-01', '990102', 'R2', '2026-10-09 10:00:01.000'),
        record('D990102-02', '990102', 'R3', '2026-10-12 09:00:00.000'),
        record('C002', '990100', 'R4', '2026-11-02 09:00:00.000'),
        record('C002', '990100', 'R5', '2026-11-03 09:00:00.000'),
      ],
      { firstReceipts: 'lookup' },
    );
    await storeRows('records', [record('D990102-01', '990102', 'R1', '2026-11-05 15:00:00.000')], {
      firstReceipts: 'lookup',
    });
    await insertRows('rejected_rows', [
      {
        batch_id: batch,
        stream: 'records',
        unit_code: 'D990102-01',
        district_code: '990102',
        row_no: 3,
        raw: '{}',
        error_codes: ['USCC_CHECK', 'REQUIRED'],
        errors: '[]',
        received_at: '2026-10-09 10:00:02.000',
      },
    ]);

    // The resend kept the earliest receipt.
    const r1 = await queryRows(
      `SELECT toString(first_received_at) AS first, toString(received_at) AS last
       FROM records FINAL WHERE record_id = {id:String}`,
      { id: 'R1' },
      z.object({ first: z.string(), last: z.string() }),
    );
    expect(r1).toEqual([{ first: '2026-10-09 10:00:00.000', last: '2026-11-05 15:00:00.000' }]);

    // The 归集 figures read the rollups the store fed: accepted distinct keys by first receipt, rows as received.
    const kpi = (from: string, to: string, groupBy: 'district' | 'month') => ingestionKpi(resolveFilters({ from, to }), groupBy);
    const months = await kpi('2026-09-01', '2026-11-23', 'month');
    expect(months.rows.map((r) => [r.key, r.accepted])).toEqual([
      ['2026-09', 0],
      ['2026-10', 3],
      ['2026-11', 2],
    ]);

    const byDistrict = (await kpi('2026-10-01', '2026-11-23', 'district')).rows;
    expect(byDistrict).toHaveLength(17);
    const dongcheng = byDistrict.find((d) => d.key === '990102');
    // accepted = 3 distinct keys; rows as received = 4 accepted (incl. the resend) + 1 rejected → quality 4/5.
    expect(dongcheng).toMatchObject({ accepted: 3, acceptedRows: 4, rejectedRows: 1, qualityRate: 0.8 });
    expect(byDistrict.find((d) => d.key === '990100')).toMatchObject({ accepted: 2, acceptedRows: 2, rejectedRows: 0, qualityRate: 1 });
    const empty = byDistrict.find((d) => d.key === '990103');
    expect(empty).toMatchObject({ accepted: 0, qualityRate: null });

    // Only October: the November resend is outside; quality counts the October rows only (3 accepted, 1 rejected).
    const october = (await kpi('2026-10-01', '2026-10-31', 'district')).rows;
    expect(october.find((d) => d.key === '990102')).toMatchObject({ accepted: 3, acceptedRows: 3, qualityRate: 0.75 });
  });
});
