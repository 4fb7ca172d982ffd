'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatInt } from '../format';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';
import { FilterBar } from './FilterBar';
import { linkWith } from './filters';
import { useDashboard } from './useDashboard';

const STATUSES = ['accepted', 'missing', 'anomaly'] as const;
type Status = (typeof STATUSES)[number];
const STREAMS = ['records', 'licenses', 'penalties'] as const;
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;

type Page<T> = { items: T[]; nextCursor: string | null; total?: number };

function ItemsTable<T>({
  query,
  header,
  row,
  rowKey,
  testId,
}: {
  query: { data?: { pages: Array<Page<T>> }; isLoading: boolean; error: unknown; refetch: () => unknown; hasNextPage: boolean; fetchNextPage: () => unknown; isFetchingNextPage: boolean };
  header: ReactNode;
  row: (item: T) => ReactNode;
  rowKey: (item: T) => string;
  testId: string;
}) {
  const { t, tc } = useDashboard();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total;
  return (
    <>
      <LoadState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && items.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{tc.empty}</p>}
      {items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-xs" data-testid={testId}>
            <thead>
              <tr className="border-b text-left text-slate-500">{header}</tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={rowKey(item)} className="border-b border-slate-100 align-top hover:bg-slate-50">
                  {row(item)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-2 flex items-center gap-3 text-sm">
        <span className="text-slate-500" data-testid="items-shown">
          {t.items.shown} {formatInt(items.length)}
          {total !== undefined && ` ${t.items.of} ${formatInt(total)}`}
        </span>
        {query.hasNextPage && (
          <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="underline">
            {t.items.loadMore}
          </button>
        )}
      </div>
    </>
  );
}

const th = (label: string, right = false) => <th className={`px-2 py-1 ${right ? 'text-right' : ''}`}>{label}</th>;
const td = (content: ReactNode, cls = '') => <td className={`px-2 py-1 ${cls}`}>{content}</td>;

function AcceptedItems({ stream }: { stream?: (typeof STREAMS)[number] }) {
  const { t, filters } = useDashboard();
  const trpc = useTRPC();
  const c = t.items.columns;
  const query = useInfiniteQuery(
    trpc.ingestion.acceptedItems.infiniteQueryOptions({ ...filters, stream, limit: 100 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  return (
    <ItemsTable
      query={query}
      testId="accepted-items"
      rowKey={(i) => `${i.stream}|${i.unitCode}|${i.key}`}
      header={
        <>
          {th(c.firstReceivedAt)}
          {th(c.stream)}
          {th(c.catalog)}
          {th(c.unit)}
          {th(c.key)}
          {th(c.subject)}
          {th(c.subjectCode)}
          {th(c.itemDate)}
          {th(c.title)}
          {th(c.receivedAt)}
          {th(c.batch)}
        </>
      }
      row={(i) => (
        <>
          {td(i.firstReceivedAt.slice(0, 19), 'whitespace-nowrap')}
          {td(t.streams[i.stream as keyof typeof t.streams] ?? i.stream)}
          {td(i.catalogCode)}
          {td(i.unitName)}
          {td(i.key, 'font-mono')}
          {td(i.subjectName)}
          {td(i.subjectCode, 'font-mono')}
          {td(i.itemDate, 'whitespace-nowrap')}
          {td(i.title)}
          {td(i.receivedAt === i.firstReceivedAt ? '' : i.receivedAt.slice(0, 19), 'whitespace-nowrap text-slate-500')}
          {td(`${i.batchId.slice(0, 8)} / ${i.rowNo}`, 'font-mono text-slate-500')}
        </>
      )}
    />
  );
}

function MissingItems({ frequency }: { frequency?: (typeof FREQUENCIES)[number] }) {
  const { t, filters } = useDashboard();
  const trpc = useTRPC();
  const c = t.items.columns;
  const query = useInfiniteQuery(
    trpc.ingestion.missingItems.infiniteQueryOptions({ ...filters, frequency, limit: 100 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  return (
    <ItemsTable
      query={query}
      testId="missing-items"
      rowKey={(i) => `${i.unitCode}|${i.catalogCode}|${i.windowStart}`}
      header={
        <>
          {th(c.window)}
          {th(c.frequency)}
          {th(c.unit)}
          {th(c.catalog)}
          {th(c.lastReceivedDay)}
        </>
      }
      row={(i) => (
        <>
          {td(i.windowStart === i.windowEnd ? i.windowStart : `${i.windowStart} ~ ${i.windowEnd}`, 'whitespace-nowrap')}
          {td(t.frequencies[i.frequency])}
          {td(i.unitName)}
          {td(`${i.catalogCode} ${i.catalogName}`)}
          {td(i.lastReceivedDay || <span className="text-red-700">{t.missing.never}</span>, 'whitespace-nowrap')}
        </>
      )}
    />
  );
}

function AnomalyItems() {
  const { t, filters, link } = useDashboard();
  const trpc = useTRPC();
  const c = t.items.columns;
  const query = useInfiniteQuery(
    trpc.ingestion.anomalyItems.infiniteQueryOptions({ ...filters, limit: 100 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const r1 = (x: number) => (Math.round(x * 10) / 10).toString();
  return (
    <ItemsTable
      query={query}
      testId="anomaly-items"
      rowKey={(i) => `${i.unitCode}|${i.date}`}
      header={
        <>
          {th(c.date)}
          {th(c.unit)}
          {th(c.value, true)}
          {th(c.expected, true)}
          {th(c.band, true)}
          {th(c.z, true)}
        </>
      }
      row={(i) => (
        <>
          {td(
            <Link className="text-brand-700 underline" href={link('/ingestion', { view: 'anomalies', au: i.unitCode })}>
              {i.date}
            </Link>,
            'whitespace-nowrap',
          )}
          {td(i.unitName)}
          {td(i.value, 'text-right tabular-nums font-semibold text-red-700')}
          {td(r1(i.expected), 'text-right tabular-nums')}
          {td(`${r1(i.lower)} ~ ${r1(i.upper)}`, 'text-right tabular-nums')}
          {td(i.z.toFixed(2), 'text-right tabular-nums')}
        </>
      )}
    />
  );
}

/** The items behind a 归集 figure: accepted keys, missing windows or anomalous unit-days; scoped and audited. */
export function IngestionItemsPage() {
  const { t, filters, params, setParams, link } = useDashboard();
  const raw = params.get('status') ?? '';
  const status: Status = (STATUSES as readonly string[]).includes(raw) ? (raw as Status) : 'accepted';
  const stream = (STREAMS as readonly string[]).includes(params.get('stream') ?? '') ? (params.get('stream') as (typeof STREAMS)[number]) : undefined;
  const frequency = (FREQUENCIES as readonly string[]).includes(params.get('frequency') ?? '')
    ? (params.get('frequency') as (typeof FREQUENCIES)[number])
    : undefined;
  const exportHref = linkWith('/api/v1/items/ingestion', filters, { status, format: 'csv', stream, frequency });
  const back = link('/ingestion', { view: status === 'missing' ? 'missing' : status === 'anomaly' ? 'anomalies' : undefined });
  const select = 'rounded border border-slate-300 bg-white px-2 py-1';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href={back} className="text-sm text-brand-700 underline">
            ← {t.items.back}
          </Link>
          <h1 className="text-xl font-semibold">{t.items.titles[status]}</h1>
        </div>
        <FilterBar />
      </div>
      <Panel title={t.items.titles[status]} note={t.items.notes[status]}>
        <div className="no-print mb-3 flex flex-wrap items-center gap-2 text-sm">
          {status === 'accepted' && (
            <select aria-label={t.items.stream} className={select} value={stream ?? ''} onChange={(e) => setParams({ stream: e.target.value })}>
              <option value="">{t.items.allStreams}</option>
              {STREAMS.map((s) => (
                <option key={s} value={s}>
                  {t.streams[s]}
                </option>
              ))}
            </select>
          )}
          {status === 'missing' && (
            <select aria-label={t.items.frequency} className={select} value={frequency ?? ''} onChange={(e) => setParams({ frequency: e.target.value })}>
              <option value="">{t.items.allFrequencies}</option>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t.frequencies[f]}
                </option>
              ))}
            </select>
          )}
          <a href={exportHref} className="ml-auto rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" download>
            {t.items.export}
          </a>
        </div>
        {status === 'accepted' && <AcceptedItems stream={stream} />}
        {status === 'missing' && <MissingItems frequency={frequency} />}
        {status === 'anomaly' && <AnomalyItems />}
      </Panel>
    </div>
  );
}
