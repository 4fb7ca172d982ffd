import { z } from 'zod';
import { acceptedItems, acceptedItemsInput, allAcceptedItems, type AcceptedItem } from '../metrics/ingestion/acceptedItems';
import { unitBaseline, volumeAnomalies, type AnomalyItem } from '../metrics/ingestion/anomalies';
import { batchItems, batchItemsInput, type BatchItem } from '../metrics/ingestion/batchItems';
import { resolveFilters, withFilters, type DashboardFilterInput, type Filters } from '../metrics/ingestion/filters';
import { anomalyItems, anomalyItemsInput, missingItems, missingItemsInput } from '../metrics/ingestion/items';
import { ingestionKpi, ingestionKpiRequest, toApiRow } from '../metrics/ingestion/kpi';
import { submissionsByUnit, type MissingWindow } from '../metrics/ingestion/missing';
import { defaultGrain, GRAINS } from '../metrics/ingestion/periods';
import { rejectedByErrorCode } from '../metrics/ingestion/quality';
import { allRejectedItems, rejectedItems, rejectedItemsInput, type RejectedItem } from '../metrics/ingestion/rejectedItems';
import { volumeHeatmap, volumeSeries } from '../metrics/ingestion/volume';
import { everyItem } from '../metrics/cursor';
import { BATCH_STATUS_ZH } from '../../shared/batchStatus';
import { DEPENDS_ON } from './answerCache';
import { defineEndpoint } from './define';

/**
 * 归集 (ingestion, design.md §5–§6). Figures are city-wide for every caller; the items behind them apply the caller's
 * scope in SQL. Every figure's answer starts with its resolved filters (from, to, asOf and the codes).
 */
const FIGURES = '/api/v1/kpi/ingestion';

export const ingestionKpiEndpoint = defineEndpoint({
  name: 'ingestion.kpi',
  summary: '归集 accepted volume (distinct keys), rows as received, quality rate, annual target, completion, projection and on-track per unit, district, catalog item or month',
  input: ingestionKpiRequest,
  run: (input) => ingestionKpi(resolveFilters(input), input.groupBy),
  cache: DEPENDS_ON.ingestion,
  rest: {
    path: FIGURES,
    returns: '{ from, to, asOf, groupBy, rows, total }',
    // Exactly the fields of design.md §6: the dashboard's extra columns stay out of the public API.
    answer: (a) => ({ from: a.from, to: a.to, asOf: a.asOf, groupBy: a.groupBy, rows: a.rows.map(toApiRow), total: toApiRow(a.total) }),
  },
});

/**
 * A 归集 figure: the filters (and `extra` parameters), resolved, then what `compute` gives for them; the answer starts
 * with the resolved filters.
 */
function filtersFigure<Extra extends z.ZodRawShape, T extends object>(e: {
  name: string;
  summary: string;
  path: string;
  returns: string;
  extra: Extra;
  compute: (f: Filters, input: z.output<z.ZodObject<Extra>>) => Promise<T>;
}) {
  return defineEndpoint({
    name: e.name,
    summary: e.summary,
    input: withFilters(e.extra),
    cache: DEPENDS_ON.ingestion,
    run: async (input) => {
      // Generic over `extra`, the schema's output type is not narrowed: it is the filters and the extra parameters.
      const f = resolveFilters(input as DashboardFilterInput);
      return { ...f, ...(await e.compute(f, input as z.output<z.ZodObject<Extra>>)) };
    },
    rest: { path: `${FIGURES}/${e.path}`, returns: `{ from, to, asOf, ${e.returns} }` },
  });
}

export const ingestionVolumeEndpoint = filtersFigure({
  name: 'ingestion.volume',
  summary: '归集 volume over time (grain day|week|month, default by the period\'s length)',
  path: 'volume',
  returns: 'district, unit, catalog, grain, points',
  extra: { grain: z.enum(GRAINS).optional() },
  compute: (f, input) => volumeSeries(f, input.grain ?? defaultGrain(f.from, f.to)),
});

export const ingestionHeatmapEndpoint = filtersFigure({
  name: 'ingestion.heatmap',
  summary: '归集 volume by unit and day',
  path: 'heatmap',
  returns: 'district, unit, catalog, units, catalog, cells: [unit index, catalog index, accepted, expected]',
  extra: {},
  compute: (f) => volumeHeatmap(f),
});

export const ingestionErrorCodesEndpoint = filtersFigure({
  name: 'ingestion.errorCodes',
  summary: '归集 rejected rows by error code',
  path: 'error-codes',
  returns: 'district, unit, catalog, rejectedRows, codes',
  extra: {},
  compute: (f) => rejectedByErrorCode(f),
});

