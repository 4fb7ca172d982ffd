import type { HTMLAttributes, ReactNode, TableHTMLAttributes } from 'react';

/** One column of a table: its header and how a row fills its cell. */
export type TableColumn<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** Extra classes of the column's cells (not its header). */
  className?: string;
  /** The header's aria-sort, for sortable tables. */
  sort?: 'ascending' | 'descending' | 'none';
};

/** How much room the cells get: compact (editors, side lists), normal (admin lists), roomy (data tables). */
export type Density = 'compact' | 'normal' | 'roomy';

const HEAD_ROW: Record<Density, string> = {
  compact: 'border-b text-left text-slate-500',
  normal: 'border-b text-left text-slate-500',
  roomy: 'border-b border-slate-200 text-left text-slate-500',
};
const TH: Record<Density, string> = { compact: 'px-1 py-1', normal: 'px-2 py-1', roomy: 'px-2 py-2 font-medium' };
const TD: Record<Density, string> = { compact: 'px-1 py-1', normal: 'px-2 py-1', roomy: 'px-2 py-1.5' };

const classes = (...parts: Array<string | false | undefined>) => parts.filter(Boolean).join(' ');

type TableProps<T> = Omit<TableHTMLAttributes<HTMLTableElement>, 'children'> & {
  rows: readonly T[];
  columns: ReadonlyArray<TableColumn<T>>;
  rowKey: (row: T, index: number) => string | number;
  /** Extra attributes of a body row (data-* for tests and styling). */
  rowAttrs?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** Extra classes of every body row, e.g. align-top. */
  rowClassName?: string;
  density?: Density;
  /** Shown instead of the table when there are no rows; without it an empty table (headers only) is shown. */
  empty?: ReactNode;
  /** Wrap in a horizontally scrolling box (wide tables on narrow screens). */
  scroll?: boolean;
  /** Without a header row (a plain list). */
  headless?: boolean;
  footer?: ReactNode;
};

/** The one table markup of the UI: columns as data, a header row, one body row per item, an optional empty note. */
export function Table<T>({
  rows,
  columns,
  rowKey,
  rowAttrs,
  rowClassName,
  density = 'normal',
  empty,
  scroll,
  headless,
  footer,
  className = 'w-full text-sm',
  ...attrs
}: TableProps<T>) {
  if (rows.length === 0 && empty !== undefined) return <p className="py-8 text-center text-sm text-slate-500">{empty}</p>;
  const right = (c: TableColumn<T>) => c.align === 'right' && 'text-right';
  const table = (
    <table className={className} {...attrs}>
      {!headless && (
        <thead>
          <tr className={HEAD_ROW[density]}>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={c.sort} className={classes(TH[density], right(c))}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={classes('border-b border-slate-100', rowClassName)} {...rowAttrs?.(row)}>
            {columns.map((c) => (
              <td key={c.key} className={classes(TD[density], right(c), c.className)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {footer}
    </table>
  );
  return scroll ? <div className="overflow-x-auto">{table}</div> : table;
}
