'use client';

import { usePageQuery } from '../usePageQuery';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../I18nProvider';
import { fill, linkWith, readFilters, readGrain, readView } from './filters';

export { fill };

/** Filters and view of the 归集 pages from the URL, with setters that keep everything else in the URL. */
export function useDashboard() {
  const { t } = useI18n();
  const { params, replaceQuery } = usePageQuery();
  const key = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(key)), [key]);
  const view = readView(params);
  const grain = readGrain(params);

  /** Change some URL parameters ('' removes one); changing the district clears a unit of another district. */
  const setParams = useCallback(
    (changes: Record<string, string>) => {
      const next = new URLSearchParams(key);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      replaceQuery(next, { scroll: false });
    },
    [key, replaceQuery],
  );

  const link = useCallback(
    (path: string, extra: Record<string, string | undefined> = {}) => linkWith(path, filters, extra),
    [filters],
  );

  return { t: t.ingestionPage, tc: t.common, filters, view, grain, params, setParams, link };
}
