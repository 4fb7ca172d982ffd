'use client';

import { usePageQuery } from '../usePageQuery';
import { useCallback, useMemo } from 'react';
import { codeOptions, Select, valueOptions } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { KINDS, keyFor, kindOf, lastMonthOf, LEVEL_KEYS, periodLabel, periodOptions, readRankingParams, withParams, type RankingParams } from './periodKeys';

const OPTION_COUNT = { month: 24, quarter: 8, year: 3, rolling12: 24 } as const;

/** The ranking filters of the URL with a setter that replaces the URL (shareable, the back button works). */
export function useRankingParams(defaultMonth: string) {
  const { params, replaceQuery } = usePageQuery();
  const key = params.toString();
  const filters = useMemo(() => readRankingParams(new URLSearchParams(key), defaultMonth), [key, defaultMonth]);
  const set = useCallback(
    (next: RankingParams) => replaceQuery((path) => withParams(path, next), { scroll: false }),
    [replaceQuery],
  );
  return { filters, set };
}

/**
 * Level, period type and period (and the district of the units, client-side); `currentMonth` is today's month, so the
 * running period is offered and marked.
 */
export function AssessmentFilters({
  value,
  onChange,
  currentMonth,
  districts,
  fixedLevel,
}: {
  value: RankingParams;
  onChange: (next: RankingParams) => void;
  currentMonth: string;
  districts?: ReadonlyArray<{ code: string; name: string }>;
  fixedLevel?: boolean;
}) {
  const { t, locale } = useI18n();
  const a = t.assessmentPage;
  const kind = kindOf(value.period);
  const options = periodOptions(kind, currentMonth, OPTION_COUNT[kind]);
  if (!options.includes(value.period)) options.push(value.period);
  const select = 'rounded border border-slate-300 bg-white px-1 py-0.5';
  return (
    <div className="no-print flex flex-wrap items-center gap-2 text-sm">
      {!fixedLevel && (
        <label>
          {a.level}{' '}
          <Select
            label={a.level}
            options={valueOptions(LEVEL_KEYS, (l) => a.levels[l])}
            className={select}
            value={value.level}
            onChange={(v) => onChange({ level: v === 'unit' ? 'unit' : 'district', period: value.period })}
          />
        </label>
      )}
      <label>
        {a.periodKind}{' '}
        <Select
          label={a.periodKind}
          options={valueOptions(KINDS, (k) => a.kinds[k])}
          className={select}
          value={kind}
          onChange={(v) => {
            const next = KINDS.find((k) => k === v) ?? 'month';
            // Keep the position in time: the new kind's period containing the current period's last month.
            const month = lastMonthOf(value.period);
            onChange({ ...value, period: keyFor(next, month > currentMonth ? currentMonth : month) });
          }}
        />
      </label>
      <label>
        {a.period}{' '}
        <select aria-label={a.period} className={select} value={value.period} onChange={(e) => onChange({ ...value, period: e.target.value })}>
          {options.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, locale)}
              {lastMonthOf(p) >= currentMonth ? a.running : ''}
            </option>
          ))}
        </select>
      </label>
      {value.level === 'unit' && districts && (
        <label>
          {a.districtFilter}{' '}
          <Select
            label={a.districtFilter}
            all={a.allDistricts}
            options={codeOptions(districts)}
            className={select}
            value={value.district ?? ''}
            onChange={(v) => onChange({ ...value, district: v || undefined })}
          />
        </label>
      )}
    </div>
  );
}
