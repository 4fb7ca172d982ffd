'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../I18nProvider';
import { compareValues, downloadCsv, toCsv } from './csv';

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

  if (rows.length === 0) return <p className="py-8 text-center text-sm text-slate-500">{t.common.empty}</p>;
  return (
    <div>
      <div className="no-print mb-2 flex justify-end">
        <button type="button" onClick={exportCsv} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
          {t.common.exportCsv}
        </button>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-slate-500">
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                    className={`px-2 py-2 font-medium ${c.align === 'right' ? 'text-right' : 'text-left'}`}
                  >
                    <button
                      type="button"
                      className="hover:text-slate-900"
                      onClick={() => setSort({ key: c.key, dir: active && sort.dir === -1 ? 1 : -1 })}
                    >
                      {c.header}
                      {active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, i) => (
              <tr key={i} className="border-b border-slate-100 hover:bg-slate-50">
                {columns.map((c) => (
                  <td key={c.key} className={`px-2 py-1.5 ${c.align === 'right' ? 'text-right tabular-nums' : ''}`}>
                    {c.render ? c.render(row) : c.value(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer}
        </table>
      </div>
    </div>
  );
}
