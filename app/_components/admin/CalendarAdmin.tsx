'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';

type Kind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

const KIND_STYLE: Record<Kind, string> = {
  workday: 'bg-white text-slate-700 border-slate-200',
  weekend: 'bg-slate-100 text-slate-400 border-slate-100',
  holiday: 'bg-red-100 text-red-800 border-red-200',
  adjusted_workday: 'bg-amber-100 text-amber-900 border-amber-300',
};
const KINDS: Kind[] = ['workday', 'weekend', 'holiday', 'adjusted_workday'];

/** ISO weekday (1 = Monday) of a YYYY-MM-DD, computed on UTC so the browser's zone never matters. */
const weekdayOf = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

export function CalendarAdmin({ initialYear, years }: { initialYear: number; years: { first: number; last: number } }) {
  const { t } = useI18n();
  const c = t.calendarAdmin;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(initialYear);
  const [selected, setSelected] = useState<string | null>(null);
  const view = useQuery(trpc.admin.calendarYear.queryOptions({ year }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.calendarYear.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.calendarOutlook.queryKey() }),
    ]);
  const toggle = useMutation(trpc.admin.calendarToggle.mutationOptions({ onSuccess: () => refresh() }));
  const yearOptions = Array.from({ length: years.last - years.first + 1 }, (_, i) => years.first + i);
  const day = selected ? view.data?.days.find((d) => d.date === selected) : undefined;

  function onToggle(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!day) return;
    const form = e.currentTarget;
    const reason = String(new FormData(form).get('reason') ?? '');
    toggle.mutate({ date: day.date, reason }, { onSuccess: () => form.reset() });
  }

  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <div className="space-y-4">
      <Panel title={c.title} note={c.note}>
        <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
          <label className="flex items-center gap-2">
            {c.year}
            <select
              value={year}
              onChange={(e) => {
                setYear(Number(e.target.value));
                setSelected(null);
                toggle.reset();
              }}
              className="rounded border px-2 py-1"
              data-testid="calendar-year"
            >
              {yearOptions.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <ul className="flex flex-wrap items-center gap-2 text-xs" aria-label={c.legend}>
            {KINDS.map((k) => (
              <li key={k} className="flex items-center gap-1">
                <span className={`inline-block h-3 w-3 rounded border ${KIND_STYLE[k]}`} />
                {c.kinds[k]}
              </li>
            ))}
            <li className="flex items-center gap-1">
              <span className="inline-block h-3 w-3 rounded border border-slate-200 bg-white ring-2 ring-brand-600 ring-offset-0" />
              {c.sources.override}
            </li>
          </ul>
        </div>
        <LoadState isLoading={view.isLoading} error={view.error} />
        {view.data && !view.data.known && (
          <div role="alert" data-testid="calendar-unknown" className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {c.unknownBanner(view.data.year)}
          </div>
        )}
        {view.data?.notice && (
          <p className="mb-3 text-sm text-slate-600" data-testid="calendar-notice-imported">
            {c.noticeImported(view.data.notice.by, view.data.notice.at.slice(0, 16))}
          </p>
        )}
        {view.data && (
          <div className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-3 xl:grid-cols-4" data-testid="calendar-grid">
            {months.map((m) => {
              const prefix = `${year}-${String(m).padStart(2, '0')}-`;
              const days = view.data.days.filter((d) => d.date.startsWith(prefix));
              const lead = days[0] ? weekdayOf(days[0].date) - 1 : 0;
              return (
                <section key={m} aria-label={c.month(m)} className="rounded border border-slate-200 p-1 sm:p-2">
                  <h3 className="mb-1 text-sm font-medium">{c.month(m)}</h3>
                  <div className="grid grid-cols-7 gap-0.5 text-center text-[11px]">
                    {c.weekdays.map((w) => (
                      <div key={w} className="text-slate-400">
                        {w}
                      </div>
                    ))}
                    {Array.from({ length: lead }, (_, i) => (
                      <div key={`lead-${i}`} />
                    ))}
                    {days.map((d) => {
                      const kind = d.kind as Kind;
                      const isSelected = d.date === selected;
                      return (
                        <button
                          key={d.date}
                          type="button"
                          onClick={() => {
                            setSelected(d.date);
                            toggle.reset();
                          }}
                          aria-label={`${d.date} ${c.kinds[kind]}${d.name ? ` ${d.name}` : ''} · ${c.sources[d.source]}`}
                          aria-pressed={isSelected}
                          data-date={d.date}
                          data-kind={kind}
                          data-source={d.source}
                          title={`${c.kinds[kind]}${d.name ? ` · ${d.name}` : ''} · ${c.sources[d.source]}`}
                          className={`h-6 rounded border leading-none sm:h-7 ${KIND_STYLE[kind]} ${d.known ? '' : 'border-dashed'} ${
                            d.source === 'override' ? 'ring-2 ring-inset ring-brand-600' : ''
                          } ${isSelected ? 'outline outline-2 outline-offset-1 outline-slate-900' : ''}`}
                        >
                          {Number(d.date.slice(8))}
                        </button>
                      );
                    })}
                  </div>
                </section>
              );
            })}
          </div>
        )}
        <div className="sticky bottom-0 z-10 mt-4 rounded border border-slate-200 bg-white p-3 text-sm shadow-md" data-testid="calendar-day">
          {!day && <p className="text-slate-500">{c.selectDay}</p>}
          {day && (
            <>
              <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
                <dt className="text-slate-500">{c.day}</dt>
                <dd className="font-mono">{day.date}</dd>
                <dt className="text-slate-500">{c.kind}</dt>
                <dd>
                  {c.kinds[day.kind as Kind]}
                  {day.name ? ` · ${day.name}` : ''}
                </dd>
                <dt className="text-slate-500">{c.source}</dt>
                <dd>{day.override?.noticeYear ? c.fromNotice(day.override.noticeYear) : c.sources[day.source]}</dd>
                {day.override && (
                  <>
                    <dt className="text-slate-500">{c.by}</dt>
                    <dd>{day.override.by}</dd>
                    <dt className="text-slate-500">{c.at}</dt>
                    <dd>{day.override.at.slice(0, 19)}</dd>
                    {day.override.reason && (
                      <>
                        <dt className="text-slate-500">{c.reason}</dt>
                        <dd>{day.override.reason}</dd>
                      </>
                    )}
                  </>
                )}
              </dl>
              <form onSubmit={onToggle} className="mt-3 flex flex-wrap gap-2" aria-label={day.workday ? c.toDayOff : c.toWorkday}>
                <input name="reason" required maxLength={500} placeholder={c.reasonPlaceholder} aria-label={c.reason} className="min-w-0 flex-1 rounded border px-2 py-1" />
                <button type="submit" disabled={toggle.isPending} className="rounded bg-brand-700 px-3 py-1 text-white disabled:opacity-50">
                  {day.workday ? c.toDayOff : c.toWorkday}
                </button>
              </form>
            </>
          )}
          {toggle.error && (
            <p role="alert" className="mt-2 text-red-700">
              {toggle.error.message}
            </p>
          )}
          {toggle.isSuccess && (
            <p role="status" className="mt-2 text-green-700">
              {c.toggled}
            </p>
          )}
        </div>
      </Panel>
      <NoticeImport
        defaultYear={year}
        years={yearOptions.slice(1)}
        onSaved={(saved) => {
          setYear(saved);
          setSelected(null);
          void refresh();
        }}
      />
    </div>
  );
}

