'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';
import { useI18n } from './I18nProvider';
import { LocaleSwitch } from './LocaleSwitch';

const NAV = [
  ['/', 'overview'],
  ['/ingestion', 'ingestion'],
  ['/publicity', 'publicity'],
  ['/sanctions', 'sanctions'],
  ['/assessment', 'assessment'],
  ['/inspection', 'inspection'],
  ['/admin', 'admin'],
] as const;

export type ShellUser = { name: string; role: 'admin' | 'leader' | 'inspector' | 'district' | 'unit'; districtCode: string; unitCode: string };

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const { t } = useI18n();
  // Hiding is for clarity only: the server refuses what a role may not use.
  const nav = NAV.filter(([, key]) => key !== 'admin' || user.role === 'admin');
  const pathname = usePathname();
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <div className="shrink-0 whitespace-nowrap">
            <div className="text-lg font-semibold">{t.appName}</div>
            <div className="text-xs text-blue-200">{t.appSubtitle}</div>
          </div>
          <nav className="order-last flex w-full flex-wrap gap-1 lg:order-none lg:w-auto lg:flex-1" aria-label="main">
            {nav.map(([href, key]) => {
              const active = href === '/' ? pathname === '/' : pathname.startsWith(href);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={active ? 'page' : undefined}
                  className={`whitespace-nowrap rounded px-3 py-1.5 text-sm ${active ? 'bg-white/20 font-semibold' : 'hover:bg-white/10'}`}
                >
                  {t.nav[key]}
                </Link>
              );
            })}
          </nav>
          <div className="no-print ml-auto flex items-center gap-2 text-xs">
            <span className="max-w-[10rem] truncate sm:max-w-none" data-testid="current-user" title={user.name}>
              {user.name} · {t.roles[user.role]}
            </span>
            <LocaleSwitch className="rounded border border-white/30 px-2 py-1" />
            <button
              type="button"
              onClick={() => void signOut({ callbackUrl: '/signin' })}
              className="rounded border border-white/30 px-2 py-1"
            >
              {t.auth.signOut}
            </button>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
