'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FollowUpRow } from '@/server/inspection/followUp';
import { formatInt, formatRate } from '../format';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { linkWith, type ProblemParams } from './filters';

/** Notices issued, open, overdue and the rectification rate by district and by unit, for a period, as of a date. */
export function FollowUpView({ params }: { params: ProblemParams }) {
  const { t: messages } = useI18n();
  const t = messages.inspectionPage;
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const period = { from: params.from, to: params.to, asOf: params.asOf };
  const figures = useQuery(trpc.inspection.followUp.queryOptions(period));
  const [onlyWithNotices, setOnlyWithNotices] = useState(true);
  const columns = (first: string): Array<Column<FollowUpRow>> => [
    { key: 'name', header: first, value: (r) => r.name },
    { key: 'issued', header: t.issuedCount, value: (r) => r.issued, align: 'right' },
    { key: 'open', header: t.openCount, value: (r) => r.open, align: 'right' },
    { key: 'overdueForReply', header: t.overdueForReply, value: (r) => r.overdueForReply, align: 'right' },
    { key: 'overdueOpen', header: t.overdueOpen, value: (r) => r.overdueOpen, align: 'right' },
    { key: 'totalItems', header: t.totalItems, value: (r) => r.totalItems, align: 'right', render: (r) => formatInt(r.totalItems) },
    { key: 'rectifiedItems', header: t.rectifiedItems, value: (r) => r.rectifiedItems, align: 'right', render: (r) => formatInt(r.rectifiedItems) },
    { key: 'rectifiedLate', header: t.rectifiedLate, value: (r) => r.rectifiedLate, align: 'right' },
    { key: 'rate', header: t.rate, value: (r) => r.rectificationRate, align: 'right', render: (r) => formatRate(r.rectificationRate) },
  ];
  const set = (key: 'from' | 'to' | 'asOf', value: string) => router.replace(linkWith(pathname, { tab: 'followUp', ...period, [key]: value || undefined }));
  const date = (key: 'from' | 'to' | 'asOf', label: string) => (
    <label className="flex items-center gap-1">
      <span className="text-slate-500">{label}</span>
      <input
        type="date"
        aria-label={label}
        className="rounded border border-slate-300 px-2 py-1"
        defaultValue={period[key] ?? figures.data?.[key]}
        key={`${key}-${period[key] ?? figures.data?.[key] ?? ''}`}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );
  const data = figures.data;
  const footer = data && (
    <tfoot>
      <tr className="border-t border-slate-300 font-medium">
        <td className="px-2 py-1.5">{messages.common.total}</td>
        {[data.total.issued, data.total.open, data.total.overdueForReply, data.total.overdueOpen, data.total.totalItems, data.total.rectifiedItems, data.total.rectifiedLate].map((v, i) => (
          <td key={i} className="px-2 py-1.5 text-right tabular-nums">
            {formatInt(v)}
          </td>
        ))}
        <td className="px-2 py-1.5 text-right tabular-nums">{formatRate(data.total.rectificationRate)}</td>
      </tr>
    </tfoot>
  );
  return (
    <div className="space-y-4">
      <form className="no-print flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" aria-label="filters" onSubmit={(e) => e.preventDefault()}>
        {date('from', t.from)}
        {date('to', t.to)}
        {date('asOf', t.asOf)}
        <label className="ml-auto flex items-center gap-1">
          <input type="checkbox" checked={onlyWithNotices} onChange={(e) => setOnlyWithNotices(e.target.checked)} />
          <span>{t.onlyWithNotices}</span>
        </label>
      </form>
      <LoadState isLoading={figures.isLoading} error={figures.error} onRetry={() => void figures.refetch()} />
      {data && (
        <>
          <Panel title={`${t.followUpTitle} · ${t.byDistrict}`} note={t.followUpNote}>
            <div data-testid="followup-districts">
              <DataTable rows={data.districts.filter((r) => !onlyWithNotices || r.issued > 0)} columns={columns(t.district)} exportName="notice-follow-up-districts" footer={footer} />
            </div>
          </Panel>
          <Panel title={`${t.followUpTitle} · ${t.byUnit}`} note={t.followUpNote}>
            <div data-testid="followup-units">
              <DataTable rows={data.units.filter((r) => !onlyWithNotices || r.issued > 0)} columns={columns(t.unit)} exportName="notice-follow-up-units" footer={footer} />
            </div>
          </Panel>
        </>
      )}
    </div>
  );
}
