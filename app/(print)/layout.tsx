import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { principalFromSession } from '@/server/auth/principal';

export const dynamic = 'force-dynamic';

/** Printable documents (the monthly report): signed-in users only, without the dashboard's header and navigation. */
export default async function PrintLayout({ children }: { children: ReactNode }) {
  const principal = await principalFromSession();
  if (!principal) {
    const path = (await headers()).get('x-pathname') ?? '/';
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return <main className="mx-auto min-h-screen max-w-5xl bg-white px-8 py-6 text-slate-900 print:max-w-none print:px-0 print:py-0">{children}</main>;
}
