'use client';
import { useMemo } from 'react';

/**
 * A chart's ECharts option, built once the query's data has arrived and rebuilt only when the data or the
 * messages (the language) change, so a re-render for an unrelated state does not redraw the chart.
 * `build` must read nothing but its two arguments.
 */
export function useChartOption<Data, Messages, Option>(
  data: Data | undefined,
  messages: Messages,
  build: (data: Data, messages: Messages) => Option,
): Option | null {
  // build is left out of the dependencies: it is pure of (data, messages), and callers pass a new arrow each render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (data === undefined ? null : build(data, messages)), [data, messages]);
}
