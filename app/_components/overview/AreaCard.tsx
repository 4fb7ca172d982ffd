'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useI18n } from '../I18nProvider';
import { LoadState } from '../Panel';

/**
 * One cockpit card: the area's name and link, the period its headline covers, the headline against its target, a few
 * supporting figures and the 12-month trend. Loading, error (with retry) and empty states are the card's own, so one
 * slow or failed area never blanks the others.
 */
export function AreaCard({
  title,
  testId,
  href,
  linkLabel,
  period,
  note,
  query,
  children,
}: {
  title: string;
  testId: string;
  href: string;
  linkLabel: string;
  /** What the headline covers (e.g. 本年累计 2026-01-01 至 2026-11-23). */
  period?: string;
  note: string;
  query: { isLoading: boolean; error: unknown; refetch: () => unknown };
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section
      className="flex min-h-[19rem] flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      aria-label={title}
      data-testid={testId}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">{title}</h2>
        <Link href={href} prefetch={false} className="text-xs text-brand-700 underline" data-testid={`${testId}-link`}>
          {linkLabel}
        </Link>
      </div>
      {period && <p className="text-xs text-slate-500">{period}</p>}
      <div className="mt-2 flex flex-1 flex-col">
        <LoadState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
        {!query.isLoading && !query.error && children}
      </div>
      <details className="mt-1 text-xs text-slate-500">
        <summary className="cursor-pointer select-none">{t.common.howComputed}</summary>
        <p className="mt-1">{note}</p>
      </details>
    </section>
  );
}

/** A headline figure with what it is measured against. */
export function Headline({ label, value, testId, tone, aside }: { label: string; value: string; testId: string; tone?: string; aside?: ReactNode }) {
  return (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="flex items-baseline gap-2">
        <span className={`text-3xl font-semibold tabular-nums ${tone ?? ''}`} data-testid={testId}>
          {value}
        </span>
        {aside && <span className="text-xs text-slate-600">{aside}</span>}
      </div>
    </div>
  );
}

/** The 12-month trend at the foot of a card; without any data in the window it says so instead of drawing zeros. */
export function Trend({ caption, empty, children }: { caption: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="mt-auto pt-1">
      <p className="text-xs text-slate-500">{caption}</p>
      {empty ? <p className="py-10 text-center text-sm text-slate-500">{t.common.empty}</p> : children}
    </div>
  );
}

/** Small label/value pairs under the headline. */
export function Figures({ items }: { items: Array<{ label: string; value: ReactNode; testId?: string; tone?: string }> }) {
  return (
    <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-0.5 text-xs">
      {items.map((i) => (
        <div key={i.label} className="flex justify-between gap-2">
          <dt className="text-slate-500">{i.label}</dt>
          <dd className={`font-medium tabular-nums ${i.tone ?? ''}`} data-testid={i.testId}>
            {i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
