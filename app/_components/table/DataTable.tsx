'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../I18nProvider';
import { compareValues, downloadCsv, toCsv } from './csv';
import { Table, type TableColumn } from './Table';

export type Column<T> = {
  key: string;
  header: string;
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  align?: 'left' | 'right';
};

/** A sortable table (click a header) with CSV export of exactly what it shows. */
export function DataTable<T>({
  rows,
  columns,
  exportName,
  footer,
}: {
  rows: readonly T[];
  columns: ReadonlyArray<Column<T>>;
  exportName: string;
  footer?: ReactNode;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col) return rows;
    return [...rows].sort((a, b) => sort.dir * compareValues(col.value(a), col.value(b)));
  }, [rows, columns, sort]);

  const exportCsv = () => {
    const csv = toCsv(
      columns.map((c) => c.header),
      sorted.map((r) => columns.map((c) => c.value(r))),
    );
    downloadCsv(`${exportName}.csv`, csv);
  };

  const tableColumns = columns.map((c): TableColumn<T> => {
    const active = sort?.key === c.key;
    return {
      key: c.key,
      align: c.align,
      className: c.align === 'right' ? 'tabular-nums' : undefined,
      sort: active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none',
      header: (
        <button type="button" className="hover:text-slate-900" onClick={() => setSort({ key: c.key, dir: active && sort.dir === -1 ? 1 : -1 })}>
          {c.header}
          {active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
        </button>
      ),
      cell: (row) => (c.render ? c.render(row) : c.value(row)),
    };
  });

  if (rows.length === 0) return <Table rows={rows} columns={tableColumns} rowKey={(_, i) => i} empty={t.common.empty} />;
  return (
    <div>
      <div className="no-print mb-2 flex justify-end">
        <button type="button" onClick={exportCsv} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
          {t.common.exportCsv}
        </button>
      </div>
      <Table rows={sorted} columns={tableColumns} rowKey={(_, i) => i} density="roomy" rowClassName="hover:bg-slate-50" scroll footer={footer} />
    </div>
  );
}
