'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';

const STREAMS = ['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback'] as const;
type Stream = (typeof STREAMS)[number];

/** The quarantine list; filters in the URL, pages on demand, export of every matching row through the REST API. */
export function RejectedRowsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = {
    district: params.get('district') || undefined,
    unit: params.get('unit') || undefined,
    stream: (STREAMS as readonly string[]).includes(params.get('stream') ?? '') ? (params.get('stream') as Stream) : undefined,
  };
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const rows = useInfiniteQuery(
    trpc.ingestion.rejectedItems.infiniteQueryOptions(
      { ...filters, limit: 100 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'district') next.delete('unit');
    router.replace(`${pathname}?${next.toString()}`);
  };
  const exportQuery = new URLSearchParams({ status: 'rejected', format: 'csv' });
  for (const [k, v] of Object.entries(filters)) if (v) exportQuery.set(k, v);
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const unitOptions = (units.data ?? []).filter((u) => !filters.district || u.districtCode === filters.district);

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.rejected.title}</h1>
      <Panel title={t.rejected.title} note={t.rejected.note}>
        <div className="no-print mb-3 flex flex-wrap items-center gap-2 text-sm">
          <select aria-label={t.admin.district} value={filters.district ?? ''} onChange={(e) => set('district', e.target.value)} className="rounded border px-2 py-1">
            <option value="">{t.rejected.allDistricts}</option>
            {districts.data?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          <select aria-label={t.admin.unit} value={filters.unit ?? ''} onChange={(e) => set('unit', e.target.value)} className="rounded border px-2 py-1">
            <option value="">{t.rejected.allUnits}</option>
            {unitOptions.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
          <select aria-label={t.rejected.stream} value={filters.stream ?? ''} onChange={(e) => set('stream', e.target.value)} className="rounded border px-2 py-1">
            <option value="">{t.rejected.allStreams}</option>
            {STREAMS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <a href={`/api/v1/items/ingestion?${exportQuery.toString()}`} className="ml-auto rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" download>
            {t.rejected.export}
          </a>
        </div>
        <LoadState isLoading={rows.isLoading} error={rows.error} onRetry={() => void rows.refetch()} />
        {rows.data && items.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{t.common.empty}</p>}
        {items.length > 0 && (
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
                    {r.batchId.slice(0, 8)} / {r.rowNo}
                  </td>
                  <td className="px-2 py-1">{r.errorCodes.join(', ')}</td>
                  <td className="max-w-md break-all px-2 py-1 font-mono text-slate-500">{r.raw}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
    </div>
  );
}
