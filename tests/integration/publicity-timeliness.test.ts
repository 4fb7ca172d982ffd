/**
 * The status engine's SQL fragments (server/metrics/publicity/timeliness.ts) against their pure TypeScript twins over
 * WorkdayCalendar: deadline, delay, calendar flag and status as of asOf, for thousands of random items across
 * 2003–2031 (inside the calendar, at its edges and outside it, where the weekday rule takes over).
 */
import { TupleParam } from '@clickhouse/client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '@/server/db/query';
import { addDays, WorkdayCalendar } from '@/server/domain/calendar';
import { deadlineSql, delaySql, knownSql, statusSql, timeliness } from '@/server/calendar/timeliness';
import { freshDatabase } from './_db';

await freshDatabase({ today: '2026-11-23', reference: false });
const calendar = WorkdayCalendar.fromPackage();

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Case = { start: string; answeredOn: string | null; asOf: string; n: number };

function cases(count: number, seed: number): Case[] {
  const r = rng(seed);
  const out: Case[] = [];
  const special = ['2025-01-24', '2025-01-26', '2025-01-27', '2025-02-07', '2025-09-25', '2025-09-27', '2025-09-30', '2025-10-10', '2026-12-28', '2026-12-31', '2003-12-30', '2030-12-24', '2030-12-31'];
  for (let i = 0; i < count; i++) {
    const start = i < special.length ? special[i]! : addDays('2003-06-01', Math.floor(r() * (29 * 365)));
    const answered = r() < 0.8 ? addDays(start, Math.floor(r() * 40) - 2) : null;
    const asOf = addDays(start, Math.floor(r() * 50) - 5);
    out.push({ start, answeredOn: answered, asOf, n: r() < 0.7 ? 7 : 10 });
  }
  return out;
}

const row = z.object({
  deadline_text: z.string(),
  delay: z.number(),
  known: z.number(),
  status: z.enum(['on_time', 'late', 'overdue', 'pending']),
});

async function inSql(cs: Case[]) {
  const st = statusSql({ deadline: 'deadline', answered: 'answered', answeredOn: 'answered_on', asOf: 'as_of' });
  return queryRows(
    `-- test: timeliness fragments
     SELECT toString(deadline) AS deadline_text, toInt64(${delaySql('start', 'answered_on')}) AS delay,
            ${knownSql('start', 'deadline', 'answered', 'answered_on')} AS known, ${st.status} AS status
     FROM (
       SELECT tupleElement(t, 1) AS start, tupleElement(t, 2) AS answered_on, tupleElement(t, 3) AS answered,
              tupleElement(t, 4) AS as_of, tupleElement(t, 5) AS n, ${deadlineSql('start', 'n')} AS deadline, tupleElement(t, 6) AS i
       FROM (SELECT arrayJoin({cases:Array(Tuple(Date, Date, UInt8, Date, UInt32, UInt32))}) AS t)
     )
     ORDER BY i`,
    {
      cases: cs.map(
        (c, i) => new TupleParam([c.start, c.answeredOn ?? '1970-01-01', c.answeredOn ? 1 : 0, c.asOf, c.n, i]),
      ),
    },
    row,
  );
}

describe('timeliness: SQL equals TypeScript', () => {
  it('hand-computed deadlines across the 2025 Spring Festival and National Day', () => {
    // Fri 01-24: Sun 01-26 (worked), Mon 01-27, [01-28..02-04 off], Wed 02-05, Thu 02-06, Fri 02-07, Sat 02-08 (worked), Mon 02-10.
    expect(timeliness(calendar, { start: '2025-01-24', workdays: 7, answeredOn: '2025-02-10', asOf: '2025-03-01' })).toEqual({
      deadline: '2025-02-10',
      delay: 7,
      status: 'on_time',
      known: true,
    });
    // Thu 09-25: Fri 09-26, Sun 09-28 (worked), Mon 09-29, Tue 09-30, [10-01..10-08 off], Thu 10-09, Fri 10-10, Sat 10-11 (worked).
    expect(timeliness(calendar, { start: '2025-09-25', workdays: 7, answeredOn: '2025-10-13', asOf: '2025-10-20' })).toEqual({
      deadline: '2025-10-11',
      delay: 8,
      status: 'late',
      known: true,
    });
    expect(timeliness(calendar, { start: '2026-11-16', workdays: 7, answeredOn: null, asOf: '2026-11-25' }).status).toBe('pending');
    expect(timeliness(calendar, { start: '2026-11-16', workdays: 7, answeredOn: null, asOf: '2026-11-26' }).status).toBe('overdue');
    // Published after asOf: not published yet as of asOf.
    expect(timeliness(calendar, { start: '2026-11-02', workdays: 7, answeredOn: '2026-11-12', asOf: '2026-11-11' })).toMatchObject({
      status: 'pending',
      delay: null,
    });
    // Outside the calendar's range: the Monday–Friday rule, flagged.
    expect(timeliness(calendar, { start: '2031-01-02', workdays: 7, answeredOn: null, asOf: '2031-01-02' })).toMatchObject({
      deadline: '2031-01-13',
      known: false,
    });
  });

  it('for 4000 random items (2003–2031, 7 and 10 working days, answered or not, any asOf)', async () => {
    const cs = cases(4000, 20261123);
    const sql = await inSql(cs);
    const mismatches: unknown[] = [];
    cs.forEach((c, i) => {
      const ts = timeliness(calendar, { start: c.start, workdays: c.n, answeredOn: c.answeredOn, asOf: c.asOf });
      const s = sql[i]!;
      const tsDelay = c.answeredOn === null ? null : delayOfAnswered(c);
      const got = { deadline: s.deadline_text, status: s.status, known: s.known === 1, delay: c.answeredOn === null ? null : s.delay };
      const want = { deadline: ts.deadline, status: ts.status, known: ts.known, delay: tsDelay };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push({ case: c, sql: got, ts: want });
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The sample really covers every status, both calendar flags and the fallback.
    expect(new Set(sql.map((s) => s.status))).toEqual(new Set(['on_time', 'late', 'overdue', 'pending']));
    expect(new Set(sql.map((s) => s.known))).toEqual(new Set([0, 1]));
  });
});

/** The delay regardless of asOf (what the SQL column holds), through the TypeScript twin. */
function delayOfAnswered(c: Case): number {
  return timeliness(calendar, { start: c.start, workdays: c.n, answeredOn: c.answeredOn, asOf: '2099-12-31' }).delay!;
}