export const ingestionSubmissionsEndpoint = filtersFigure({
  name: 'ingestion.submissions',
  summary: '归集 missing submission windows and last receipt per unit (counts; the windows are items: status=missing)',
  path: 'submissions',
  returns: 'district, unit, catalog, last, rows, totals: { expected, missing }',
  extra: {},
  compute: (f) => submissionsByUnit(f),
});

export const ingestionAnomaliesEndpoint = filtersFigure({
  name: 'ingestion.anomalies',
  summary: '归集 units with days far below their baseline (counts; the unit-days are items: status=anomaly)',
  path: 'anomalies',
  returns: 'district, unit, catalog, last, params, units, anomalousDays',
  extra: {},
  compute: async (f) => {
    const { items, ...rest } = await volumeAnomalies(f);
    return { ...rest, anomalousDays: items.length };
  },
});

export const ingestionUnitBaselineEndpoint = filtersFigure({
  name: 'ingestion.unitBaseline',
  summary: '归集 one unit\'s daily volume and its baseline band (daily counts, no item detail)',
  path: 'baseline',
  returns: 'unitCode, unitName, last, points',
  extra: { unitCode: z.string().min(1).max(40) },
  compute: (f, input) => unitBaseline(f, input.unitCode),
});

// The items: one path, GET /api/v1/items/ingestion?status=…, five lists.
const ITEMS = '/api/v1/items/ingestion';
const itemsAudit = (status: string) => ({ target: () => `items/ingestion?status=${status}`, rowCount: (page: { items: unknown[] }) => page.items.length });
/** Lists computed whole (missing windows, anomalous days) are exported whole. */
const EVERYTHING = Number.MAX_SAFE_INTEGER;

export const rejectedItemsEndpoint = defineEndpoint({
  name: 'ingestion.rejectedItems',
  summary: 'The quarantine: rejected rows with their errors and the raw row as sent',
  input: rejectedItemsInput,
  run: (input, ctx) => rejectedItems(ctx.scope, input),
  audit: itemsAudit('rejected'),
  rest: { path: ITEMS, when: { param: 'status', value: 'rejected', isDefault: true }, returns: '{ items, nextCursor }' },
  exports: {
    file: () => 'rejected-rows',
    sheet: '被拒数据',
    columns: [
      { header: '接收时间', value: (r: RejectedItem) => r.receivedAt, width: 20 },
      { header: '数据类型', value: (r) => r.stream, width: 12 },
      { header: '单位代码', value: (r) => r.unitCode, width: 12 },
      { header: '单位', value: (r) => r.unitName, width: 22 },
      { header: '区县代码', value: (r) => r.districtCode, width: 10 },
      { header: '批次', value: (r) => r.batchId, width: 36 },
      { header: '行号', value: (r) => r.rowNo, width: 8 },
      { header: '错误代码', value: (r) => r.errorCodes, width: 20 },
      { header: '错误说明', value: (r) => r.errors, width: 40 },
      { header: '原始数据', value: (r) => r.raw, width: 60 },
    ],
    rows: (ctx, filters) => allRejectedItems(ctx.scope, filters),
  },
});

export const acceptedItemsEndpoint = defineEndpoint({
  name: 'ingestion.acceptedItems',
  summary: 'The distinct keys behind a volume figure',
  input: acceptedItemsInput,
  run: (input, ctx) => acceptedItems(ctx.scope, resolveFilters(input), input),
  audit: itemsAudit('accepted'),
  rest: { path: ITEMS, when: { param: 'status', value: 'accepted' }, returns: '{ items, nextCursor }' },
  exports: {
    file: () => 'accepted-items',
    sheet: '归集明细',
    columns: [
      { header: '首次接收时间', value: (r: AcceptedItem) => r.firstReceivedAt, width: 20 },
      { header: '最近接收时间', value: (r) => r.receivedAt, width: 20 },
      { header: '数据类型', value: (r) => r.stream, width: 12 },
      { header: '目录编码', value: (r) => r.catalogCode, width: 10 },
      { header: '单位代码', value: (r) => r.unitCode, width: 12 },
      { header: '单位', value: (r) => r.unitName, width: 22 },
      { header: '区县代码', value: (r) => r.districtCode, width: 10 },
      { header: '主键', value: (r) => r.key, width: 30 },
      { header: '主体类型', value: (r) => r.subjectType, width: 10 },
      { header: '主体名称', value: (r) => r.subjectName, width: 26 },
      { header: '主体代码', value: (r) => r.subjectCode, width: 20 },
      { header: '业务日期', value: (r) => r.itemDate, width: 12 },
      { header: '事项', value: (r) => r.title, width: 30 },
      { header: '批次', value: (r) => r.batchId, width: 36 },
      { header: '行号', value: (r) => r.rowNo, width: 8 },
    ],
    rows: (ctx, filters) => allAcceptedItems(ctx.scope, resolveFilters(filters), filters.stream),
  },
});

