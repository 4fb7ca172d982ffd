'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatInt } from '../format';
import { useI18n } from '../I18nProvider';
import { LoadState } from '../Panel';
import { fill } from '../publicity/filters';
import { useTRPC } from '../TrpcProvider';
import { attentionLinks, type LinkContext } from './links';
import type { Attention } from '@/server/metrics/overview/cockpit';

type UnitRow = { unitCode: string; unitName: string; count: number };

/**
 * One area's block: a total line (or an all-clear) and the units that weigh most, each a link to its items. The links
 * are not prefetched: a dozen dynamic pages rendered in advance would compete with the cockpit's own figures.
 */
function Group<T extends UnitRow>({
  title,
  testId,
  total,
  none,
  units,
  unitText,
  unitHref,
  more = 0,
  extra,
}: {
  title: string;
  testId: string;
  total: { text: string; href: string } | null;
  none: string;
  units: T[];
  unitText: (u: T) => string;
  unitHref: (u: T) => string;
  /** Units beyond the ones listed. */
  more?: number;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div data-testid={testId} className="min-w-0">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      <ul className="mt-1 space-y-0.5 text-sm">
        {total ? (
          <li>
            <Link href={total.href} prefetch={false} className="font-medium text-red-700 underline" data-testid={`${testId}-total`}>
              {total.text}
            </Link>
          </li>
        ) : (
          <li className="text-emerald-700">{none}</li>
        )}
        {units.map((u) => (
          <li key={u.unitCode} className="flex gap-2 pl-3">
            <Link href={unitHref(u)} prefetch={false} className="truncate text-brand-700 underline" title={u.unitName}>
              {u.unitName}
            </Link>
            <span className="shrink-0 text-slate-600">{unitText(u)}</span>
          </li>
        ))}
        {extra}
        {more > 0 && <li className="pl-3 text-slate-500">{fill(t.overview.attention.more, { n: more })}</li>}
      </ul>
    </div>
  );
}

/** What needs attention now, within the caller's scope: overdue items, silent units, recent anomalies. */
export function AttentionList({
  input,
  context,
  initialData,
}: {
  input: { asOf?: string };
  context: (period: LinkContext['period']) => LinkContext;
  initialData?: Attention;
}) {
  const { t } = useI18n();
  const a = t.overview.attention;
  const trpc = useTRPC();
  const q = useQuery(trpc.overview.cockpit.attention.queryOptions(input, { initialData }));
  const d = q.data;
  const c = d ? context(d.period) : null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" aria-label={a.title} data-testid="attention">
      <div className="flex items-baseline gap-3">
        <h2 className="text-base font-semibold">{a.title}</h2>
        {d && <span className="text-xs text-slate-500">{d.scope.kind === 'all' ? a.noteAll : a.noteScoped}</span>}
      </div>
      <LoadState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()} />
      {d && c && (
        <div className="mt-2 grid gap-x-6 gap-y-3 md:grid-cols-2">
          <Group
            title={a.publicity.title}
            testId="attention-publicity"
            total={d.publicityOverdue.total > 0 ? { text: fill(a.publicity.total, { n: formatInt(d.publicityOverdue.total) }), href: attentionLinks.publicityOverdue(c, d.scope) } : null}
            none={a.publicity.none}
            units={d.publicityOverdue.units}
            more={d.publicityOverdue.unitsTotal - d.publicityOverdue.units.length}
            unitText={(u) => fill(a.publicity.unit, { n: formatInt(u.count) })}
            unitHref={(u) => attentionLinks.publicityOverdue(c, d.scope, u.unitCode)}
          />
          <Group
            title={a.sanctions.title}
            testId="attention-sanctions"
            total={d.sanctionOverdue.total > 0 ? { text: fill(a.sanctions.total, { n: formatInt(d.sanctionOverdue.total) }), href: attentionLinks.sanctionOverdue(c, d.scope) } : null}
            none={a.sanctions.none}
            units={d.sanctionOverdue.units}
            more={d.sanctionOverdue.unitsTotal - d.sanctionOverdue.units.length}
            unitText={(u) => fill(a.sanctions.unit, { n: formatInt(u.count) })}
            unitHref={(u) => attentionLinks.sanctionOverdue(c, d.scope, u.unitCode)}
          />
          <Group
            title={a.missing.title}
            testId="attention-missing"
            total={
              d.missing.windows > 0
                ? { text: fill(a.missing.total, { n: formatInt(d.missing.windows), units: formatInt(d.missing.units) }), href: attentionLinks.missing(c, d.scope) }
                : null
            }
            none={d.missing.last < d.period.monthStart ? a.missing.notYet : a.missing.none}
            units={d.missing.silent}
            unitText={(u) => fill(a.missing.silent, { n: formatInt(u.count) })}
            unitHref={(u) => attentionLinks.missing(c, d.scope, u.unitCode)}
            more={d.missing.silentTotal - d.missing.silent.length}
            extra={d.missing.windows > 0 && d.missing.silentTotal === 0 ? <li className="pl-3 text-slate-500">{a.missing.noneSilent}</li> : null}
          />
          <Group
            title={a.anomalies.title}
            testId="attention-anomalies"
            total={
              d.anomalies.days > 0
                ? { text: fill(a.anomalies.total, { n: formatInt(d.anomalies.days), units: formatInt(d.anomalies.unitsTotal) }), href: attentionLinks.anomalies(c, d.scope) }
                : null
            }
            none={a.anomalies.none}
            units={d.anomalies.units}
            unitText={(u) => fill(a.anomalies.unit, { n: u.count, date: u.lastAnomaly ?? '—' })}
            unitHref={(u) => attentionLinks.anomalies(c, d.scope, u.unitCode)}
            more={d.anomalies.unitsTotal - d.anomalies.units.length}
          />
        </div>
      )}
    </section>
  );
}
