'use client';

import { Stat } from '../Stat';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { EChart } from '../charts/EChart';
import { recordsByMonthOption } from '../charts/recordsByMonthOption';
import { formatInt, formatRate } from '../format';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';

type DistrictRow = {
  districtCode: string;
  districtName: string;
  units: number;
  accepted: number;
  acceptedRows: number;
  rejectedRows: number;
  qualityRate: number | null;
};


export function OverviewPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const byMonth = useQuery(trpc.overview.recordsByMonth.queryOptions(range));
  const byDistrict = useQuery(trpc.overview.totalsByDistrict.queryOptions(range));

  const setParam = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`);
  };

  const totals = useMemo(() => {
    const rows = byDistrict.data?.rows ?? [];
    const acceptedRows = rows.reduce((s, r) => s + r.acceptedRows, 0);
    const rejectedRows = rows.reduce((s, r) => s + r.rejectedRows, 0);
    return {
      accepted: rows.reduce((s, r) => s + r.accepted, 0),
      units: rows.reduce((s, r) => s + r.units, 0),
      districts: rows.filter((r) => r.accepted > 0).length,
      acceptedRows,
      rejectedRows,
      qualityRate: acceptedRows + rejectedRows === 0 ? null : acceptedRows / (acceptedRows + rejectedRows),
    };
  }, [byDistrict.data]);

  const columns: Array<Column<DistrictRow>> = [
    { key: 'district', header: t.overview.district, value: (r) => r.districtName },
    { key: 'units', header: t.overview.units, value: (r) => r.units, render: (r) => formatInt(r.units), align: 'right' },
    { key: 'accepted', header: t.overview.accepted, value: (r) => r.accepted, render: (r) => formatInt(r.accepted), align: 'right' },
    { key: 'acceptedRows', header: t.overview.acceptedRows, value: (r) => r.acceptedRows, render: (r) => formatInt(r.acceptedRows), align: 'right' },
    { key: 'rejectedRows', header: t.overview.rejectedRows, value: (r) => r.rejectedRows, render: (r) => formatInt(r.rejectedRows), align: 'right' },
    { key: 'qualityRate', header: t.overview.qualityRate, value: (r) => r.qualityRate, render: (r) => formatRate(r.qualityRate, 2), align: 'right' },
  ];

  const period = byDistrict.data ?? byMonth.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold">{t.overview.title}</h1>
        <form className="no-print flex items-center gap-2 text-sm" aria-label={t.common.period} onSubmit={(e) => e.preventDefault()}>
          <span className="text-slate-500">{t.common.period}</span>
          <input
            type="date"
            aria-label="from"
            className="rounded border border-slate-300 px-2 py-1"
            defaultValue={period?.from}
            key={`from-${period?.from}`}
            onChange={(e) => setParam('from', e.target.value)}
          />
          <span>—</span>
          <input
            type="date"
            aria-label="to"
            className="rounded border border-slate-300 px-2 py-1"
            defaultValue={period?.to}
            key={`to-${period?.to}`}
            onChange={(e) => setParam('to', e.target.value)}
          />
        </form>
      </div>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t.overview.acceptedTotal} value={byDistrict.data ? formatInt(totals.accepted) : '…'} testId="stat-accepted" />
        <Stat label={t.overview.qualityRate} value={byDistrict.data ? formatRate(totals.qualityRate, 2) : '…'} testId="stat-quality" />
        <Stat label={t.overview.districtsReporting} value={byDistrict.data ? formatInt(totals.districts) : '…'} testId="stat-districts" />
        <Stat label={t.overview.unitsReporting} value={byDistrict.data ? formatInt(totals.units) : '…'} testId="stat-units" />
      </div>

      <Panel title={t.overview.byMonthTitle} note={t.overview.byMonthNote}>
        <LoadState isLoading={byMonth.isLoading} error={byMonth.error} onRetry={() => void byMonth.refetch()} />
        {byMonth.data && (
          <EChart
            label={t.overview.byMonthTitle}
            option={recordsByMonthOption(byMonth.data.rows, {
              records: t.overview.records,
              licenses: t.overview.licenses,
              penalties: t.overview.penalties,
            })}
          />
        )}
      </Panel>

      <Panel title={t.overview.byDistrictTitle} note={t.overview.byDistrictNote}>
        <LoadState isLoading={byDistrict.isLoading} error={byDistrict.error} onRetry={() => void byDistrict.refetch()} />
        {byDistrict.data && (
          <div data-testid="district-table">
            <DataTable
              rows={byDistrict.data.rows}
              columns={columns}
              exportName={`districts-${byDistrict.data.from}-${byDistrict.data.to}`}
              footer={
                <tfoot>
                  <tr className="font-semibold">
                    <td className="px-2 py-1.5">{t.common.total}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(totals.units)}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(totals.accepted)}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(totals.acceptedRows)}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(totals.rejectedRows)}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{formatRate(totals.qualityRate, 2)}</td>
                  </tr>
                </tfoot>
              }
            />
          </div>
        )}
      </Panel>
    </div>
  );
}
