import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rebuildCalendar } from '@/server/calendar/rebuild';
import { calendarKnownSql, deadlineSql, delaySql, isWorkdaySql } from '@/server/calendar/timeliness';
import { queryRows, runCommand } from '@/server/db/query';
import { WorkdayCalendar } from '@/server/domain/calendar';
import { freshDatabase } from './_db';

beforeAll(async () => {
  await freshDatabase({ reference: false });
}, 300_000);

const pairRow = z.object({ d: z.string(), n: z.number(), r: z.string(), back: z.number(), known: z.number() });

describe('working-day calendar in SQL agrees with the TypeScript calendar', () => {
  it('addWorkdays and workdaysBetween for every date 2004–2026 and n = 1..15', async () => {
    const rows = await queryRows(
      `-- calendar agreement
       SELECT toString(day) AS d, toUInt8(n) AS n, toString(${deadlineSql('day', 'n')}) AS r,
              ${delaySql('day', `${deadlineSql('day', 'n')}`)} AS back,
              ${calendarKnownSql('day')} AS known
       FROM (SELECT toDate({from:Date}) + number AS day FROM numbers(dateDiff('day', toDate({from:Date}), toDate({to:Date})) + 1)) AS days
       CROSS JOIN (SELECT number + 1 AS n FROM numbers(15)) AS ns
       ORDER BY day, n`,
      { from: '2004-01-01', to: '2026-12-31' },
      pairRow,
    );
    const cal = WorkdayCalendar.fromPackage();
    expect(rows.length).toBe(8401 * 15);
    let mismatches = 0;
    for (const row of rows) {
      const ts = cal.addWorkdays(row.d, row.n);
      if (ts.date !== row.r || row.back !== row.n || row.known !== 1) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('hand-checked holiday cases (2025 Spring Festival, National Day) in SQL', async () => {
    const rows = await queryRows(
      `SELECT toString(${deadlineSql('toDate({d:String})', '{n:UInt8}')}) AS r`,
      { d: '2025-01-24', n: 7 },
      z.object({ r: z.string() }),
    );
    // Fri 01-24 → adjusted working Sunday 01-26, 01-27, (01-28..02-04 holiday), 02-05, 02-06, 02-07, Sat 02-08 (adjusted), 02-10.
    expect(rows[0]?.r).toBe('2025-02-10');
    const nd = await queryRows(
      `SELECT toString(${deadlineSql('toDate({d:String})', '{n:UInt8}')}) AS r,
              ${delaySql('toDate({a:String})', 'toDate({b:String})')} AS between,
              ${isWorkdaySql('toDate({sun:String})')} AS sundayWorks`,
      { d: '2025-09-26', n: 7, a: '2025-09-30', b: '2025-10-09', sun: '2025-09-28' },
      z.object({ r: z.string(), between: z.number(), sundayWorks: z.number() }),
    );
    // Fri 09-26 → Sun 09-28 (adjusted), 09-29, 09-30, (10-01..10-08 holiday), 10-09, 10-10, Sat 10-11 (adjusted), 10-13.
    expect(nd[0]).toEqual({ r: '2025-10-13', between: 1, sundayWorks: 1 });
  });

  it('flags dates beyond the known years and lets an admin override fix them', async () => {
    const known = z.object({ known: z.number(), r: z.string() });
    const sql = `SELECT ${calendarKnownSql('toDate({d:String})')} AS known,
                        toString(${deadlineSql('toDate({d:String})', '1')}) AS r`;
    expect((await queryRows(sql, { d: '2026-12-31' }, known))[0]).toEqual({ known: 1, r: '2027-01-01' });
    expect((await queryRows(sql, { d: '2027-01-01' }, known))[0]?.known).toBe(0);
    await runCommand(
      `INSERT INTO calendar_overrides (date, is_workday, note, created_by) VALUES
       ('2027-01-01', 0, '元旦', 'test')`,
    );
    await rebuildCalendar();
    expect((await queryRows(sql, { d: '2026-12-31' }, known))[0]).toEqual({ known: 1, r: '2027-01-04' });
    expect((await queryRows(sql, { d: '2027-01-01' }, known))[0]?.known).toBe(1);
  });
});
