'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { codeOptions, Select } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';

const SCOPES = ['ingest', 'read', 'backfill', 'admin', 'display'] as const;

export function TokensPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.admin.tokens.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.tokens.queryKey() });
  const create = useMutation(trpc.admin.createToken.mutationOptions({ onSuccess: invalidate }));
  const revoke = useMutation(trpc.admin.revokeToken.mutationOptions({ onSuccess: invalidate }));

  const tokenColumns: Array<TableColumn<NonNullable<typeof tokens.data>[number]>> = [
    {
      key: 'name',
      header: t.admin.tokenName,
      cell: (tok) => (
        <>
          {tok.name} <span className="font-mono text-xs text-slate-400">{tok.tokenPrefix}…</span>
        </>
      ),
    },
    { key: 'unit', header: t.admin.unit, cell: (tok) => units.data?.find((u) => u.code === tok.unitCode)?.name ?? tok.unitCode },
    { key: 'scopes', header: t.admin.scopes, cell: (tok) => tok.scopes.join(', ') },
    { key: 'createdBy', header: t.admin.createdBy, cell: (tok) => tok.createdBy },
    { key: 'lastUsed', header: t.admin.lastUsed, cell: (tok) => tok.lastUsedAt ?? '—' },
    { key: 'uses', header: t.admin.uses, cell: (tok) => tok.uses, align: 'right', className: 'tabular-nums' },
    { key: 'status', header: t.admin.status, cell: (tok) => (tok.revokedAt ? `${t.admin.revoked} ${tok.revokedAt}` : t.admin.active) },
    {
      key: 'revoke',
      header: null,
      align: 'right',
      cell: (tok) =>
        !tok.revokedAt && (
          <button type="button" className="underline" onClick={() => revoke.mutate({ id: tok.id })}>
            {t.admin.revoke}
          </button>
        ),
    },
  ];
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
        <Select name="unitCode" label={t.admin.unit} options={codeOptions(units.data)} />
        {SCOPES.map((s) => (
          <label key={s} className="flex items-center gap-1">
            <input type="checkbox" name={`scope-${s}`} defaultChecked={s === 'ingest'} /> {s}
            <span className="text-slate-500">{t.admin.scopeLabels[s]}</span>
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
          {create.variables?.scopes.includes('display') && (
            <>
              <br />
              {t.admin.screenLink}: <code className="select-all break-all font-mono" data-testid="screen-link">{`${window.location.origin}/screen?key=${create.data.token}`}</code>
            </>
          )}
        </p>
      )}
      <LoadState isLoading={tokens.isLoading} error={tokens.error} />
      {tokens.data && (
        <Table rows={tokens.data} columns={tokenColumns} rowKey={(tok) => tok.id} />
      )}
    </Panel>
  );
}
