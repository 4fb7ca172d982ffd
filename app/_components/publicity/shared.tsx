'use client';

import { useQuery } from '@tanstack/react-query';
import type { PublicityItem } from '@/server/metrics/publicity/items';
import { formatRate } from '../format';
import { codeOptions, Select, valueOptions } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { LoadState } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';
import { KINDS, rateTone, TONE_CLASS, type PublicityParams } from './filters';

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
  const columns: Array<TableColumn<Item>> = [
    {
      key: 'docNo',
      header: p.docNo,
      cell: (i) => (
        <>
          <div className="break-all">{i.docNo}</div>
          <div className="text-slate-500">{i.unitName}</div>
        </>
      ),
    },
    { key: 'decisionDate', header: p.decisionDate, cell: (i) => i.decisionDate, className: 'whitespace-nowrap' },
    { key: 'deadline', header: p.deadline, cell: (i) => i.deadline, className: 'whitespace-nowrap' },
    { key: 'publicationDate', header: p.publicationDate, cell: (i) => i.publicationDate ?? '—', className: 'whitespace-nowrap' },
    { key: 'delay', header: p.delay, cell: (i) => <DelayCell item={i} />, align: 'right' },
  ];
  return (
    <div data-testid={testId}>
      <LoadState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && (
        <Table
          rows={query.data.items}
          columns={columns}
          rowKey={(i) => `${i.unitCode}|${i.kind}|${i.docNo}`}
          rowAttrs={(i) => ({ 'data-district': i.districtCode })}
          rowClassName="align-top"
          density="compact"
          className="w-full text-xs"
          empty={p.noItems}
        />
      )}
    </div>
  );
}

const FIELD = 'rounded border border-slate-300 px-2 py-1';

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
      <Select label={p.district} all={p.allDistricts} options={codeOptions(districts.data)} value={filters.district ?? ''} onChange={(v) => set('district', v)} className={FIELD} />
      <Select label={p.unit} all={p.allUnits} options={codeOptions(unitOptions)} value={filters.unit ?? ''} onChange={(v) => set('unit', v)} className={`max-w-56 ${FIELD}`} />
      <Select label={p.kind} all={p.allKinds} options={valueOptions(KINDS, (k) => p[k])} value={filters.kind ?? ''} onChange={(v) => set('kind', v)} className={FIELD} />
      {children}
      <button type="button" className="ml-auto rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => onChange({})}>
        {p.reset}
      </button>
    </form>
  );
}
