'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../TrpcProvider';
import { useDashboard } from './useDashboard';

/**
 * Period, district, unit and catalog item filters, kept in the URL. `resolved` is the period the server answered
 * with (its defaults), shown in the date inputs when the URL has none.
 */
export function FilterBar({ resolved, showCatalog = true }: { resolved?: { from: string; to: string }; showCatalog?: boolean }) {
  const { t, filters, setParams } = useDashboard();
  const trpc = useTRPC();
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const catalog = useQuery(trpc.reference.catalog.queryOptions());
  const unitOptions = (units.data ?? []).filter((u) => !filters.district || u.districtCode === filters.district);
  const from = filters.from ?? resolved?.from ?? '';
  const to = filters.to ?? resolved?.to ?? '';
  const select = 'rounded border border-slate-300 bg-white px-2 py-1';
  return (
    <form
      className="no-print flex flex-wrap items-center gap-2 text-sm"
      aria-label={t.filters.label}
      onSubmit={(e) => e.preventDefault()}
      data-testid="ingestion-filters"
    >
      <label className="flex items-center gap-1">
        <span className="text-slate-500">{t.filters.from}</span>
        <input
          type="date"
          aria-label={t.filters.from}
          className={select}
          key={`from-${from}`}
          defaultValue={from}
          onChange={(e) => setParams({ from: e.target.value })}
        />
      </label>
      <label className="flex items-center gap-1">
        <span className="text-slate-500">{t.filters.to}</span>
        <input
          type="date"
          aria-label={t.filters.to}
          className={select}
          key={`to-${to}`}
          defaultValue={to}
          onChange={(e) => setParams({ to: e.target.value })}
        />
      </label>
      {filters.asOf && (
        <span className="rounded bg-amber-50 px-2 py-1 text-amber-800">
          {t.filters.asOf} {filters.asOf}
        </span>
      )}
      <select
        aria-label={t.filters.district}
        className={select}
        value={filters.district ?? ''}
        onChange={(e) => {
          const unit = units.data?.find((u) => u.code === filters.unit);
          setParams({ district: e.target.value, unit: unit && e.target.value && unit.districtCode !== e.target.value ? '' : (filters.unit ?? '') });
        }}
      >
        <option value="">{t.filters.allDistricts}</option>
        {districts.data?.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      <select aria-label={t.filters.unit} className={select} value={filters.unit ?? ''} onChange={(e) => setParams({ unit: e.target.value })}>
        <option value="">{t.filters.allUnits}</option>
        {unitOptions.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </select>
      {showCatalog && (
        <select aria-label={t.filters.catalog} className={select} value={filters.catalog ?? ''} onChange={(e) => setParams({ catalog: e.target.value })}>
          <option value="">{t.filters.allCatalog}</option>
          {catalog.data?.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} {c.name}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
        onClick={() => setParams({ from: '', to: '', asOf: '', district: '', unit: '', catalog: '' })}
      >
        {t.filters.reset}
      </button>
    </form>
  );
}
