'use client';

import { useQuery } from '@tanstack/react-query';
import { codeOptions, Select } from '../form/Select';
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
      <Select
        label={t.filters.district}
        all={t.filters.allDistricts}
        options={codeOptions(districts.data)}
        className={select}
        value={filters.district ?? ''}
        onChange={(district) => {
          const unit = units.data?.find((u) => u.code === filters.unit);
          setParams({ district, unit: unit && district && unit.districtCode !== district ? '' : (filters.unit ?? '') });
        }}
      />
      <Select label={t.filters.unit} all={t.filters.allUnits} options={codeOptions(unitOptions)} value={filters.unit ?? ''} onChange={(v) => setParams({ unit: v })} className={select} />
      {showCatalog && (
        <Select
          label={t.filters.catalog}
          all={t.filters.allCatalog}
          options={codeOptions(catalog.data, (c) => `${c.code} ${c.name}`)}
          value={filters.catalog ?? ''}
          onChange={(v) => setParams({ catalog: v })}
          className={select}
        />
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
