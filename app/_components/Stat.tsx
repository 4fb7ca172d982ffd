import Link from 'next/link';
import type { ReactNode } from 'react';

/** A headline figure card; with `href` it drills to the items behind the figure. */
export function Stat({
  label,
  value,
  testId,
  sub,
  href,
  tone,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  sub?: string;
  href?: string;
  tone?: string;
}) {
  const body = (
    <>
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`mt-1 text-2xl font-semibold tabular-nums ${tone ?? ''}`} data-testid={testId}>
        {value}
      </div>
      {sub && <div className="mt-0.5 text-xs text-slate-500">{sub}</div>}
    </>
  );
  const cls = 'block rounded-lg border border-slate-200 bg-white p-3 shadow-sm';
  return href ? (
    <Link href={href} className={`${cls} hover:border-brand-700 hover:bg-slate-50`}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}
