import { z } from 'zod';
import { TupleParam } from '@clickhouse/client';
import { queryRows } from '../db/query';
import { delaySql } from '../calendar/timeliness';

/**
 * workdaysBetween(a, b) (working days in (a, b], design.md §5) for many pairs in one round trip, through the calendar
 * dictionaries with the weekday-rule fallback of every other figure (server/metrics/publicity/timeliness.ts).
 * Answers a map keyed `a|b`.
 */
export async function workdaysBetweenMany(pairs: ReadonlyArray<readonly [string, string]>): Promise<Map<string, number>> {
  const unique = [...new Map(pairs.map(([a, b]) => [`${a}|${b}`, [a, b] as const])).values()];
  if (unique.length === 0) return new Map();
  const rows = await queryRows(
    `-- inspection: working days between dates
     SELECT concat(toString(a), '|', toString(b)) AS k, toInt32(${delaySql('a', 'b')}) AS n
     FROM (SELECT toDate(tupleElement(p, 1)) AS a, toDate(tupleElement(p, 2)) AS b
           FROM (SELECT arrayJoin({pairs:Array(Tuple(String, String))}) AS p))`,
    { pairs: unique.map(([a, b]) => new TupleParam([a, b])) },
    z.object({ k: z.string(), n: z.number() }),
  );
  return new Map(rows.map((r) => [r.k, r.n]));
}
