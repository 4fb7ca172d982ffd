'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

type Href = URLSearchParams | ((pathname: string) => string);

/**
 * The page's query and a way to change it in place: filters live in the URL so a link keeps them, and changing
 * one replaces the history entry instead of adding one per click.
 */
export function usePageQuery() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const replaceQuery = useCallback(
    (next: Href, options?: { scroll?: boolean }) => {
      if (typeof next === 'function') return router.replace(next(pathname), options);
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, options);
    },
    [router, pathname],
  );
  return { params, pathname, replaceQuery };
}
