import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ScreenPage } from '../_components/screen/ScreenPage';
import { displayKeyCaller } from '@/server/auth/displayKey';
import { principalFromSession } from '@/server/auth/principal';
import { clientIp } from '@/server/http/proxyTrust';

export const dynamic = 'force-dynamic';

const params = z.object({
  key: z.string().min(1).max(200).optional(),
  refresh: z.coerce.number().int().min(10).max(3600).catch(60),
  cycle: z.coerce.number().int().min(0).max(600).catch(15),
});

/**
 * 大屏 (issue 17): a signed-in user, or a wall display with `?key=<token>` of a display token (checked here, and again
 * by the API on every data call, which carries the key as a bearer token). `?refresh=` seconds between refreshes
 * (default 60), `?cycle=` seconds per map figure (default 15, 0 to hold).
 */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const p = params.safeParse({ key: one(raw.key), refresh: one(raw.refresh) ?? 60, cycle: one(raw.cycle) ?? 15 });
  const input = p.success ? p.data : { key: undefined, refresh: 60, cycle: 15 };
  if (input.key) {
    const caller = await displayKeyCaller(input.key, clientIp(await headers()));
    if ('status' in caller) {
      return (
        <main role="alert" data-testid="screen-refused" data-status={caller.status} className="flex min-h-screen items-center justify-center bg-slate-950 p-8 text-xl text-rose-200">
          {caller.message}
        </main>
      );
    }
  } else if (!(await principalFromSession())) {
    redirect(`/signin?callbackUrl=${encodeURIComponent('/screen')}`);
  }
  return <ScreenPage screenKey={input.key ?? null} refreshSeconds={input.refresh} cycleSeconds={input.cycle} />;
}
