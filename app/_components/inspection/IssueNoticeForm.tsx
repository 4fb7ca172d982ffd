'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UnitFacet } from '@/server/inspection/problems';
import { formatInt } from '../format';
import { useI18n } from '../I18nProvider';
import { useTRPC } from '../TrpcProvider';
import { fill, filtersOf, type ProblemParams } from './filters';

/**
 * Issue a notice from the current view to one unit: the server recomputes the view's notifiable problems of that unit
 * as of today, so what is sent here is only the view (filters), the unit, the reply time and a note.
 */
export function IssueNoticeForm({ params, units }: { params: ProblemParams; units: UnitFacet[] }) {
  const t = useI18n().t.inspectionPage;
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const candidates = units.filter((u) => u.notifiable > 0);
  const [open, setOpen] = useState(false);
  const [unit, setUnit] = useState(params.unit ?? '');
  const [replyWorkdays, setReplyWorkdays] = useState(10);
  const [note, setNote] = useState('');
  const chosen = units.find((u) => u.unitCode === (unit || params.unit));
  const issue = useMutation(
    trpc.inspection.issue.mutationOptions({
      onSuccess: async (r) => {
        await queryClient.invalidateQueries({ queryKey: trpc.inspection.pathKey() });
        router.push(`/inspection/notices/${r.id}`);
      },
    }),
  );
  const { asOf: _asOf, unit: _unit, ...view } = filtersOf(params);
  return (
    <section className="no-print rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" aria-label={t.issueTitle}>
      {!open ? (
        <button type="button" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-900" onClick={() => setOpen(true)}>
          {t.issueTitle}
        </button>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const target = unit || params.unit;
            if (target) issue.mutate({ unit: target, filters: view, replyWorkdays, note });
          }}
        >
          <h2 className="font-semibold">{t.issueTitle}</h2>
          <p className="text-xs text-slate-600">{t.issueNote}</p>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-1">
              <span>{t.issueChooseUnit}</span>
              <select aria-label={t.issueChooseUnit} value={unit || params.unit || ''} onChange={(e) => setUnit(e.target.value)} className="max-w-72 rounded border border-slate-300 px-2 py-1">
                <option value="">{t.chooseUnit}</option>
                {(params.unit ? units.filter((u) => u.unitCode === params.unit) : candidates).map((u) => (
                  <option key={u.unitCode} value={u.unitCode}>
                    {u.unitName}（{fill(t.notifiable, { n: formatInt(u.notifiable) })}）
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1">
              <span>{t.replyWorkdays}</span>
              <input
                type="number"
                min={1}
                max={60}
                aria-label={t.replyWorkdays}
                value={replyWorkdays}
                onChange={(e) => setReplyWorkdays(Number(e.target.value))}
                className="w-20 rounded border border-slate-300 px-2 py-1"
              />
            </label>
          </div>
          <label className="block">
            <span>{t.issueRemark}</span>
            <textarea aria-label={t.issueRemark} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" rows={2} />
          </label>
          {chosen && chosen.notifiable === 0 && <p className="text-amber-800">{t.nothingToNotify}</p>}
          {issue.error && (
            <p role="alert" className="text-red-700">
              {issue.error.message}
            </p>
          )}
          <button
            type="submit"
            disabled={issue.isPending || !(unit || params.unit) || chosen?.notifiable === 0}
            className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-900 disabled:opacity-50"
          >
            {issue.isPending ? t.issuing : t.issue}
          </button>
        </form>
      )}
    </section>
  );
}
