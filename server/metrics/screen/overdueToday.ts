/**
 * What became overdue today, for the big screen: decisions and sanction pushes still unanswered whose deadline fell
 * on or after the last working day before asOf, i.e. overdue as of asOf but not as of that working day. Deadlines are
 * working days, so on a Monday this is what Friday's deadlines left undone (a "deadline was yesterday" rule would
 * show nothing every Monday and after every holiday). Read from the areas' own item functions
 * (so the statuses are the status engine's), and handed out as counts per unit only: the screen is city-wide and a
 * display token must not read items.
 */
import { addDays } from '../../domain/calendar';
import { calendarDays } from '../../calendar/admin';
import { allPublicityItems } from '../publicity/items';
import { allSanctionItems } from '../sanctions/items';

export type OverdueTodayRow = { unitCode: string; unitName: string; publicity: number; sanctions: number };

const ALL = { kind: 'all' } as const;
// A publication deadline is 7 working days after the decision: at most ~40 calendar days over the longest holidays.
const PUBLICITY_LOOKBACK = 45;
// Feedback deadlines are a measure's working days (10 by default, at most a few weeks) after the push.
const SANCTION_LOOKBACK = 120;

export async function overdueToday(
  asOf: string,
  units: () => Promise<ReadonlyArray<{ code: string; name: string }>>,
): Promise<{ date: string; publicity: number; sanctions: number; units: OverdueTodayRow[] }> {
  const yesterday = addDays(asOf, -1);
  // The longest run of days off (春节 with its weekends) is well under three weeks.
  const since = (await calendarDays(addDays(asOf, -21), yesterday)).filter((d) => d.workday).at(-1)?.date ?? yesterday;
  const becameOverdue = (deadline: string | null) => deadline !== null && deadline >= since && deadline <= yesterday;
  const rows = new Map<string, OverdueTodayRow>();
  const names = new Map((await units()).map((u) => [u.code, u.name]));
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { unitCode: code, unitName: names.get(code) ?? code, publicity: 0, sanctions: 0 }));
    return r;
  };
  let publicity = 0;
  for await (const item of allPublicityItems(ALL, { from: addDays(asOf, -PUBLICITY_LOOKBACK), to: yesterday, asOf, status: ['overdue'] })) {
    if (!becameOverdue(item.deadline)) continue;
    publicity += 1;
    row(item.unitCode).publicity += 1;
  }
  let sanctions = 0;
  for await (const item of allSanctionItems(ALL, { from: addDays(asOf, -SANCTION_LOOKBACK), to: yesterday, asOf, status: 'overdue' })) {
    if (!becameOverdue(item.dueDate)) continue;
    sanctions += 1;
    row(item.respondingUnit).sanctions += 1;
  }
  const list = [...rows.values()].sort((a, b) => b.publicity + b.sanctions - (a.publicity + a.sanctions) || a.unitCode.localeCompare(b.unitCode));
  return { date: asOf, publicity, sanctions, units: list };
}
