'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';

const SCOPES = ['ingest', 'read', 'backfill', 'admin'] as const;

export function TokensPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.admin.tokens.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.tokens.queryKey() });
  const create = useMutation(trpc.admin.createToken.mutationOptions({ onSuccess: invalidate }));
  const revoke = useMutation(trpc.admin.revokeToken.mutationOptions({ onSuccess: invalidate }));

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({
      name: String(f.get('name')),
      unitCode: String(f.get('unitCode')),
      scopes: SCOPES.filter((s) => f.get(`scope-${s}`) === 'on'),
    });
  }

  return (
    <Panel title={t.admin.tokens}>
      <form onSubmit={onCreate} className="mb-3 flex flex-wrap items-center gap-2 text-sm" aria-label={t.admin.createToken}>
        <input name="name" required placeholder={t.admin.tokenName} aria-label={t.admin.tokenName} className="rounded border px-2 py-1" />
        <select name="unitCode" aria-label={t.admin.unit} className="rounded border px-2 py-1">
          {units.data?.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
        {SCOPES.map((s) => (
          <label key={s} className="flex items-center gap-1">
            <input type="checkbox" name={`scope-${s}`} defaultChecked={s === 'ingest'} /> {s}
          </label>
        ))}
        <button type="submit" disabled={create.isPending} className="rounded bg-brand-700 px-3 py-1 text-white">
          {t.admin.createToken}
        </button>
      </form>
      {create.error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {create.error.message}
        </p>
      )}
      {create.data && (
        <p className="mb-3 rounded bg-amber-50 p-2 text-sm" data-testid="new-token">
          {t.admin.tokenShownOnce} <code className="select-all break-all font-mono">{create.data.token}</code>
        </p>
      )}
      <LoadState isLoading={tokens.isLoading} error={tokens.error} />
      {tokens.data && (
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b text-left text-slate-500">
              <th className="px-2 py-1">{t.admin.tokenName}</th>
              <th className="px-2 py-1">{t.admin.unit}</th>
              <th className="px-2 py-1">{t.admin.scopes}</th>
              <th className="px-2 py-1">{t.admin.createdBy}</th>
              <th className="px-2 py-1">{t.admin.lastUsed}</th>
              <th className="px-2 py-1 text-right">{t.admin.uses}</th>
              <th className="px-2 py-1">{t.admin.status}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((tok) => (
              <tr key={tok.id} className="border-b border-slate-100">
                <td className="px-2 py-1">
                  {tok.name} <span className="font-mono text-xs text-slate-400">{tok.tokenPrefix}…</span>
                </td>
                <td className="px-2 py-1">{units.data?.find((u) => u.code === tok.unitCode)?.name ?? tok.unitCode}</td>
                <td className="px-2 py-1">{tok.scopes.join(', ')}</td>
                <td className="px-2 py-1">{tok.createdBy}</td>
                <td className="px-2 py-1">{tok.lastUsedAt ?? '—'}</td>
                <td className="px-2 py-1 text-right tabular-nums">{tok.uses}</td>
                <td className="px-2 py-1">{tok.revokedAt ? `${t.admin.revoked} ${tok.revokedAt}` : t.admin.active}</td>
                <td className="px-2 py-1 text-right">
                  {!tok.revokedAt && (
                    <button type="button" className="underline" onClick={() => revoke.mutate({ id: tok.id })}>
                      {t.admin.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
