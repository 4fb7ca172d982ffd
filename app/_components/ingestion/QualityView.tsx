'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { formatInt, formatRate } from '../format';
import { LoadState, Panel } from '../Panel';
import { DataTable, type Column } from '../table/DataTable';
import { useTRPC } from '../TrpcProvider';
import { Chart, type ChartClick } from './Chart';
import { errorCodeAt, errorCodeOption } from './options/errorCodes';
import { useDashboard } from './useDashboard';
import type { RouterOutputs } from '../routerTypes';
import { useChartOption } from '../charts/useChartOption';

type UnitRow = RouterOutputs['ingestion']['kpi']['rows'][number];

/** Quality: rejected rows by error code (drill to the rows), and the quality rate of every unit (drill to rows and batches). */
export function QualityView() {
  const { t, filters, link } = useDashboard();
  const trpc = useTRPC();
  const router = useRouter();
  const codes = useQuery(trpc.ingestion.errorCodes.queryOptions(filters));
  const units = useQuery(trpc.ingestion.kpi.queryOptions({ ...filters, groupBy: 'unit' }));
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const codeName = (code: string) => (t.quality.codes as Record<string, string>)[code] ?? code;

  const chart = useChartOption(codes.data?.codes, t, (errorCodes, m) =>
    errorCodeOption(errorCodes, {
      rows: m.quality.rows,
      records: m.streams.records,
      licenses: m.streams.licenses,
      penalties: m.streams.penalties,
      codeName: (code) => (m.quality.codes as Record<string, string>)[code] ?? code,
    }),
  );
  const period = { from: units.data?.from ?? codes.data?.from, to: units.data?.to ?? codes.data?.to };
  const rejectedLink = (extra: Record<string, string | undefined>) => link('/ingestion/rejected', { ...period, volumeOnly: '1', ...extra });

  // Lowest quality first; units that sent nothing (no rate) last.
  const rows: UnitRow[] = useMemo(
    () =>
      [...(units.data?.rows ?? [])].sort(
        (a, b) => (a.qualityRate ?? 2) - (b.qualityRate ?? 2) || b.rejectedRows - a.rejectedRows || a.key.localeCompare(b.key),
      ),
    [units.data],
  );
  const columns: Array<Column<UnitRow>> = [
    { key: 'unit', header: t.filters.unit, value: (r) => r.name },
    { key: 'district', header: t.filters.district, value: (r) => districtName.get(r.districtCode) ?? r.districtCode },
    { key: 'acceptedRows', header: t.stats.acceptedRows, value: (r) => r.acceptedRows, render: (r) => formatInt(r.acceptedRows), align: 'right' },
    { key: 'rejectedRows', header: t.stats.rejectedRows, value: (r) => r.rejectedRows, render: (r) => formatInt(r.rejectedRows), align: 'right' },
    { key: 'qualityRate', header: t.stats.qualityRate, value: (r) => r.qualityRate, render: (r) => formatRate(r.qualityRate, 2), align: 'right' },
    {
      key: 'drill',
      header: '',
      value: () => null,
      render: (r) =>
        r.rejectedRows > 0 ? (
          <span className="flex gap-2 whitespace-nowrap text-xs">
            <Link className="text-brand-700 underline" href={rejectedLink({ unit: r.key })}>
              {t.quality.viewRejected}
            </Link>
            <Link className="text-brand-700 underline" href={rejectedLink({ unit: r.key, batches: '1' })}>
              {t.quality.viewBatches}
            </Link>
          </span>
        ) : null,
    },
  ];

  const onBar = (p: ChartClick) => {
    const code = codes.data ? errorCodeAt(codes.data.codes, p.dataIndex) : undefined;
    if (code) router.push(rejectedLink({ errorCode: code }));
  };

  return (
    <div className="space-y-4">
      <Panel title={t.quality.errorsTitle} note={t.quality.errorsNote}>
        <LoadState isLoading={codes.isLoading} error={codes.error} onRetry={() => void codes.refetch()} />
        {codes.data && codes.data.codes.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{t.quality.rows}: 0</p>}
        {chart && codes.data && codes.data.codes.length > 0 && (
          <>
            <p className="mb-1 text-sm text-slate-600">
              {t.stats.rejectedRows}: <b className="tabular-nums">{formatInt(codes.data.rejectedRows)}</b>{' '}
              <Link className="ml-2 text-brand-700 underline" href={rejectedLink({})}>
                {t.quality.viewRejected}
              </Link>
            </p>
            <Chart label={t.quality.errorsTitle} option={chart} height={Math.max(200, codes.data.codes.length * 36 + 80)} onClick={onBar} testId="error-code-chart" />
            <ul className="sr-only">
              {codes.data.codes.map((c) => (
                <li key={c.errorCode}>
                  {codeName(c.errorCode)}: {c.rows}
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <Panel title={t.quality.byUnitTitle} note={t.quality.byUnitNote}>
        <LoadState isLoading={units.isLoading} error={units.error} onRetry={() => void units.refetch()} />
        {units.data && (
          <div data-testid="quality-table">
            <p className="mb-1 text-xs text-slate-500">{t.quality.worstFirst}</p>
            <DataTable rows={rows} columns={columns} exportName={`quality-${units.data.from}-${units.data.to}`} />
          </div>
        )}
      </Panel>
    </div>
  );
}
