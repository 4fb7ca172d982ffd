'use client';

import { useQuery } from '@tanstack/react-query';
import { usePageQuery } from '../usePageQuery';
import { Select, valueOptions } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';

const ACTIONS = ['sign_in', 'sign_in_failed', 'sign_in_blocked', 'drill_down', 'export', 'admin_change', 'token_used_denied', 'notice'] as const;
type Action = (typeof ACTIONS)[number];

/** The audit log, newest first; its filters live in the URL (audit.action, audit.actor, audit.page). */
export function AuditPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { params, replaceQuery } = usePageQuery();
  const action = (ACTIONS as readonly string[]).includes(params.get('action') ?? '') ? (params.get('action') as Action) : undefined;
  const actor = params.get('actor') ?? undefined;
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const audit = useQuery(trpc.admin.audit.queryOptions({ action, actor, page }));
  const auditColumns: Array<TableColumn<NonNullable<typeof audit.data>[number]>> = [
    { key: 'at', header: t.admin.at, cell: (r) => r.at, className: 'whitespace-nowrap' },
    { key: 'actor', header: t.admin.actor, cell: (r) => r.actor },
    { key: 'role', header: t.admin.role, cell: (r) => r.role },
    { key: 'action', header: t.admin.action, cell: (r) => r.action },
    { key: 'target', header: t.admin.target, cell: (r) => r.target },
    { key: 'filters', header: t.admin.filters, cell: (r) => r.filters, className: 'max-w-xs break-all font-mono' },
    { key: 'rows', header: t.admin.rows, cell: (r) => r.rowCount, align: 'right', className: 'tabular-nums' },
    { key: 'ip', header: t.admin.ip, cell: (r) => r.ip },
    { key: 'detail', header: t.admin.detail, cell: (r) => r.detail },
  ];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    replaceQuery(next);
  };
  return (
    <Panel title={t.admin.audit}>
      <div className="mb-2 flex flex-wrap gap-2 text-sm">
        <Select label={t.admin.action} all={t.admin.allActions} options={valueOptions(ACTIONS)} value={action ?? ''} onChange={(v) => set('action', v)} />
        <input
          aria-label={t.admin.actor}
          placeholder={t.admin.actor}
          defaultValue={actor}
          onKeyDown={(e) => e.key === 'Enter' && set('actor', e.currentTarget.value)}
          className="rounded border px-2 py-1"
        />
      </div>
      <LoadState isLoading={audit.isLoading} error={audit.error} />
      {audit.data && (
        <>
          <Table rows={audit.data} columns={auditColumns} rowKey={(_, i) => i} rowClassName="align-top" className="w-full text-xs" data-testid="audit-table" />
          <div className="mt-2 flex gap-2 text-sm">
            <button type="button" disabled={page === 0} onClick={() => set('page', String(page - 1))} className="underline disabled:opacity-40">
              {t.admin.previous}
            </button>
            <button type="button" disabled={audit.data.length < 100} onClick={() => set('page', String(page + 1))} className="underline disabled:opacity-40">
              {t.admin.next}
            </button>
          </div>
        </>
      )}
    </Panel>
  );
}
