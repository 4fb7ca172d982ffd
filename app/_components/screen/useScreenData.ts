'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ScreenFigures } from './types';

/** A GET of the screen's API with the display key as a bearer token when there is one (else the session cookie). */
async function getJson<T>(path: string, screenKey: string | null): Promise<T> {
  const res = await fetch(path, { headers: screenKey ? { authorization: `Bearer ${screenKey}` } : {}, cache: 'no-cache' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

/**
 * The screen's figures, refetched every `refreshSeconds`; the previous answer stays on screen while a refetch runs
 * and when it fails (the page shows it as stale). The browser revalidates with the ETag, so an unchanged minute is a 304.
 */
export function useScreenFigures(screenKey: string | null, refreshSeconds: number) {
  return useQuery({
    queryKey: ['screen', 'figures', screenKey],
    queryFn: () => getJson<ScreenFigures>('/api/v1/screen', screenKey),
    refetchInterval: refreshSeconds * 1000,
    refetchIntervalInBackground: true,
    staleTime: 0,
    retry: 1,
    placeholderData: keepPreviousData,
  });
}

/** The district map, once per page load (never refetched by the minute refresh). */
export function useDistrictMap(screenKey: string | null) {
  return useQuery({
    queryKey: ['screen', 'map', screenKey],
    queryFn: () => getJson<object>('/api/v1/screen/map', screenKey),
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
