import 'server-only';
/** Server side: today's month and the default period (the last completed month) from the platform clock (APP_TODAY). */
import { today } from '@/server/clock';
import { lastCompletedMonth } from '@/shared/periodKeys';

export function periodDefaults(): { defaultMonth: string; currentMonth: string; today: string } {
  const now = today();
  return { defaultMonth: lastCompletedMonth(now), currentMonth: now.slice(0, 7), today: now };
}
