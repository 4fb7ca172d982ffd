'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import type { NoticeDetail } from '@/server/inspection/notices';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';
import { fill, type ProblemKind } from './filters';
import { NoticeStatusBadge } from './NoticesView';
import { KindBadge } from './ProblemsView';

/** One notice: its items with rectification (from the data), its history, acknowledgement by the unit, printing. */
export function NoticePage({ id }: { id: string }) {
  const { t: messages } = useI18n();
  const t = messages.inspectionPage;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.session.me.queryOptions());
  const notice = useQuery(trpc.inspection.notice.queryOptions({ id }));
  const acknowledge = useMutation(
    trpc.inspection.acknowledge.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.inspection.notice.queryKey({ id }), data);
        void queryClient.invalidateQueries({ queryKey: trpc.inspection.notices.pathKey() });
      },
    }),
  );
  const n: NoticeDetail | undefined = notice.data;
  const itemColumns: Array<TableColumn<NoticeDetail['items'][number]>> = [
    { key: 'itemNo', header: t.itemNo, cell: (i) => i.itemNo, className: 'tabular-nums' },
    { key: 'kind', header: t.kind, cell: (i) => <KindBadge kind={i.kind as ProblemKind} /> },
    {
      key: 'subject',
      header: t.subject,
      cell: (i) => (
        <Link href={i.link} className="break-all text-brand-700 hover:underline">
          {i.subject}
        </Link>
      ),
    },
    { key: 'detail', header: t.detail, cell: (i) => i.detail, className: 'text-xs text-slate-600' },
    { key: 'deadline', header: t.deadline, cell: (i) => i.deadline ?? '—', className: 'whitespace-nowrap' },
    { key: 'atIssue', header: t.atIssue, cell: (i) => i.workdaysOverdue, align: 'right', className: 'tabular-nums' },
    {
      key: 'rectifiedOn',
      header: t.rectifiedOn,
      className: 'whitespace-nowrap',
      cell: (i) =>
        i.rectifiedOn ? (
          <span className={i.late ? 'text-amber-700' : 'text-emerald-700'}>
            {i.rectifiedOn} · {i.late ? t.late : t.onTime}
          </span>
        ) : (
          <span className="text-red-700">{t.notYet}</span>
        ),
    },
  ];
  const canAcknowledge = n && me.data?.role === 'unit' && me.data.unitCode === n.unitCode && !n.acknowledgedOn;
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-end justify-between gap-3">
        <Link href="/inspection?tab=notices" className="text-sm text-brand-700 hover:underline">
          ← {t.back}
        </Link>
        {n && (
          <div className="flex gap-2">
            {canAcknowledge && (
              <button
                type="button"
                onClick={() => acknowledge.mutate({ id })}
                disabled={acknowledge.isPending}
                className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-900 disabled:opacity-50"
              >
                {acknowledge.isPending ? t.acknowledging : t.acknowledge}
              </button>
            )}
            <Link href={`/print/notices/${n.id}`} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
              {t.print}
            </Link>
          </div>
        )}
      </div>
      {acknowledge.error && (
        <p role="alert" className="text-sm text-red-700">
          {acknowledge.error.message}
        </p>
      )}
      <LoadState isLoading={notice.isLoading} error={notice.error} onRetry={() => void notice.refetch()} />
      {n && (
        <>
          <h1 className="text-xl font-semibold" data-testid="notice-number">
            {t.noticeTitle} {n.number}
          </h1>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm md:grid-cols-4">
            <dt className="text-slate-500">{t.unit}</dt>
            <dd>{n.unitName}</dd>
            <dt className="text-slate-500">{t.district}</dt>
            <dd>{n.districtName}</dd>
            <dt className="text-slate-500">{t.issuedOn}</dt>
            <dd>{n.issuedOn}</dd>
            <dt className="text-slate-500">{t.issuedBy}</dt>
            <dd>{n.issuedBy}</dd>
            <dt className="text-slate-500">{t.replyDeadline}</dt>
            <dd>
              {n.replyDeadline}（{fill(t.replyIn, { n: n.replyWorkdays })}）
            </dd>
            <dt className="text-slate-500">{t.status}</dt>
            <dd data-testid="notice-status">
              <NoticeStatusBadge n={n} />
            </dd>
            <dt className="text-slate-500">{t.acknowledgedOn}</dt>
            <dd data-testid="notice-acknowledged">{n.acknowledgedOn ? `${n.acknowledgedOn} · ${n.acknowledgedBy ?? ''}` : '—'}</dd>
            <dt className="text-slate-500">{t.closedOn}</dt>
            <dd>{n.closedOn ?? '—'}</dd>
            {n.note && (
              <>
                <dt className="text-slate-500">{t.remark}</dt>
                <dd className="col-span-3 whitespace-pre-wrap">{n.note}</dd>
              </>
            )}
          </dl>
          <Panel title={`${t.items}（${n.rectifiedItems} / ${n.itemCount} ${t.rectified}）`} note={t.noticesNote}>
            <Table
              rows={n.items}
              columns={itemColumns}
              rowKey={(i) => i.itemNo}
              rowAttrs={(i) => ({ 'data-rectified': i.rectifiedOn ? 'yes' : 'no' })}
              rowClassName="align-top"
              density="roomy"
              scroll
              data-testid="notice-items"
            />
          </Panel>
          <Panel title={t.timeline}>
            <ol className="space-y-1 text-sm" data-testid="notice-events">
              {n.events.map((e) => (
                <li key={`${e.event}-${e.itemNo}`} className="flex gap-3">
                  <span className="w-24 tabular-nums text-slate-500">{e.onDate}</span>
                  <span className="font-medium">{t.events[e.event]}</span>
                  {e.event === 'rectified' && <span>{fill(t.eventItem, { n: e.itemNo })}</span>}
                  <span className="text-slate-500">{e.actor}</span>
                </li>
              ))}
            </ol>
          </Panel>
        </>
      )}
    </div>
  );
}
