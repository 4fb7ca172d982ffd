'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { lastCompletedMonth } from '@/shared/periodKeys';
import { schemeInForce, type Level } from '@/shared/assessmentScheme';
import { errorText } from '../errorText';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';

/** 人工评分录入: the month's manual indicator scores with their reasons; every entry is kept and audited. */
export function ManualScoresPanel({ today }: { today: string }) {
  const { t } = useI18n();
  const a = t.assessmentAdmin;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<Level>('district');
  const [month, setMonth] = useState(() => lastCompletedMonth(today));
  const schemes = useQuery(trpc.assessment.schemes.queryOptions({ level }));
  const entities = useQuery(trpc.assessment.entities.queryOptions({ level }));
  const entries = useQuery(trpc.assessment.manualScores.queryOptions({ level, period: month }, { enabled: /^\d{4}-\d{2}$/.test(month) }));
  const scheme = schemes.data ? schemeInForce(schemes.data, month) : null;
  const manual = scheme?.indicators.filter((i) => i.method.kind === 'manual') ?? [];
  const names = new Map((entities.data ?? []).map((e) => [e.code, e.name]));
  const enter = useMutation(
    trpc.assessment.enterManualScore.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.assessment.manualScores.queryKey({ level, period: month }) }),
    }),
  );
  const entryColumns: Array<TableColumn<NonNullable<typeof entries.data>[number]>> = [
    { key: 'entity', header: a.entity, cell: (r) => names.get(r.entityCode) ?? r.entityCode },
    { key: 'indicator', header: a.indicator, cell: (r) => manual.find((i) => i.code === r.indicatorCode)?.name ?? r.indicatorCode },
    { key: 'score', header: a.score, cell: (r) => r.score, align: 'right' },
    { key: 'reason', header: a.manualReason, cell: (r) => r.reason },
    { key: 'enteredBy', header: a.enteredBy, cell: (r) => r.enteredBy, className: 'text-slate-500' },
    { key: 'enteredAt', header: a.enteredAt, cell: (r) => r.enteredAt.slice(0, 16), className: 'text-slate-500' },
  ];
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    enter.mutate({
      level,
      period: month,
      indicatorCode: String(f.get('indicator')),
      entityCode: String(f.get('entity')),
      score: Number(f.get('score')),
      reason: String(f.get('reason')),
    });
  }
  return (
    <Panel title={a.manualTitle} note={a.manualNote}>
      <div className="mb-3 flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-2">
          {a.level}
          <select aria-label={`${a.manualTitle} ${a.level}`} value={level} onChange={(e) => setLevel(e.target.value as Level)} className="rounded border px-2 py-1">
            <option value="district">{a.district}</option>
            <option value="unit">{a.unit}</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          {a.month}
          <input aria-label={a.month} type="month" value={month} onChange={(e) => setMonth(e.target.value)} className="rounded border px-2 py-1" />
        </label>
      </div>
      <LoadState isLoading={schemes.isLoading || entities.isLoading} error={schemes.error ?? entities.error} />
      {scheme && manual.length === 0 && <p className="text-sm text-slate-500">{a.noManual}</p>}
      {manual.length > 0 && (
        <form onSubmit={onSubmit} aria-label={a.manualTitle} className="mb-3 flex flex-wrap items-end gap-2 text-sm">
          <label className="flex flex-col">
            {a.indicator}
            <select name="indicator" className="rounded border px-2 py-1">
              {manual.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}（{a.maxPoints} {i.maxPoints}）
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            {a.entity}
            <select name="entity" className="max-w-72 rounded border px-2 py-1">
              {(entities.data ?? []).map((e) => (
                <option key={e.code} value={e.code}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            {a.score}
            <input name="score" type="number" required min={0} step={0.5} className="w-24 rounded border px-2 py-1 text-right" />
          </label>
          <label className="flex flex-1 flex-col">
            {a.manualReason}
            <input name="reason" required minLength={4} maxLength={500} className="rounded border px-2 py-1" />
          </label>
          <button type="submit" disabled={enter.isPending} className="rounded bg-brand-700 px-3 py-1 text-white">
            {a.enter}
          </button>
        </form>
      )}
      {enter.error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {errorText(enter.error)}
        </p>
      )}
      <LoadState isLoading={entries.isLoading} error={entries.error} />
      {entries.data && entries.data.length === 0 && manual.length > 0 && <p className="text-sm text-slate-500">{a.noEntries}</p>}
      {entries.data && entries.data.length > 0 && (
        <Table rows={entries.data} columns={entryColumns} rowKey={(r) => `${r.indicatorCode}|${r.entityCode}`} aria-label={a.entered} />
      )}
    </Panel>
  );
}
