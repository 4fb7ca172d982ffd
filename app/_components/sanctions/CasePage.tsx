'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';

const STATUS_COLOUR = {
  answered_on_time: 'bg-green-100 text-green-800',
  answered_late: 'bg-amber-100 text-amber-800',
  overdue: 'bg-red-100 text-red-800',
  pending: 'bg-slate-100 text-slate-700',
} as const;

/** Every push of one case within the caller's scope, as a timeline: pushed → due → answered. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const s = t.sanctionsPage;
  const trpc = useTRPC();
  const params = useSearchParams();
  const asOf = params.get('asOf') || undefined;
  // A case's pushes may span years: look at all of them up to asOf.
  const items = useQuery(trpc.sanctions.items.queryOptions({ caseId, from: '2000-01-01', asOf, limit: 1000 }));
  const units = useQuery(trpc.reference.units.queryOptions());
  const measures = useQuery(trpc.reference.measures.queryOptions());
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const measureName = (code: string) => measures.data?.find((m) => m.code === code)?.name ?? code;
  const first = items.data?.items[0];
  return (
    <div className="space-y-4">
      <Link href={`/sanctions?${params.toString()}`} className="text-sm text-brand-700 underline">
        ← {s.back}
      </Link>
      <h1 className="text-xl font-semibold">
        {s.caseTitle} {caseId}
      </h1>
      <Panel title={`${s.caseTitle} ${caseId}`} note={s.caseNote}>
        <LoadState isLoading={items.isLoading} error={items.error} />
        {items.data && items.data.items.length === 0 && <p className="py-6 text-center text-sm text-slate-500">{t.common.empty}</p>}
        {first && (
          <dl className="mb-4 grid grid-cols-2 gap-2 text-sm md:grid-cols-4" data-testid="case-subject">
            <div>
              <dt className="text-slate-500">{s.subject}</dt>
              <dd>
                {first.subjectName} <span className="font-mono text-xs">{first.subjectCode}</span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{s.initiator}</dt>
              <dd>{unitName(first.initiatingUnit)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{s.allKinds}</dt>
              <dd>{first.kind === 'reward' ? s.reward : s.punishment} · {first.listType}</dd>
            </div>
          </dl>
        )}
        <ol className="space-y-3" data-testid="case-timeline">
          {items.data?.items.map((i) => (
            <li key={`${i.measureCode}-${i.respondingUnit}`} className="rounded border border-slate-200 p-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">
                  {i.measureCode} {measureName(i.measureCode)} → {unitName(i.respondingUnit)}
                </span>
                <span className={`rounded px-2 py-0.5 text-xs ${STATUS_COLOUR[i.status]}`}>{s.statuses[i.status]}</span>
              </div>
              <div className="mt-2 grid grid-cols-3 gap-2 text-xs text-slate-600">
                <span>
                  {s.pushedDate}: <span className="tabular-nums">{i.pushedDate}</span>
                </span>
                <span>
                  {s.dueDate}: <span className="tabular-nums">{i.dueDate}</span> ({i.feedbackDays})
                </span>
                <span>
                  {s.answeredDate}: <span className="tabular-nums">{i.answeredDate ?? '—'}</span>
                  {i.result && ` · ${s.results[i.result as keyof typeof s.results] ?? i.result}`}
                  {i.status === 'overdue' && ` · ${s.daysOverdue} ${i.workdaysOverdue}`}
                </span>
              </div>
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}
