import { z } from 'zod';
import { getClickHouse } from './db/client';
import { queryOne } from './db/query';
import { DEFAULT_CALENDAR_RANGE } from './domain/calendar';
import { calendarKnownYears, isKnownYear } from './calendar/rebuild';
import { today } from './clock';

export const healthSchema = z.object({
  version: z.string(),
  migrations: z.number(),
  calendarDays: z.number(),
  units: z.number(),
  acceptedRows: z.number(),
});

/** What /api/health reports: the ClickHouse mode and version, schema and calendar state, and data presence. */
export async function health() {
  const { mode, database } = await getClickHouse();
  const row = await queryOne(
    `-- health
     SELECT version() AS version,
            (SELECT count() FROM schema_migrations FINAL) AS migrations,
            (SELECT count() FROM calendar_days FINAL) AS calendarDays,
            (SELECT count() FROM units FINAL) AS units,
            (SELECT sum(accepted_rows) FROM ingest_daily) AS acceptedRows`,
    {},
    healthSchema,
  );
  // The package's years extended by imported notices (noticeYears lists the years known only through one).
  const known = await calendarKnownYears();
  const year = Number(today().slice(0, 4));
  return {
    ok: row.migrations > 0 && row.calendarDays > 0,
    clickhouse: { mode, version: row.version, database },
    migrations: row.migrations,
    today: today(),
    calendar: {
      days: row.calendarDays,
      knownYears: known,
      range: DEFAULT_CALENDAR_RANGE,
      warning:
        year > known.to && !isKnownYear(known, year)
          ? `工作日历仅包含 ${known.from}–${known.to} 年${known.noticeYears.length ? `及 ${known.noticeYears.join('、')} 年` : ''}的国务院安排；之后的日期按周一至周五估算，请在管理页录入调休安排。`
          : null,
    },
    data: { units: row.units, acceptedRows: row.acceptedRows },
  };
}
