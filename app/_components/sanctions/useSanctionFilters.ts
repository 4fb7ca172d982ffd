'use client';

import { usePageQuery } from '../usePageQuery';

type Key = 'from' | 'to' | 'asOf' | 'district' | 'unit' | 'measure' | 'kind';

/** The page's filters live in the URL, so a view can be bookmarked and shared, and links keep them. */
export function useSanctionFilters() {
  const { params, replaceQuery } = usePageQuery();
  const get = (k: Key) => params.get(k) || undefined;
  const kind = get('kind');
  const filters: {
    from?: string;
    to?: string;
    asOf?: string;
    district?: string;
    unit?: string;
    measure?: string;
    kind?: 'punishment' | 'reward';
  } = {
    from: get('from'),
    to: get('to'),
    asOf: get('asOf'),
    district: get('district'),
    unit: get('unit'),
    measure: get('measure'),
    kind: kind === 'punishment' || kind === 'reward' ? kind : undefined,
  };
  const set = (key: Key, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'district') next.delete('unit');
    replaceQuery(next);
  };
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1])).toString();
  return { filters, set, query };
}
