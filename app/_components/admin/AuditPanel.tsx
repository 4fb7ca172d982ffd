'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';

const ACTIONS = ['sign_in', 'sign_in_failed', 'sign_in_blocked', 'drill_down', 'export', 'admin_change', 'token_used_denied', 'notice'] as const;
type Action = (typeof ACTIONS)[number];

/** The audit log, newest first; its filters live in the URL (audit.action, audit.actor, audit.page). */
export function AuditPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const action = (ACTIONS as readonly string[]).includes(params.get('action') ?? '') ? (params.get('action') as Action) : undefined;
  const actor = params.get('actor') ?? undefined;
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const audit = useQuery(trpc.admin.audit.queryOptions({ action, actor, page }));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    router.replace(`${pathname}?${next.toString()}`);
  };
  return (
    <Panel title={t.admin.audit}>
      <div className="mb-2 flex flex-wrap gap-2 text-sm">
        <select aria-label={t.admin.action} value={action ?? ''} onChange={(e) => set('action', e.target.value)} className="rounded border px-2 py-1">
          <option value="">{t.admin.allActions}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
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
          <table className="w-full text-xs" data-testid="audit-table">
            <thead>
              <tr className="border-b text-left text-slate-500">
                <th className="px-2 py-1">{t.admin.at}</th>
                <th className="px-2 py-1">{t.admin.actor}</th>
                <th className="px-2 py-1">{t.admin.role}</th>
                <th className="px-2 py-1">{t.admin.action}</th>
                <th className="px-2 py-1">{t.admin.target}</th>
                <th className="px-2 py-1">{t.admin.filters}</th>
                <th className="px-2 py-1 text-right">{t.admin.rows}</th>
                <th className="px-2 py-1">{t.admin.ip}</th>
                <th className="px-2 py-1">{t.admin.detail}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((r, i) => (
                <tr key={i} className="border-b border-slate-100 align-top">
                  <td className="whitespace-nowrap px-2 py-1">{r.at}</td>
                  <td className="px-2 py-1">{r.actor}</td>
                  <td className="px-2 py-1">{r.role}</td>
                  <td className="px-2 py-1">{r.action}</td>
                  <td className="px-2 py-1">{r.target}</td>
                  <td className="max-w-xs break-all px-2 py-1 font-mono">{r.filters}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.rowCount}</td>
                  <td className="px-2 py-1">{r.ip}</td>
                  <td className="px-2 py-1">{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
