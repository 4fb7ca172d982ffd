import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '../_components/AppShell';
import { principalFromSession } from '@/server/auth/principal';

export const dynamic = 'force-dynamic';

/** Every dashboard page needs a signed-in user; the server decides, the shell only reflects it. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await principalFromSession();
  if (!principal) {
    const path = (await headers()).get('x-pathname') ?? '/';
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return (
    <AppShell user={{ name: principal.name, role: principal.role, districtCode: principal.districtCode, unitCode: principal.unitCode }}>
      {children}
    </AppShell>
  );
}
