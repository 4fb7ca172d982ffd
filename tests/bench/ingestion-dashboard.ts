// npm run bench -- ingestion-dashboard [--asOf YYYY-MM-DD] [--runs N]
// Times every 归集 dashboard figure (and the first page of each item list) on the configured ClickHouse
// (CLICKHOUSE_PATH / CLICKHOUSE_URL): seed it first, e.g. `CLICKHOUSE_PATH=/tmp/demo npm run seed -- --scale 1`.
// Prints the median of N runs per figure; never asserts on time. Applies pending migrations (007's rollup).
import { parseArgs } from 'node:util';
import { closeClickHouse } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { acceptedItems } from '@/server/metrics/ingestion/acceptedItems';
import { unitBaseline, volumeAnomalies } from '@/server/metrics/ingestion/anomalies';
import { batchItems, batchItemsInput } from '@/server/metrics/ingestion/batchItems';
import { resolveFilters } from '@/server/metrics/ingestion/filters';
import { missingItems } from '@/server/metrics/ingestion/items';
import { ingestionKpi } from '@/server/metrics/ingestion/kpi';
import { submissionsByUnit } from '@/server/metrics/ingestion/missing';
import { rejectedByErrorCode } from '@/server/metrics/ingestion/quality';
import { rejectedItems, rejectedItemsInput } from '@/server/metrics/ingestion/rejectedItems';
import { volumeHeatmap, volumeSeries } from '@/server/metrics/ingestion/volume';
import { today } from '@/server/clock';

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { asOf: { type: 'string' }, runs: { type: 'string' } } });
  const runs = Number(values.runs ?? 5);
  await migrate();
  const asOf = values.asOf ?? today();
  const ytd = resolveFilters({ asOf });
  const year = resolveFilters({ asOf, from: `${Number(asOf.slice(0, 4)) - 1}-${asOf.slice(5)}` });
  const all = { kind: 'all' } as const;
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['kpi groupBy=unit (year to date)', () => ingestionKpi(ytd, 'unit')],
    ['kpi groupBy=district', () => ingestionKpi(ytd, 'district')],
    ['kpi groupBy=catalog', () => ingestionKpi(ytd, 'catalog')],
    ['kpi groupBy=month (12 months)', () => ingestionKpi(year, 'month')],
    ['volume by day (12 months)', () => volumeSeries(year, 'day')],
    ['volume by week (year to date)', () => volumeSeries(ytd, 'week')],
    ['heatmap unit × catalog', () => volumeHeatmap(ytd)],
    ['rejected by error code', () => rejectedByErrorCode(ytd)],
    ['missing submissions per unit + last receipt', () => submissionsByUnit(ytd)],
    ['volume anomalies (all units, year to date)', () => volumeAnomalies(ytd)],
    ['baseline chart of one unit', () => unitBaseline(ytd, 'D990103-01')],
    ['items: accepted, first page', () => acceptedItems(all, ytd, { limit: 100 })],
    ['items: accepted, one unit', () => acceptedItems(all, { ...ytd, unit: 'D990103-01' }, { limit: 100 })],
    ['items: rejected, first page', () => rejectedItems(all, rejectedItemsInput.parse({ volumeOnly: true }))],
    ['items: missing, first page', () => missingItems(all, ytd, { limit: 100 })],
    ['items: batches with rejections', () => batchItems(all, batchItemsInput.parse({}))],
  ];
  console.log(`asOf ${asOf}, median of ${runs} runs (ms)`);
  for (const [name, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(48)} ${times[times.length >> 1]!.toFixed(0).padStart(6)}   (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)})`);
  }
  await closeClickHouse();
}
