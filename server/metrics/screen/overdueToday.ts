/**
 * What became overdue today, for the big screen: decisions and sanction pushes whose deadline was yesterday and that
 * are still unanswered, i.e. overdue as of asOf but not as of the day before. Read from the areas' own item functions
 * (so the statuses are the status engine's), and handed out as counts per unit only: the screen is city-wide and a
 * display token must not read items.
 */
import { addDays } from '../../domain/calendar';
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
  const rows = new Map<string, OverdueTodayRow>();
  const names = new Map((await units()).map((u) => [u.code, u.name]));
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { unitCode: code, unitName: names.get(code) ?? code, publicity: 0, sanctions: 0 }));
    return r;
  };
  let publicity = 0;
  for await (const item of allPublicityItems(ALL, { from: addDays(asOf, -PUBLICITY_LOOKBACK), to: yesterday, asOf, status: ['overdue'] })) {
    if (item.deadline !== yesterday) continue;
    publicity += 1;
    row(item.unitCode).publicity += 1;
  }
  let sanctions = 0;
  for await (const item of allSanctionItems(ALL, { from: addDays(asOf, -SANCTION_LOOKBACK), to: yesterday, asOf, status: 'overdue' })) {
    if (item.dueDate !== yesterday) continue;
    sanctions += 1;
    row(item.respondingUnit).sanctions += 1;
  }
  const list = [...rows.values()].sort((a, b) => b.publicity + b.sanctions - (a.publicity + a.sanctions) || a.unitCode.localeCompare(b.unitCode));
  return { date: asOf, publicity, sanctions, units: list };
}
