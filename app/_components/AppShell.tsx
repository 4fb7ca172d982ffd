'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { useI18n } from './I18nProvider';

const NAV = [
  ['/', 'overview'],
  ['/ingestion', 'ingestion'],
  ['/publicity', 'publicity'],
  ['/sanctions', 'sanctions'],
  ['/assessment', 'assessment'],
  ['/inspection', 'inspection'],
  ['/admin', 'admin'],
] as const;

export function AppShell({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const pathname = usePathname();
  const router = useRouter();
  const switchLocale = () => {
    document.cookie = `locale=${locale === 'zh-CN' ? 'en' : 'zh-CN'}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <div>
            <div className="text-lg font-semibold">{t.appName}</div>
            <div className="text-xs text-blue-200">{t.appSubtitle}</div>
          </div>
          <nav className="flex flex-1 flex-wrap gap-1" aria-label="main">
            {NAV.map(([href, key]) => {
              const active = href === '/' ? pathname === '/' : pathname.startsWith(href);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded px-3 py-1.5 text-sm ${active ? 'bg-white/20 font-semibold' : 'hover:bg-white/10'}`}
                >
                  {t.nav[key]}
                </Link>
              );
            })}
          </nav>
          <button type="button" onClick={switchLocale} className="no-print rounded border border-white/30 px-2 py-1 text-xs">
            {t.common.switchLanguage}
          </button>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
