'use client';

import { useQuery } from '@tanstack/react-query';
import type { PublicityItem } from '@/server/metrics/publicity/items';
import { formatRate } from '../format';
import { useI18n } from '../I18nProvider';
import { LoadState } from '../Panel';
import { useTRPC } from '../TrpcProvider';
import { KINDS, rateTone, TONE_CLASS, type Kind, type PublicityParams } from './filters';

/** The server's item shape; a type-only import, erased from the client bundle. */
export type Item = PublicityItem;

export function usePublicityLabels() {
  const p = useI18n().t.publicityPage;
  return { status: { onTime: p.onTime, late: p.late, overdue: p.overdue, pending: p.pending } };
}

/** An on-time rate coloured against the 100% target. */
export function RateBadge({ rate }: { rate: number | null }) {
  const tone = rateTone(rate);
  return (
    <span className={`inline-block min-w-16 rounded px-1.5 py-0.5 text-right tabular-nums ${TONE_CLASS[tone]}`} data-tone={tone}>
      {formatRate(rate, 1)}
    </span>
  );
}

const STATUS_TONE: Record<Item['status'], string> = {
  on_time: 'bg-emerald-100 text-emerald-800',
  late: 'bg-amber-100 text-amber-800',
  overdue: 'bg-red-100 text-red-800',
  pending: 'bg-slate-100 text-slate-600',
};

export function StatusBadge({ item }: { item: Item }) {
  const p = useI18n().t.publicityPage;
  return (
    <span className="whitespace-nowrap">
      <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[item.status]}`}>{p.statusLabels[item.status]}</span>
      {item.warning && <span className="ml-1 rounded bg-orange-100 px-1.5 py-0.5 text-xs text-orange-800">{p.statusLabels.warning}</span>}
    </span>
  );
}

/** Delay (published) or working days so far (not published yet). */
export function DelayCell({ item }: { item: Item }) {
  const p = useI18n().t.publicityPage;
  if (item.delay !== null) return <span className="tabular-nums">{item.delay}</span>;
  if (item.elapsed !== null) return <span className="tabular-nums text-slate-500" title={p.elapsed}>({item.elapsed})</span>;
  return <span>—</span>;
}

/** The first items of a status, compact, for the dashboard's lists. */
export function ItemsTable({
  query,
  testId,
}: {
  query: { data?: { items: Item[] }; isLoading: boolean; error: unknown; refetch: () => unknown };
  testId: string;
}) {
  const p = useI18n().t.publicityPage;
  const items = query.data?.items ?? [];
  return (
    <div data-testid={testId}>
      <LoadState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && items.length === 0 && <p className="py-6 text-center text-sm text-slate-500">{p.noItems}</p>}
      {items.length > 0 && (
        <table className="w-full text-xs">
          <thead>
            <tr className="border-b text-left text-slate-500">
              <th className="px-1 py-1">{p.docNo}</th>
              <th className="px-1 py-1">{p.decisionDate}</th>
              <th className="px-1 py-1">{p.deadline}</th>
              <th className="px-1 py-1">{p.publicationDate}</th>
              <th className="px-1 py-1 text-right">{p.delay}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.unitCode}|${i.kind}|${i.docNo}`} className="border-b border-slate-100 align-top" data-district={i.districtCode}>
                <td className="px-1 py-1">
                  <div className="break-all">{i.docNo}</div>
                  <div className="text-slate-500">{i.unitName}</div>
                </td>
                <td className="whitespace-nowrap px-1 py-1">{i.decisionDate}</td>
                <td className="whitespace-nowrap px-1 py-1">{i.deadline}</td>
                <td className="whitespace-nowrap px-1 py-1">{i.publicationDate ?? '—'}</td>
                <td className="px-1 py-1 text-right">
                  <DelayCell item={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * Period (decision dates), as-of date, district, unit and kind. Dates show the server's defaults until changed;
 * every change goes to the URL.
 */
export function FilterBar({
  filters,
  resolved,
  onChange,
  children,
}: {
  filters: PublicityParams;
  resolved?: { from: string; to: string; asOf: string };
  onChange: (next: PublicityParams) => void;
  children?: React.ReactNode;
}) {
  const p = useI18n().t.publicityPage;
  const trpc = useTRPC();
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const unitOptions = (units.data ?? []).filter((u) => !filters.district || u.districtCode === filters.district);
  const set = (key: keyof PublicityParams, value: string) => {
    const next: PublicityParams = { ...filters, [key]: value || undefined };
    if (key === 'district') delete next.unit;
    onChange(next);
  };
  const date = (key: 'from' | 'to' | 'asOf', label: string) => (
    <label className="flex items-center gap-1">
      <span className="text-slate-500">{label}</span>
      <input
        type="date"
        aria-label={label}
        className="rounded border border-slate-300 px-2 py-1"
        defaultValue={filters[key] ?? resolved?.[key]}
        key={`${key}-${filters[key] ?? resolved?.[key] ?? ''}`}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );
  return (
    <form
      className="no-print flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
      aria-label="filters"
      onSubmit={(e) => e.preventDefault()}
    >
      {date('from', p.from)}
      {date('to', p.to)}
      {date('asOf', p.asOf)}
      <select aria-label={p.district} value={filters.district ?? ''} onChange={(e) => set('district', e.target.value)} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{p.allDistricts}</option>
        {districts.data?.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      <select aria-label={p.unit} value={filters.unit ?? ''} onChange={(e) => set('unit', e.target.value)} className="max-w-56 rounded border border-slate-300 px-2 py-1">
        <option value="">{p.allUnits}</option>
        {unitOptions.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </select>
      <select aria-label={p.kind} value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value as Kind | '')} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{p.allKinds}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {p[k]}
          </option>
        ))}
      </select>
      {children}
      <button type="button" className="ml-auto rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => onChange({})}>
        {p.reset}
      </button>
    </form>
  );
}
