'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import type { NoticeSummary } from '@/server/inspection/notices';
import { formatInt } from '../format';
import { Select, valueOptions } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { linkWith, NOTICE_STATUSES, type NoticeStatusFilter } from './filters';

const STATUS_TONE: Record<NoticeSummary['status'], string> = {
  issued: 'bg-amber-100 text-amber-800',
  acknowledged: 'bg-sky-100 text-sky-800',
  closed: 'bg-emerald-100 text-emerald-800',
};

export function NoticeStatusBadge({ n }: { n: Pick<NoticeSummary, 'status' | 'overdue'> }) {
  const t = useI18n().t.inspectionPage;
  return (
    <span className="whitespace-nowrap">
      <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[n.status]}`}>{t.statuses[n.status]}</span>
      {n.overdue && <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">{t.overdue}</span>}
    </span>
  );
}

/** The notices the caller may see (the server scopes them), newest first; the status filter lives in the URL. */
export function NoticesView({ status }: { status: NoticeStatusFilter | undefined }) {
  const t = useI18n().t.inspectionPage;
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const notices = useQuery(trpc.inspection.notices.queryOptions({ status }));
  const columns: Array<Column<NoticeSummary>> = [
    {
      key: 'number',
      header: t.number,
      value: (r) => `${r.year}-${String(r.seq).padStart(6, '0')}`,
      render: (r) => (
        <Link href={`/inspection/notices/${r.id}`} className="whitespace-nowrap text-brand-700 hover:underline">
          {r.number}
        </Link>
      ),
    },
    { key: 'unit', header: t.unit, value: (r) => r.unitName },
    { key: 'district', header: t.district, value: (r) => r.districtName },
    { key: 'issuedOn', header: t.issuedOn, value: (r) => r.issuedOn },
    { key: 'replyDeadline', header: t.replyDeadline, value: (r) => r.replyDeadline },
    { key: 'items', header: t.items, value: (r) => r.itemCount, align: 'right' },
    { key: 'rectified', header: t.rectified, value: (r) => r.rectifiedItems, align: 'right', render: (r) => `${formatInt(r.rectifiedItems)} / ${formatInt(r.itemCount)}` },
    { key: 'late', header: t.late, value: (r) => r.rectifiedLate, align: 'right' },
    { key: 'acknowledged', header: t.acknowledgedOn, value: (r) => r.acknowledgedOn },
    { key: 'status', header: t.status, value: (r) => t.statuses[r.status], render: (r) => <NoticeStatusBadge n={r} /> },
  ];
  return (
    <Panel title={t.noticesTitle} note={t.noticesNote}>
      <div className="no-print mb-2 flex items-center gap-2 text-sm">
        <label className="flex items-center gap-1">
          <span className="text-slate-500">{t.statusFilter}</span>
          <Select
            label={t.statusFilter}
            all={t.allStatuses}
            options={valueOptions(NOTICE_STATUSES, (s) => t.statuses[s])}
            value={status ?? ''}
            onChange={(v) => router.replace(linkWith(pathname, { tab: 'notices', status: v || undefined }))}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
      </div>
      <LoadState isLoading={notices.isLoading} error={notices.error} onRetry={() => void notices.refetch()} />
      {notices.data && (
        <div data-testid="notices-table">
          <DataTable rows={notices.data} columns={columns} exportName="notices" />
        </div>
      )}
    </Panel>
  );
}
