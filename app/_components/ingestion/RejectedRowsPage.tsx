'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePageQuery } from '../usePageQuery';
import { codeOptions, Select, valueOptions } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';
import { linkWith } from './filters';

const STREAMS = ['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback'] as const;
type Stream = (typeof STREAMS)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;
const UUID = /^[0-9a-fA-F-]{36}$/;

/**
 * The quarantine list; filters in the URL (district, unit, stream, error code, catalog item, receipt period, batch,
 * ingestion streams only), pages on demand, export of every matching row through the REST API, and the batches
 * with rejected rows (batches=1). Reached from the 归集 quality figures with their filters.
 */
export function RejectedRowsPage() {
  const { t } = useI18n();
  const ti = t.ingestionPage;
  const trpc = useTRPC();
  const { params, replaceQuery } = usePageQuery();
  const get = (k: string, re: RegExp) => {
    const v = params.get(k) ?? '';
    return re.test(v) ? v : undefined;
  };
  const filters = {
    district: params.get('district') || undefined,
    unit: params.get('unit') || undefined,
    stream: (STREAMS as readonly string[]).includes(params.get('stream') ?? '') ? (params.get('stream') as Stream) : undefined,
    errorCode: get('errorCode', CODE),
    catalog: get('catalog', CODE),
    from: get('from', DATE),
    to: get('to', DATE),
    batchId: get('batchId', UUID),
    volumeOnly: params.get('volumeOnly') === '1' ? true : undefined,
  };
  const showBatches = params.get('batches') === '1';
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const rows = useInfiniteQuery(
    trpc.ingestion.rejectedItems.infiniteQueryOptions(
      { ...filters, limit: 100 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const batches = useInfiniteQuery({
    ...trpc.ingestion.batchItems.infiniteQueryOptions(
      { district: filters.district, unit: filters.unit, stream: filters.stream, from: filters.from, to: filters.to, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    enabled: showBatches,
  });
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if ('district' in changes) next.delete('unit');
    replaceQuery(next);
  };
  const exportHref = linkWith('/api/v1/items/ingestion', {}, {
    status: 'rejected',
    format: 'csv',
    ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v === true ? 'true' : v])),
  });
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const batchList = batches.data?.pages.flatMap((p) => p.items) ?? [];
  const unitOptions = (units.data ?? []).filter((u) => !filters.district || u.districtCode === filters.district);
  const codeName = (code: string) => (ti.quality.codes as Record<string, string>)[code] ?? code;
  const rowColumns: Array<TableColumn<(typeof items)[number]>> = [
    { key: 'receivedAt', header: t.rejected.receivedAt, cell: (r) => r.receivedAt, className: 'whitespace-nowrap' },
    { key: 'stream', header: t.rejected.stream, cell: (r) => r.stream },
    { key: 'unit', header: t.rejected.unit, cell: (r) => r.unitName },
    {
      key: 'batch',
      header: t.rejected.batch,
      className: 'font-mono',
      cell: (r) => (
        <>
          <button type="button" className="underline decoration-dotted" title={r.batchId} onClick={() => set({ batchId: r.batchId })}>
            {r.batchId.slice(0, 8)}
          </button>{' '}
          / {r.rowNo}
        </>
      ),
    },
    {
      key: 'errors',
      header: t.rejected.errors,
      cell: (r) =>
        r.errorCodes.map((c) => (
          <span key={c} title={codeName(c)} className="mr-1 whitespace-nowrap">
            {c}
          </span>
        )),
    },
    { key: 'raw', header: t.rejected.raw, cell: (r) => r.raw, className: 'max-w-md break-all font-mono text-slate-500' },
  ];
  const batchColumns: Array<TableColumn<(typeof batchList)[number]>> = [
    { key: 'receivedAt', header: t.rejected.receivedAt, cell: (b) => b.receivedAt, className: 'whitespace-nowrap' },
    {
      key: 'batch',
      header: ti.rejected.batch,
      className: 'font-mono',
      cell: (b) => (
        <button type="button" className="text-brand-700 underline" title={b.batchId} onClick={() => set({ batchId: b.batchId })}>
          {b.batchId.slice(0, 8)}
        </button>
      ),
    },
    { key: 'stream', header: t.rejected.stream, cell: (b) => b.stream },
    { key: 'unit', header: t.rejected.unit, cell: (b) => b.unitName },
    { key: 'rowsTotal', header: ti.rejected.rowsTotal, cell: (b) => b.rowsTotal, align: 'right', className: 'tabular-nums' },
    { key: 'accepted', header: ti.rejected.accepted, cell: (b) => b.accepted, align: 'right', className: 'tabular-nums' },
    { key: 'rejected', header: ti.rejected.rejectedCount, cell: (b) => b.rejected, align: 'right', className: 'font-semibold tabular-nums text-red-700' },
    { key: 'status', header: ti.rejected.status, cell: (b) => ti.rejected.batchStatus[b.status] ?? b.status },
  ];
  const dashboard = linkWith('/ingestion', { from: filters.from, to: filters.to, district: filters.district, unit: filters.unit, catalog: filters.catalog }, { view: 'quality' });
  const chips: Array<[string, string, string]> = [
    ['errorCode', ti.rejected.errorCode, filters.errorCode ? `${codeName(filters.errorCode)} (${filters.errorCode})` : ''],
    ['catalog', ti.rejected.catalog, filters.catalog ?? ''],
    ['from', ti.filters.from, filters.from ?? ''],
    ['to', ti.filters.to, filters.to ?? ''],
    ['batchId', ti.rejected.batch, filters.batchId ?? ''],
    ['volumeOnly', ti.rejected.volumeOnly, filters.volumeOnly ? '✓' : ''],
  ];

  return (
    <div className="space-y-4">
      <div>
        <Link href={dashboard} className="text-sm text-brand-700 underline">
          ← {ti.items.back}
        </Link>
        <h1 className="text-xl font-semibold">{t.rejected.title}</h1>
      </div>
      <Panel title={t.rejected.title} note={t.rejected.note}>
        <div className="no-print mb-3 flex flex-wrap items-center gap-2 text-sm">
          <Select label={t.admin.district} all={t.rejected.allDistricts} options={codeOptions(districts.data)} value={filters.district ?? ''} onChange={(v) => set({ district: v })} />
          <Select label={t.admin.unit} all={t.rejected.allUnits} options={codeOptions(unitOptions)} value={filters.unit ?? ''} onChange={(v) => set({ unit: v })} />
          <Select label={t.rejected.stream} all={t.rejected.allStreams} options={valueOptions(STREAMS)} value={filters.stream ?? ''} onChange={(v) => set({ stream: v })} />
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
            aria-pressed={showBatches}
            onClick={() => set({ batches: showBatches ? '' : '1' })}
          >
            {showBatches ? ti.rejected.hideBatches : ti.rejected.showBatches}
          </button>
          <a href={exportHref} className="ml-auto rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" download>
            {t.rejected.export}
          </a>
        </div>
        {chips.some((c) => c[2]) && (
          <div className="mb-3 flex flex-wrap gap-2 text-xs" data-testid="rejected-chips">
            {chips
              .filter((c) => c[2])
              .map(([key, label, value]) => (
                <span key={key} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5">
                  {label}: {value}
                  <button type="button" aria-label={`${label} ×`} className="text-slate-500 hover:text-slate-900" onClick={() => set({ [key]: '' })}>
                    ×
                  </button>
                </span>
              ))}
          </div>
        )}
        <LoadState isLoading={rows.isLoading} error={rows.error} onRetry={() => void rows.refetch()} />
        {rows.data && (
          <Table
            rows={items}
            columns={rowColumns}
            rowKey={(r) => `${r.batchId}-${r.rowNo}`}
            rowAttrs={(r) => ({ 'data-district': r.districtCode })}
            rowClassName="align-top"
            empty={t.common.empty}
            scroll
            className="w-full text-xs"
            data-testid="rejected-table"
          />
        )}
        <div className="mt-2 flex items-center gap-3 text-sm">
          <span className="text-slate-500">
            {t.rejected.shown} {items.length}
          </span>
          {rows.hasNextPage && (
            <button type="button" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage} className="underline">
              {t.rejected.loadMore}
            </button>
          )}
        </div>
      </Panel>

      {showBatches && (
        <Panel title={ti.rejected.batchesTitle} note={ti.rejected.batchesNote}>
          <LoadState isLoading={batches.isLoading} error={batches.error} onRetry={() => void batches.refetch()} />
          {batches.data && (
            <Table
              rows={batchList}
              columns={batchColumns}
              rowKey={(b) => b.batchId}
              rowAttrs={(b) => ({ 'data-district': b.districtCode })}
              empty={t.common.empty}
              scroll
              className="w-full whitespace-nowrap text-xs"
              data-testid="batches-table"
            />
          )}
          {batches.hasNextPage && (
            <button type="button" onClick={() => void batches.fetchNextPage()} disabled={batches.isFetchingNextPage} className="mt-2 text-sm underline">
              {t.rejected.loadMore}
            </button>
          )}
        </Panel>
      )}
    </div>
  );
}
