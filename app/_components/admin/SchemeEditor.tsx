'use client';

import type { Indicator, Method } from '@/shared/assessmentScheme';
import { METHODS_BY_METRIC, METRICS } from '@/shared/assessmentScheme';
import { useI18n } from '../I18nProvider';
import { maximaTotal, methodForMetric, methodOf, newIndicator } from './schemeDraft';

const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
const cell = 'rounded border px-1 py-0.5';

/** The editable table of a scheme's indicators; also used by what-if panels. Controlled: `onChange` gets a new list. */
export function SchemeEditor({ indicators, onChange }: { indicators: Indicator[]; onChange: (next: Indicator[]) => void }) {
  const { t } = useI18n();
  const a = t.assessmentAdmin;
  const set = (i: number, patch: Partial<Indicator>) => onChange(indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setMethod = (i: number, method: Method) => set(i, { method });
  const total = maximaTotal(indicators);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="px-1 py-1">{a.code}</th>
            <th className="px-1 py-1">{a.name}</th>
            <th className="px-1 py-1">{a.metric}</th>
            <th className="px-1 py-1 text-right">{a.maxPoints}</th>
            <th className="px-1 py-1">{a.method}</th>
            <th className="px-1 py-1">{a.params}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind, i) => (
            <tr key={i} className="border-b border-slate-100 align-top">
              <td className="px-1 py-1">
                <input aria-label={`${a.code} ${i + 1}`} value={ind.code} onChange={(e) => set(i, { code: e.target.value.toUpperCase() })} className={`${cell} w-32 font-mono`} />
              </td>
              <td className="px-1 py-1">
                <input aria-label={`${a.name} ${ind.code}`} value={ind.name} onChange={(e) => set(i, { name: e.target.value })} className={`${cell} w-40`} />
              </td>
              <td className="px-1 py-1">
                <select
                  aria-label={`${a.metric} ${ind.code}`}
                  value={ind.metric}
                  onChange={(e) => {
                    const metric = e.target.value as Indicator['metric'];
                    set(i, { metric, method: methodForMetric(metric, ind.method) });
                  }}
                  className={cell}
                >
                  {METRICS.map((m) => (
                    <option key={m} value={m}>
                      {a.metrics[m]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-1 py-1 text-right">
                <input
                  aria-label={`${a.maxPoints} ${ind.code}`}
                  type="number"
                  min={0}
                  max={100}
                  step={0.5}
                  value={Number.isNaN(ind.maxPoints) ? '' : ind.maxPoints}
                  onChange={(e) => set(i, { maxPoints: num(e.target.value) })}
                  className={`${cell} w-20 text-right`}
                />
              </td>
              <td className="px-1 py-1">
                <select
                  aria-label={`${a.method} ${ind.code}`}
                  value={ind.method.kind}
                  onChange={(e) => setMethod(i, methodOf(e.target.value as Method['kind']))}
                  className={cell}
                >
                  {METHODS_BY_METRIC[ind.metric].map((k) => (
                    <option key={k} value={k}>
                      {a.methods[k]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-1 py-1">
                <MethodParams method={ind.method} code={ind.code} onChange={(m) => setMethod(i, m)} />
              </td>
              <td className="px-1 py-1">
                <button type="button" onClick={() => onChange(indicators.filter((_, j) => j !== i))} className="text-red-700 underline">
                  {a.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3} className="px-1 py-1">
              <button type="button" onClick={() => onChange([...indicators, newIndicator(indicators)])} className="underline">
                {a.add}
              </button>
            </td>
            <td className={`px-1 py-1 text-right font-semibold ${total === 100 ? '' : 'text-amber-700'}`} aria-label={a.total}>
              {a.total} {total}
            </td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function MethodParams({ method, code, onChange }: { method: Method; code: string; onChange: (m: Method) => void }) {
  const { t } = useI18n();
  const a = t.assessmentAdmin;
  const pct = (v: number) => (Number.isNaN(v) ? '' : Math.round(v * 10000) / 100);
  switch (method.kind) {
    case 'rate':
      return (
        <label className="flex items-center gap-1">
          {a.whenUndefined}
          <select aria-label={`${a.whenUndefined} ${code}`} value={method.whenUndefined} onChange={(e) => onChange({ ...method, whenUndefined: e.target.value as 'full' | 'zero' })} className={cell}>
            <option value="full">{a.full}</option>
            <option value="zero">{a.zero}</option>
          </select>
        </label>
      );
    case 'threshold':
      return (
        <span className="flex items-center gap-1">
          {a.lo}
          <input aria-label={`${a.lo} ${code}`} type="number" step={1} min={0} max={100} value={pct(method.lo)} onChange={(e) => onChange({ ...method, lo: num(e.target.value) / 100 })} className={`${cell} w-16 text-right`} />%
          {a.hi}
          <input aria-label={`${a.hi} ${code}`} type="number" step={1} min={0} max={100} value={pct(method.hi)} onChange={(e) => onChange({ ...method, hi: num(e.target.value) / 100 })} className={`${cell} w-16 text-right`} />%
        </span>
      );
    case 'deduction':
      return (
        <label className="flex items-center gap-1">
          {a.perItem}
          <input aria-label={`${a.perItem} ${code}`} type="number" step={0.1} min={0} value={Number.isNaN(method.perItem) ? '' : method.perItem} onChange={(e) => onChange({ ...method, perItem: num(e.target.value) })} className={`${cell} w-16 text-right`} />
        </label>
      );
    case 'manual':
      return (
        <label className="flex items-center gap-1">
          {a.defaultScore}
          <input
            aria-label={`${a.defaultScore} ${code}`}
            type="number"
            step={0.5}
            min={0}
            placeholder={a.none}
            value={method.defaultScore ?? ''}
            onChange={(e) => onChange({ ...method, defaultScore: e.target.value.trim() === '' ? null : Number(e.target.value) })}
            className={`${cell} w-20 text-right`}
          />
        </label>
      );
    case 'target':
      return <span className="text-slate-400">—</span>;
  }
}
