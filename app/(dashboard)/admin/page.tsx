import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AuditPanel } from '../../_components/admin/AuditPanel';
import { CalendarOutlookBanner } from '../../_components/admin/CalendarOutlookBanner';
import { DistrictMapUploadPanel } from '../../_components/admin/DistrictMapUploadPanel';
import { ManualScoresPanel } from '../../_components/admin/ManualScoresPanel';
import { SchemePanel } from '../../_components/admin/SchemePanel';
import { TokensPanel } from '../../_components/admin/TokensPanel';
import { UsccExceptionsPanel } from '../../_components/admin/UsccExceptionsPanel';
import { UsersPanel } from '../../_components/admin/UsersPanel';
import { getMessages } from '../../_i18n/server';
import { principalFromSession } from '@/server/auth/principal';
import { today } from '@/server/clock';

export default async function AdminPage() {
  const principal = await principalFromSession();
  if (principal?.role !== 'admin') redirect('/');
  const t = await getMessages();
  const day = today();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.admin.title}</h1>
      <Suspense>
        <CalendarOutlookBanner />
      </Suspense>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t.calendarAdmin.link}>
        <Link href="/admin/calendar" className="text-base font-semibold text-brand-700 underline">
          {t.calendarAdmin.link}
        </Link>
        <p className="mt-1 text-sm text-slate-600">{t.calendarAdmin.linkNote}</p>
      </section>
      <UsersPanel />
      <TokensPanel />
      <DistrictMapUploadPanel />
      <UsccExceptionsPanel />
      <SchemePanel today={day} />
      <ManualScoresPanel today={day} />
      <Suspense>
        <AuditPanel />
      </Suspense>
    </div>
  );
}
