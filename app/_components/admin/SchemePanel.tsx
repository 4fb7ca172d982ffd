'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { nextMonth } from '@/shared/periodKeys';
import type { Indicator, Level } from '@/shared/assessmentScheme';
import { errorText } from '../errorText';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';
import { SchemeEditor } from './SchemeEditor';

/** 考核方案: the versions of a level's scheme and an editor that saves a new version from a month. */
/** `today` comes from the server: the platform's one clock, not the browser's. */
export function SchemePanel({ today }: { today: string }) {
  const { t } = useI18n();
  const a = t.assessmentAdmin;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<Level>('district');
  const versions = useQuery(trpc.assessment.schemes.queryOptions({ level }));
  const latest = versions.data?.at(-1);
  const [draft, setDraft] = useState<Indicator[] | null>(null);
  const indicators = draft ?? latest?.indicators ?? [];
  const save = useMutation(
    trpc.assessment.saveScheme.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        return queryClient.invalidateQueries({ queryKey: trpc.assessment.schemes.queryKey({ level }) });
      },
    }),
  );
  const versionColumns: Array<TableColumn<NonNullable<typeof versions.data>[number]>> = [
    { key: 'version', header: a.version, cell: (v) => `v${v.version}` },
    { key: 'name', header: a.schemeName, cell: (v) => v.name },
    { key: 'effectiveFrom', header: a.effectiveFrom, cell: (v) => v.effectiveFrom },
    { key: 'note', header: a.reason, cell: (v) => v.note },
    { key: 'createdBy', header: a.createdBy, cell: (v) => v.createdBy, className: 'text-slate-500' },
    { key: 'createdAt', header: a.createdAt, cell: (v) => v.createdAt.slice(0, 16), className: 'text-slate-500' },
  ];
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({ level, effectiveFrom: String(f.get('effectiveFrom')), name: String(f.get('name')), note: String(f.get('note')), indicators });
  }
  return (
    <Panel title={a.schemeTitle} note={a.schemeNote}>
      <label className="mb-3 flex items-center gap-2 text-sm">
        {a.level}
        <select aria-label={a.level} value={level} onChange={(e) => {
            setLevel(e.target.value as Level);
            setDraft(null);
          }} className="rounded border px-2 py-1">
          <option value="district">{a.district}</option>
          <option value="unit">{a.unit}</option>
        </select>
      </label>
      <LoadState isLoading={versions.isLoading} error={versions.error} />
      {versions.data && (
        <>
          <Table rows={[...versions.data].reverse()} columns={versionColumns} rowKey={(v) => v.version} className="mb-4 w-full text-sm" aria-label={a.versions} />
          {latest && <p className="mb-2 text-sm text-slate-500">{a.editing.replace('{v}', String(latest.version))}</p>}
          <form onSubmit={onSubmit} aria-label={a.schemeTitle} className="space-y-3">
            <SchemeEditor indicators={indicators} onChange={setDraft} />
            <div className="flex flex-wrap items-end gap-2 text-sm">
              <label className="flex flex-col">
                {a.effectiveFrom}
                <input name="effectiveFrom" type="month" required defaultValue={nextMonth(today)} className="rounded border px-2 py-1" />
              </label>
              <label className="flex flex-col">
                {a.schemeName}
                <input name="name" required maxLength={60} defaultValue={latest?.name ?? ''} key={latest?.version ?? 0} className="w-64 rounded border px-2 py-1" />
              </label>
              <label className="flex flex-1 flex-col">
                {a.reason}
                <input name="note" required maxLength={500} className="rounded border px-2 py-1" />
              </label>
              <button type="submit" disabled={save.isPending} className="rounded bg-brand-700 px-3 py-1 text-white">
                {a.save}
              </button>
            </div>
            {save.error && (
              <p role="alert" className="text-sm text-red-700">
                {errorText(save.error)}
              </p>
            )}
            {save.data && !draft && (
              <p role="status" className="text-sm text-green-700">
                {a.saved.replace('{v}', String(save.data.version))}
              </p>
            )}
          </form>
        </>
      )}
    </Panel>
  );
}
