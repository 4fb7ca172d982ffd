'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
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
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
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
    router.replace(`${pathname}?${next.toString()}`);
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
          <select aria-label={t.admin.district} value={filters.district ?? ''} onChange={(e) => set({ district: e.target.value })} className="rounded border px-2 py-1">
            <option value="">{t.rejected.allDistricts}</option>
            {districts.data?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          <select aria-label={t.admin.unit} value={filters.unit ?? ''} onChange={(e) => set({ unit: e.target.value })} className="rounded border px-2 py-1">
            <option value="">{t.rejected.allUnits}</option>
            {unitOptions.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
          <select aria-label={t.rejected.stream} value={filters.stream ?? ''} onChange={(e) => set({ stream: e.target.value })} className="rounded border px-2 py-1">
            <option value="">{t.rejected.allStreams}</option>
            {STREAMS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
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
        {rows.data && items.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{t.common.empty}</p>}
        {items.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full text-xs" data-testid="rejected-table">
              <thead>
                <tr className="border-b text-left text-slate-500">
                  <th className="px-2 py-1">{t.rejected.receivedAt}</th>
                  <th className="px-2 py-1">{t.rejected.stream}</th>
                  <th className="px-2 py-1">{t.rejected.unit}</th>
                  <th className="px-2 py-1">{t.rejected.batch}</th>
                  <th className="px-2 py-1">{t.rejected.errors}</th>
                  <th className="px-2 py-1">{t.rejected.raw}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={`${r.batchId}-${r.rowNo}`} className="border-b border-slate-100 align-top" data-district={r.districtCode}>
                    <td className="whitespace-nowrap px-2 py-1">{r.receivedAt}</td>
                    <td className="px-2 py-1">{r.stream}</td>
                    <td className="px-2 py-1">{r.unitName}</td>
                    <td className="px-2 py-1 font-mono">
                      <button type="button" className="underline decoration-dotted" title={r.batchId} onClick={() => set({ batchId: r.batchId })}>
                        {r.batchId.slice(0, 8)}
                      </button>{' '}
                      / {r.rowNo}
                    </td>
                    <td className="px-2 py-1">
                      {r.errorCodes.map((c) => (
                        <span key={c} title={codeName(c)} className="mr-1 whitespace-nowrap">
                          {c}
                        </span>
                      ))}
                    </td>
                    <td className="max-w-md break-all px-2 py-1 font-mono text-slate-500">{r.raw}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          {batches.data && batchList.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{t.common.empty}</p>}
          {batchList.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full whitespace-nowrap text-xs" data-testid="batches-table">
                <thead>
                  <tr className="border-b text-left text-slate-500">
                    <th className="px-2 py-1">{t.rejected.receivedAt}</th>
                    <th className="px-2 py-1">{ti.rejected.batch}</th>
                    <th className="px-2 py-1">{t.rejected.stream}</th>
                    <th className="px-2 py-1">{t.rejected.unit}</th>
                    <th className="px-2 py-1 text-right">{ti.rejected.rowsTotal}</th>
                    <th className="px-2 py-1 text-right">{ti.rejected.accepted}</th>
                    <th className="px-2 py-1 text-right">{ti.rejected.rejectedCount}</th>
                    <th className="px-2 py-1">{ti.rejected.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {batchList.map((b) => (
                    <tr key={b.batchId} className="border-b border-slate-100" data-district={b.districtCode}>
                      <td className="whitespace-nowrap px-2 py-1">{b.receivedAt}</td>
                      <td className="px-2 py-1 font-mono">
                        <button type="button" className="text-brand-700 underline" title={b.batchId} onClick={() => set({ batchId: b.batchId })}>
                          {b.batchId.slice(0, 8)}
                        </button>
                      </td>
                      <td className="px-2 py-1">{b.stream}</td>
                      <td className="px-2 py-1">{b.unitName}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{b.rowsTotal}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{b.accepted}</td>
                      <td className="px-2 py-1 text-right font-semibold tabular-nums text-red-700">{b.rejected}</td>
                      <td className="px-2 py-1">{ti.rejected.batchStatus[b.status] ?? b.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
