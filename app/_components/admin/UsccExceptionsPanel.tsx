'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';

export function UsccExceptionsPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.usccExceptions.queryOptions());
  const register = useMutation(
    trpc.admin.registerUsccException.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.usccExceptions.queryKey() }) }),
  );
  const exceptionColumns: Array<TableColumn<NonNullable<typeof list.data>[number]>> = [
    { key: 'code', header: t.admin.usccCode, cell: (r) => r.code, className: 'font-mono' },
    { key: 'note', header: t.admin.usccReason, cell: (r) => r.note },
    { key: 'createdBy', header: t.admin.createdBy, cell: (r) => r.createdBy, className: 'text-slate-500' },
    { key: 'createdAt', header: t.admin.at, cell: (r) => r.createdAt, className: 'text-slate-500' },
  ];
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    register.mutate({ code: String(f.get('code')), note: String(f.get('note')) });
  }
  return (
    <Panel title={t.admin.uscc} note={t.admin.usccNote}>
      <form onSubmit={onSubmit} className="mb-3 flex flex-wrap gap-2 text-sm" aria-label={t.admin.uscc}>
        <input name="code" required maxLength={18} placeholder={t.admin.usccCode} aria-label={t.admin.usccCode} className="w-56 rounded border px-2 py-1 font-mono" />
        <input name="note" required placeholder={t.admin.usccReason} aria-label={t.admin.usccReason} className="flex-1 rounded border px-2 py-1" />
        <button type="submit" disabled={register.isPending} className="rounded bg-brand-700 px-3 py-1 text-white">
          {t.admin.register}
        </button>
      </form>
      {register.error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {register.error.message}
        </p>
      )}
      <LoadState isLoading={list.isLoading} error={list.error} />
      {list.data && list.data.length > 0 && (
        <Table rows={list.data} columns={exceptionColumns} rowKey={(r) => r.code} headless />
      )}
    </Panel>
  );
}
