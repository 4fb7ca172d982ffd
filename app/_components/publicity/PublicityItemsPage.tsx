'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePageQuery } from '../usePageQuery';
import { formatInt } from '../format';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { fill, ITEM_STATUSES, linkWith, readItemFilters, type ItemParams, type PublicityParams } from './filters';
import { DelayCell, FilterBar, StatusBadge, type Item } from './shared';

/** Every decision behind a 双公示 figure: filters in the URL, pages on demand, exports of all matching items. */
export function PublicityItemsPage() {
  const { t } = useI18n();
  const p = t.publicityPage;
  const trpc = useTRPC();
  const { params, replaceQuery } = usePageQuery();
  const filters = readItemFilters(params);
  const rows = useInfiniteQuery(
    trpc.publicity.items.infiniteQueryOptions(
      { ...filters, limit: 100 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const items: Item[] = rows.data?.pages.flatMap((pg) => pg.items) ?? [];

  const replace = (next: ItemParams) => {
    const { status, ...rest } = next;
    replaceQuery((path) => linkWith(path, rest, { status: status?.join(',') }));
  };
  const { status: _s, delayMin: _a, delayMax: _b, ...dashboardFilters } = filters;
  const statusValue = filters.status?.join(',') ?? '';
  const exportQuery = (format: 'csv' | 'xlsx') =>
    linkWith('/api/v1/items/publicity', dashboardFilters, {
      status: statusValue || undefined,
      delayMin: filters.delayMin,
      delayMax: filters.delayMax,
      format,
    });

  const columns: Array<Column<Item>> = [
    { key: 'kind', header: p.kind, value: (r) => p[r.kind] },
    { key: 'docNo', header: p.docNo, value: (r) => r.docNo, render: (r) => <span className="break-all">{r.docNo}</span> },
    { key: 'unit', header: p.unit, value: (r) => r.unitName },
    { key: 'district', header: p.district, value: (r) => r.districtName },
    { key: 'decisionDate', header: p.decisionDate, value: (r) => r.decisionDate },
    { key: 'deadline', header: p.deadline, value: (r) => r.deadline, render: (r) => <span className={r.calendarKnown ? '' : 'text-amber-700'} title={r.calendarKnown ? undefined : p.calendarUnknown}>{r.deadline}{r.calendarKnown ? '' : ' *'}</span> },
    { key: 'publicationDate', header: p.publicationDate, value: (r) => r.publicationDate },
    { key: 'delay', header: p.delayWorkdays, value: (r) => r.delay ?? r.elapsed, render: (r) => <DelayCell item={r} />, align: 'right' },
    { key: 'status', header: p.status, value: (r) => p.statusLabels[r.status], render: (r) => <StatusBadge item={r} /> },
    { key: 'registered', header: p.registered, value: (r) => (r.registered ? '✓' : '—'), render: (r) => (r.registered ? '✓' : <span title={p.notRegistered}>—</span>) },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold">{p.itemsTitle}</h1>
        <Link href={linkWith('/publicity', dashboardFilters)} className="text-sm text-brand-700 hover:underline">
          ← {p.backToDashboard}
        </Link>
      </div>
      <FilterBar
        filters={dashboardFilters}
        resolved={rows.data?.pages[0]}
        onChange={(next: PublicityParams) => replace({ ...next, status: filters.status, delayMin: filters.delayMin, delayMax: filters.delayMax })}
      >
        <select
          aria-label={p.status}
          value={statusValue}
          onChange={(e) => replace({ ...filters, status: e.target.value ? (e.target.value.split(',') as ItemParams['status']) : undefined })}
          className="rounded border border-slate-300 px-2 py-1"
        >
          <option value="">{p.allStatuses}</option>
          {!ITEM_STATUSES.includes(statusValue as never) && statusValue && (
            <option value={statusValue}>{filters.status!.map((s) => p.statusLabels[s]).join(' + ')}</option>
          )}
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {p.statusLabels[s]}
            </option>
          ))}
        </select>
        {(filters.delayMin !== undefined || filters.delayMax !== undefined) && (
          <button
            type="button"
            className="rounded bg-slate-100 px-2 py-1 text-xs"
            title={p.clearDelay}
            onClick={() => replace({ ...filters, delayMin: undefined, delayMax: undefined })}
          >
            {fill(p.delayFilter, { min: filters.delayMin ?? '', max: filters.delayMax ?? '∞' })} ✕
          </button>
        )}
      </FilterBar>
      <Panel title={p.itemsTitle} note={p.itemsNote}>
        <div className="no-print mb-2 flex flex-wrap justify-end gap-2 text-sm">
          <a href={exportQuery('csv')} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" download>
            {p.exportCsv}
          </a>
          <a href={exportQuery('xlsx')} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" download>
            {p.exportXlsx}
          </a>
        </div>
        <LoadState isLoading={rows.isLoading} error={rows.error} onRetry={() => void rows.refetch()} />
        {rows.data && (
          <div data-testid="items-table">
            <DataTable rows={items} columns={columns} exportName="publicity-items-page" />
          </div>
        )}
        <div className="mt-2 flex items-center gap-3 text-sm">
          <span className="text-slate-500" data-testid="items-shown">
            {p.shown} {formatInt(items.length)}
          </span>
          {rows.hasNextPage && (
            <button type="button" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage} className="underline">
              {p.loadMore}
            </button>
          )}
        </div>
      </Panel>
    </div>
  );
}
