import type { ReactNode } from 'react';

export type Option = { value: string; label: ReactNode };

/** Reference rows (districts, units, measures, …) as options: the code is the value, `label` what is shown. */
export function codeOptions<R extends { code: string; name: string }>(rows: readonly R[] | undefined, label: (row: R) => ReactNode = (r) => r.name): Option[] {
  return (rows ?? []).map((r) => ({ value: r.code, label: label(r) }));
}

/** Plain values as options, each shown by `label`. */
export function valueOptions<V extends string>(values: readonly V[], label: (value: V) => ReactNode = (v) => v): Option[] {
  return values.map((v) => ({ value: v, label: label(v) }));
}

/**
 * A select of options, with an optional first "all" option (the empty value). Controlled when `value` is given,
 * otherwise a form field read by `name`.
 */
export function Select({
  label,
  options,
  all,
  value,
  onChange,
  name,
  className = 'rounded border px-2 py-1',
}: {
  label: string;
  options: readonly Option[];
  all?: string;
  value?: string;
  onChange?: (value: string) => void;
  name?: string;
  className?: string;
}) {
  return (
    <select aria-label={label} name={name} value={value} onChange={onChange && ((e) => onChange(e.target.value))} className={className}>
      {all !== undefined && <option value="">{all}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
