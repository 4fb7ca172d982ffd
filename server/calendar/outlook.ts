/**
 * Before the next year's schedule bites (issue 14.5): from 1 November, when next year is not known yet, how many open
 * items already have their deadline in it (unpublished decisions due in it, unanswered sanction pushes due in it).
 * Those deadlines are Mon–Fri guesses until the notice is imported. Counted with the item lists' own functions.
 */
import { today } from '../clock';
import { addDays } from '../domain/calendar';
import { allPublicityItems, itemsInput } from '../metrics/publicity';
import { allSanctionItems } from '../metrics/sanctions/items';
import { nextYearPending } from './admin';
import { calendarKnownYears } from './rebuild';

/** How far back an item still open at `today` can have started: 7 working days for decisions, a measure's days for pushes. */
const PUBLICITY_LOOKBACK_DAYS = 60;
const SANCTION_LOOKBACK_DAYS = 180;

export type CalendarOutlook = { year: number; publicity: number; sanctions: number; total: number };

export async function calendarOutlook(day: string = today()): Promise<CalendarOutlook | null> {
  const year = nextYearPending(day, await calendarKnownYears());
  if (year === null) return null;
  const first = `${year}-01-01`;
  let publicity = 0;
  const decisions = itemsInput.parse({ from: addDays(day, -PUBLICITY_LOOKBACK_DAYS), to: day, asOf: day, status: 'pending' });
  for await (const item of allPublicityItems({ kind: 'all' }, decisions)) if (item.deadline >= first) publicity++;
  let sanctions = 0;
  for await (const item of allSanctionItems({ kind: 'all' }, { from: addDays(day, -SANCTION_LOOKBACK_DAYS), to: day, asOf: day, status: 'pending' })) {
    if (item.dueDate >= first) sanctions++;
  }
  return { year, publicity, sanctions, total: publicity + sanctions };
}
