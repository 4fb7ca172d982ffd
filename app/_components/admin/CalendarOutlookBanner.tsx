import 'server-only';
import Link from 'next/link';
import { getMessages } from '../../_i18n/server';
import { principalFromSession } from '@/server/auth/principal';
import { calendarOutlook } from '@/server/calendar/outlook';

/**
 * From 1 November, for admins only: next year's State Council schedule is not in the calendar yet, and how many open
 * items already have their deadline in it (server/calendar/outlook.ts). Nothing for anyone else or once it is known.
 */
export async function CalendarOutlookBanner({ withLink = true }: { withLink?: boolean }) {
  const principal = await principalFromSession();
  if (principal?.role !== 'admin') return null;
  const outlook = await calendarOutlook();
  if (!outlook) return null;
  const t = await getMessages();
  const c = t.calendarAdmin;
  return (
    <div role="alert" data-testid="calendar-outlook" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {c.outlook(outlook.year, outlook.total, outlook.publicity, outlook.sanctions)}
      {withLink && (
        <Link href={`/admin/calendar?year=${outlook.year}`} className="ml-2 font-medium underline">
          {c.outlookAction}
        </Link>
      )}
    </div>
  );
}
