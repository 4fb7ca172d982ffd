import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CalendarAdmin } from '../../../_components/admin/CalendarAdmin';
import { CalendarOutlookBanner } from '../../../_components/admin/CalendarOutlookBanner';
import { getMessages } from '../../../_i18n/server';
import { principalFromSession } from '@/server/auth/principal';
import { today } from '@/server/clock';
import { DEFAULT_CALENDAR_RANGE } from '@/server/domain/calendar';

export const dynamic = 'force-dynamic';

const FIRST = Number(DEFAULT_CALENDAR_RANGE.from.slice(0, 4));
const LAST = Number(DEFAULT_CALENDAR_RANGE.to.slice(0, 4));

/** 管理 → 工作日历: the year view, a day's toggle and the notice import (admins only). */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await principalFromSession();
  if (principal?.role !== 'admin') redirect('/');
  const t = await getMessages();
  const raw = (await searchParams).year;
  const asked = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  const year = asked >= FIRST && asked <= LAST ? asked : Number(today().slice(0, 4));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">
          {t.admin.title} · {t.calendarAdmin.title}
        </h1>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t.calendarAdmin.back}
        </Link>
      </div>
      <CalendarOutlookBanner withLink={false} />
      <CalendarAdmin key={year} initialYear={year} years={{ first: FIRST, last: LAST }} />
    </div>
  );
}