export const missingItemsEndpoint = defineEndpoint({
  name: 'ingestion.missingItems',
  summary: 'Unit, catalog item and window with nothing received (frequency filter optional)',
  input: missingItemsInput,
  run: (input, ctx) => missingItems(ctx.scope, resolveFilters(input), input),
  audit: itemsAudit('missing'),
  rest: { path: ITEMS, when: { param: 'status', value: 'missing' }, returns: '{ items, nextCursor, total }' },
  exports: {
    file: () => 'missing-submissions',
    sheet: '未按期报送',
    columns: [
      { header: '单位代码', value: (r: MissingWindow) => r.unitCode, width: 12 },
      { header: '单位', value: (r) => r.unitName, width: 22 },
      { header: '区县代码', value: (r) => r.districtCode, width: 10 },
      { header: '目录编码', value: (r) => r.catalogCode, width: 10 },
      { header: '目录', value: (r) => r.catalogName, width: 22 },
      { header: '更新频率', value: (r) => r.frequency, width: 10 },
      { header: '应报开始', value: (r) => r.windowStart, width: 12 },
      { header: '应报结束', value: (r) => r.windowEnd, width: 12 },
      { header: '该目录最近接收日', value: (r) => r.lastReceivedDay, width: 14 },
    ],
    rows: async (ctx, filters) => (await missingItems(ctx.scope, resolveFilters(filters), { ...filters, limit: EVERYTHING })).items,
  },
});

export const anomalyItemsEndpoint = defineEndpoint({
  name: 'ingestion.anomalyItems',
  summary: 'Unit-days far below their baseline',
  input: anomalyItemsInput,
  run: (input, ctx) => anomalyItems(ctx.scope, resolveFilters(input), input),
  audit: itemsAudit('anomaly'),
  rest: { path: ITEMS, when: { param: 'status', value: 'anomaly' }, returns: '{ items, nextCursor, total }' },
  exports: {
    file: () => 'volume-anomalies',
    sheet: '归集量异常',
    columns: [
      { header: '日期', value: (r: AnomalyItem) => r.date, width: 12 },
      { header: '单位代码', value: (r) => r.unitCode, width: 12 },
      { header: '单位', value: (r) => r.unitName, width: 22 },
      { header: '区县代码', value: (r) => r.districtCode, width: 10 },
      { header: '归集量', value: (r) => r.value, width: 10 },
      { header: '基线', value: (r) => r.expected.toFixed(1), width: 10 },
      { header: '基线下限', value: (r) => r.lower.toFixed(1), width: 10 },
      { header: '基线上限', value: (r) => r.upper.toFixed(1), width: 10 },
      { header: '稳健Z值', value: (r) => r.z.toFixed(2), width: 10 },
    ],
    rows: async (ctx, filters) => (await anomalyItems(ctx.scope, resolveFilters(filters), { limit: EVERYTHING })).items,
  },
});

export const batchItemsEndpoint = defineEndpoint({
  name: 'ingestion.batchItems',
  summary: 'Submission batches (by default those with rejected rows)',
  input: batchItemsInput,
  run: (input, ctx) => batchItems(ctx.scope, input),
  audit: itemsAudit('batches'),
  rest: { path: ITEMS, when: { param: 'status', value: 'batches' }, returns: '{ items, nextCursor }' },
  exports: {
    file: () => 'batches',
    sheet: '报送批次',
    columns: [
      { header: '接收时间', value: (r: BatchItem) => r.receivedAt, width: 20 },
      { header: '批次', value: (r) => r.batchId, width: 36 },
      { header: '数据类型', value: (r) => r.stream, width: 12 },
      { header: '单位代码', value: (r) => r.unitCode, width: 12 },
      { header: '单位', value: (r) => r.unitName, width: 22 },
      { header: '区县代码', value: (r) => r.districtCode, width: 10 },
      { header: '总行数', value: (r) => r.rowsTotal, width: 8 },
      { header: '通过', value: (r) => r.accepted, width: 8 },
      { header: '被拒', value: (r) => r.rejected, width: 8 },
      { header: '状态', value: (r) => BATCH_STATUS_ZH[r.status] ?? r.status, width: 10 },
    ],
    rows: (ctx, filters) => everyItem((cursor) => batchItems(ctx.scope, { ...filters, cursor, limit: 1000 })),
  },
});