function DateList({ title, dates, testId }: { title: string; dates: string[]; testId: string }) {
  const { t } = useI18n();
  return (
    <div>
      <h4 className="font-medium">
        {title} <span className="text-slate-500">({t.calendarAdmin.days(dates.length)})</span>
      </h4>
      <p className="mt-1 flex flex-wrap gap-1 font-mono text-xs" data-testid={testId}>
        {dates.map((d) => (
          <span key={d} className="rounded bg-slate-100 px-1">
            {d}
          </span>
        ))}
      </p>
    </div>
  );
}

function NoticeImport({ defaultYear, years, onSaved }: { defaultYear: number; years: number[]; onSaved: (year: number) => void }) {
  const { t } = useI18n();
  const c = t.calendarAdmin;
  const trpc = useTRPC();
  const [year, setYear] = useState(defaultYear);
  const [text, setText] = useState('');
  const preview = useMutation(trpc.admin.calendarNotice.mutationOptions());
  const save = useMutation(trpc.admin.calendarNotice.mutationOptions({ onSuccess: (r) => onSaved(r.year) }));
  const shown = preview.data && preview.variables?.year === year && preview.variables.text === text ? preview.data : undefined;

  function onPreview(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.reset();
    preview.mutate({ year, text, dryRun: true });
  }

  return (
    <Panel title={c.importTitle} note={c.importNote}>
      <form onSubmit={onPreview} className="space-y-2 text-sm" aria-label={c.importTitle}>
        <label className="flex items-center gap-2">
          {c.noticeYear}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} className="rounded border px-2 py-1" data-testid="notice-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          rows={8}
          aria-label={c.noticeText}
          placeholder={c.noticePlaceholder}
          className="block w-full rounded border px-2 py-1 font-mono text-xs"
        />
        <button type="submit" disabled={preview.isPending || text.trim() === ''} className="rounded bg-brand-700 px-3 py-1 text-white disabled:opacity-50">
          {c.preview}
        </button>
      </form>
      {preview.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {preview.error.message}
        </p>
      )}
      {shown && (
        <div className="mt-3 space-y-3 text-sm" data-testid="notice-preview">
          <div>
            <h4 className="font-medium">
              {c.holidays} <span className="text-slate-500">({c.days(shown.holidays.length)})</span>
            </h4>
            <div className="mt-1 overflow-x-auto">
              <table className="w-full text-xs" data-testid="preview-holidays">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="px-2 py-1">{c.festival}</th>
                    <th className="px-2 py-1">{c.daysOff}</th>
                    <th className="px-2 py-1">{c.adjustedWorkdays}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.festivals.map((f) => (
                    <tr key={f.name} className="border-t border-slate-100 align-top">
                      <td className="whitespace-nowrap px-2 py-1">{f.name}</td>
                      <td className="px-2 py-1 font-mono">
                        {f.holidays.length === 0 ? '—' : f.holidays.length === 1 ? f.holidays[0] : `${f.holidays[0]} – ${f.holidays.at(-1)}`}
                        <span className="ml-1 font-sans text-slate-500">({c.days(f.holidays.length)})</span>
                      </td>
                      <td className="px-2 py-1 font-mono">{f.adjustedWorkdays.join('、') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <DateList title={c.adjustedWorkdays} dates={shown.adjustedWorkdays} testId="preview-workdays" />
          <div>
            <h4 className="font-medium">{c.unparsed}</h4>
            {shown.unparsed.length === 0 ? (
              <p className="text-green-700">{c.noUnparsed}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-red-700" data-testid="preview-unparsed">
                {shown.unparsed.map((u) => (
                  <li key={u.line}>
                    {c.line} {u.line}: <span className="font-mono">{u.text}</span> — {u.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4 className="font-medium">
              {c.changes} <span className="text-slate-500">({c.days(shown.changes.length)})</span>
            </h4>
            {shown.changes.length === 0 ? (
              <p className="text-slate-500">{c.noChanges}</p>
            ) : (
              <div className="mt-1 max-h-64 overflow-auto">
                <table className="w-full text-xs" data-testid="preview-changes">
                  <thead>
                    <tr className="text-left text-slate-500">
                      <th className="px-2 py-1">{c.day}</th>
                      <th className="px-2 py-1">{c.from}</th>
                      <th className="px-2 py-1">{c.to}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.changes.map((ch) => (
                      <tr key={ch.date} className="border-t border-slate-100">
                        <td className="px-2 py-1 font-mono">{ch.date}</td>
                        <td className="px-2 py-1">{c.kinds[ch.from]}</td>
                        <td className="px-2 py-1">{c.kinds[ch.to]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          {shown.unparsed.length > 0 && <p className="text-red-700">{c.unparsedBlock}</p>}
          <button
            type="button"
            disabled={save.isPending || save.isSuccess || shown.unparsed.length > 0}
            onClick={() => save.mutate({ year, text, dryRun: false })}
            className="rounded bg-green-700 px-3 py-1 text-white disabled:opacity-50"
          >
            {c.confirm}
          </button>
          {save.error && (
            <p role="alert" className="text-red-700">
              {save.error.message}
            </p>
          )}
          {save.isSuccess && (
            <p role="status" className="text-green-700" data-testid="notice-saved">
              {c.saved(save.data.year)}
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}
