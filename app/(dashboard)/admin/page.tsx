import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AuditPanel } from '../../_components/admin/AuditPanel';
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
      <UsersPanel />
      <TokensPanel />
      <UsccExceptionsPanel />
      <SchemePanel today={day} />
      <ManualScoresPanel today={day} />
      <Suspense>
        <AuditPanel />
      </Suspense>
    </div>
  );
}
