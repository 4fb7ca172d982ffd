'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import type { Problem, ProblemsAnswer } from '@/server/inspection/problems';
import { formatInt } from '../format';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';
import { ExportButtons } from './ExportButtons';
import { fill, filtersOf, linkWith, nextSort, PROBLEM_KINDS, type ProblemKind, type ProblemParams, type Sort } from './filters';
import { IssueNoticeForm } from './IssueNoticeForm';

const PAGE_SIZE = 50;

const KIND_TONE: Record<ProblemKind, string> = {
  publicity_overdue: 'bg-red-100 text-red-800',
  publicity_late: 'bg-amber-100 text-amber-800',
  sanction_overdue: 'bg-rose-100 text-rose-800',
  missing_submission: 'bg-violet-100 text-violet-800',
  volume_anomaly: 'bg-sky-100 text-sky-800',
  rejected_unresent: 'bg-slate-200 text-slate-700',
};

export function KindBadge({ kind }: { kind: ProblemKind }) {
  const t = useI18n().t.inspectionPage;
  return <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${KIND_TONE[kind]}`}>{t.kinds[kind]}</span>;
}

/** What the problem is, in the UI's language, from the structured fields of the item. */
function Detail({ p }: { p: Problem }) {
  const t = useI18n().t.inspectionPage;
  const d = t.details;
  switch (p.kind) {
    case 'publicity_overdue':
    case 'publicity_late':
      return (
        <span>
          {d[p.docKind ?? 'license']} · {fill(d.publication, { date: p.date, deadline: p.deadline ?? '' })} ·{' '}
          {p.publicationDate ? fill(d.published, { date: p.publicationDate }) : d.notPublished}
        </span>
      );
    case 'sanction_overdue':
      return (
        <span>
          {p.subjectName} · {fill(d.push, { date: p.date, deadline: p.deadline ?? '' })}
        </span>
      );
    case 'missing_submission':
      return <span>{fill(d.window, { frequency: t.frequencies[p.frequency as keyof typeof t.frequencies] ?? p.frequency ?? '', from: p.date, to: p.windowEnd ?? '' })}</span>;
    case 'volume_anomaly':
      return <span>{fill(d.anomaly, { volume: formatInt(p.volume ?? 0), expected: formatInt(p.expected ?? 0) })}</span>;
    case 'rejected_unresent':
      return (
        <span>
          {fill(d.rejected, { stream: p.stream ?? '', codes: (p.errorCodes ?? []).join(', ') })} · {p.rowKey || d.keyUnknown}
        </span>
      );
  }
}

/** The open-problem list: filters and sort in the URL, server-side sorting and paging, exports of the whole view. */
export function ProblemsView({ params, role, tab }: { params: ProblemParams; role: string | undefined; tab: string | undefined }) {
  const { t: messages } = useI18n();
  const t = messages.inspectionPage;
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const sort: Sort = params.sort ?? 'age';
  const dir = params.dir ?? 'desc';
  const page = params.page ?? 1;
  const filters = filtersOf(params);
  const answer = useQuery({
    ...trpc.inspection.problems.queryOptions({ ...filters, sort, dir, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const data: ProblemsAnswer | undefined = answer.data;

  const go = (next: ProblemParams) => router.replace(linkWith(pathname, { tab, ...next }));
  const set = (patch: Partial<ProblemParams>) => {
    const next: ProblemParams = { ...params, ...patch, page: undefined };
    if ('district' in patch) delete next.unit;
    go(next);
  };
  const toggleKind = (k: ProblemKind) => {
    const current = new Set(params.kinds ?? []);
    if (current.has(k)) current.delete(k);
    else current.add(k);
    set({ kinds: PROBLEM_KINDS.filter((x) => current.has(x)) });
  };
  const header = (key: Sort, label: string, align: 'left' | 'right' = 'left') => (
    <th scope="col" className={`px-2 py-2 font-medium ${align === 'right' ? 'text-right' : 'text-left'}`} aria-sort={sort === key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="hover:text-slate-900" onClick={() => go({ ...params, ...nextSort({ sort, dir }, key), page: undefined })}>
        {label}
        {sort === key ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const unitOptions = (units.data ?? []).filter((u) => !params.district || u.districtCode === params.district);
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const canIssue = role === 'admin' || role === 'inspector';
  const exportHref = (format: 'csv' | 'xlsx') => linkWith('/api/v1/items/problems', { ...filters, sort, dir, format });
  const date = (key: 'from' | 'to' | 'asOf', label: string) => (
    <label className="flex items-center gap-1">
      <span className="text-slate-500">{label}</span>
      <input
        type="date"
        aria-label={label}
        className="rounded border border-slate-300 px-2 py-1"
        defaultValue={params[key] ?? data?.[key]}
        key={`${key}-${params[key] ?? data?.[key] ?? ''}`}
        onChange={(e) => set({ [key]: e.target.value || undefined })}
      />
    </label>
  );

  return (
    <div className="space-y-4">
      <form className="no-print flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" aria-label="filters" onSubmit={(e) => e.preventDefault()}>
        {date('from', t.from)}
        {date('to', t.to)}
        {date('asOf', t.asOf)}
        {role !== 'unit' && (
          <>
            <select aria-label={t.district} value={params.district ?? ''} onChange={(e) => set({ district: e.target.value || undefined })} className="rounded border border-slate-300 px-2 py-1">
              <option value="">{t.allDistricts}</option>
              {districts.data?.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
            <select aria-label={t.unit} value={params.unit ?? ''} onChange={(e) => set({ unit: e.target.value || undefined })} className="max-w-56 rounded border border-slate-300 px-2 py-1">
              <option value="">{t.allUnits}</option>
              {unitOptions.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label className="flex items-center gap-1">
          <span className="text-slate-500">{t.ageMin}</span>
          <input
            type="number"
            min={0}
            aria-label={`${t.age} ≥`}
            className="w-16 rounded border border-slate-300 px-2 py-1"
            defaultValue={params.ageMin}
            key={`ageMin-${params.ageMin ?? ''}`}
            onBlur={(e) => set({ ageMin: e.target.value === '' ? undefined : Number(e.target.value) })}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </label>
        <label className="flex items-center gap-1">
          <span className="text-slate-500">{t.ageMax}</span>
          <input
            type="number"
            min={0}
            aria-label={`${t.age} ${t.ageMax}`}
            className="w-16 rounded border border-slate-300 px-2 py-1"
            defaultValue={params.ageMax}
            key={`ageMax-${params.ageMax ?? ''}`}
            onBlur={(e) => set({ ageMax: e.target.value === '' ? undefined : Number(e.target.value) })}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </label>
        <button type="button" className="ml-auto rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => go({})}>
          {t.reset}
        </button>
        <fieldset className="flex w-full flex-wrap items-center gap-2" aria-label={t.kindsLabel}>
          <legend className="sr-only">{t.kindsLabel}</legend>
          <span className="text-slate-500">{t.kindsLabel}</span>
          {PROBLEM_KINDS.map((k) => {
            const on = (params.kinds ?? []).includes(k);
            const count = data && (!params.kinds?.length || on) ? data.byKind[k] : undefined;
            return (
              <label key={k} className={`flex cursor-pointer items-center gap-1 rounded border px-2 py-0.5 ${on ? 'border-brand-600 bg-brand-50' : 'border-slate-200'}`}>
                <input type="checkbox" checked={on} onChange={() => toggleKind(k)} aria-label={t.kinds[k]} />
                <span>{t.kinds[k]}</span>
                {count !== undefined && <span className="tabular-nums text-slate-500" data-testid={`count-${k}`}>{formatInt(count)}</span>}
              </label>
            );
          })}
        </fieldset>
      </form>

      {canIssue && data && <IssueNoticeForm params={params} units={data.units} />}

      <Panel title={t.listTitle} note={t.listNote}>
        {data && <ExportButtons href={exportHref} total={total} />}
        <LoadState isLoading={answer.isLoading} error={answer.error} onRetry={() => void answer.refetch()} />
        {data && data.items.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{messages.common.empty}</p>}
        {data && data.items.length > 0 && (
          <div className={`mt-2 overflow-x-auto ${answer.isPlaceholderData ? 'opacity-60' : ''}`}>
            <table className="w-full text-sm" data-testid="problems-table">
              <thead>
                <tr className="border-b border-slate-200 text-slate-500">
                  {header('kind', t.kind)}
                  {header('unit', t.unit)}
                  <th scope="col" className="px-2 py-2 text-left font-medium">{t.subject}</th>
                  <th scope="col" className="px-2 py-2 text-left font-medium">{t.detail}</th>
                  {header('date', t.date)}
                  {header('deadline', t.deadline)}
                  {header('age', t.age, 'right')}
                  <th scope="col" className="px-2 py-2 text-left font-medium">{t.notice}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.key} className="border-b border-slate-100 align-top hover:bg-slate-50" data-kind={p.kind} data-unit={p.unitCode}>
                    <td className="px-2 py-1.5">
                      <KindBadge kind={p.kind} />
                    </td>
                    <td className="px-2 py-1.5">
                      <Link href={linkWith(pathname, { tab, ...params, unit: p.unitCode, district: undefined, page: undefined })} className="text-brand-700 hover:underline">
                        {p.unitName}
                      </Link>
                      <div className="text-xs text-slate-500">{p.districtName}</div>
                    </td>
                    <td className="px-2 py-1.5">
                      <Link href={p.link} className="break-all text-brand-700 hover:underline" title={t.open}>
                        {p.subject}
                      </Link>
                    </td>
                    <td className="px-2 py-1.5 text-xs text-slate-600">
                      <Detail p={p} />
                    </td>
                    <td className="whitespace-nowrap px-2 py-1.5">{p.date}</td>
                    <td className="whitespace-nowrap px-2 py-1.5">{p.deadline ?? '—'}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(p.workdaysOverdue)}</td>
                    <td className="whitespace-nowrap px-2 py-1.5 text-xs">
                      {p.notice ? (
                        <Link href={`/inspection/notices/${p.notice.id}`} className="text-brand-700 hover:underline">
                          {p.notice.number}
                        </Link>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data && (
          <div className="no-print mt-3 flex items-center gap-3 text-sm">
            <button type="button" disabled={page <= 1} onClick={() => go({ ...params, page: page - 1 })} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">
              {t.prev}
            </button>
            <span className="text-slate-600" data-testid="problems-page">
              {fill(t.page, { page, pages, total: formatInt(total) })}
            </span>
            <button type="button" disabled={page >= pages} onClick={() => go({ ...params, page: page + 1 })} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">
              {t.next}
            </button>
          </div>
        )}
      </Panel>
    </div>
  );
}
