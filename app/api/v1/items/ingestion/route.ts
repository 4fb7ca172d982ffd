import { zh as zhIngestion } from '@/app/_i18n/areas/ingestion';
import { writeAudit } from '@/server/auth/audit';
import { clientIp } from '@/server/http/proxyTrust';
import { itemScopeOf, type ItemScope, type Principal } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { csvResponse } from '@/server/http/csvExport';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { acceptedItems, acceptedItemsInput, allAcceptedItems, type AcceptedItem } from '@/server/metrics/ingestion/acceptedItems';
import type { AnomalyItem } from '@/server/metrics/ingestion/anomalies';
import { batchItems, batchItemsInput, type BatchItem } from '@/server/metrics/ingestion/batchItems';
import { resolveFilters, type Filters } from '@/server/metrics/ingestion/filters';
import {
  anomalyItems,
  anomalyItemsInput,
  ITEM_STATUSES,
  missingItems,
  missingItemsInput,
  type ItemStatus,
} from '@/server/metrics/ingestion/items';
import type { MissingWindow } from '@/server/metrics/ingestion/missing';
import { allRejectedItems, rejectedItems, rejectedItemsInput, type RejectedItem } from '@/server/metrics/ingestion/rejectedItems';

export const dynamic = 'force-dynamic';

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };

function parse<T>(result: Parsed<T>): T {
  if (!result.success) {
    throw new HttpError(400, `Invalid filter: ${result.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

function filtersOf(input: Parameters<typeof resolveFilters>[0]): Filters {
  try {
    return resolveFilters(input);
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, error.message);
    throw error;
  }
}

type Column<T> = { header: string; value: (row: T) => unknown };

const REJECTED_COLUMNS: Array<Column<RejectedItem>> = [
  { header: '接收时间', value: (r) => r.receivedAt },
  { header: '数据类型', value: (r) => r.stream },
  { header: '单位代码', value: (r) => r.unitCode },
  { header: '单位', value: (r) => r.unitName },
  { header: '区县代码', value: (r) => r.districtCode },
  { header: '批次', value: (r) => r.batchId },
  { header: '行号', value: (r) => r.rowNo },
  { header: '错误代码', value: (r) => r.errorCodes },
  { header: '错误说明', value: (r) => r.errors },
  { header: '原始数据', value: (r) => r.raw },
];

const ACCEPTED_COLUMNS: Array<Column<AcceptedItem>> = [
  { header: '首次接收时间', value: (r) => r.firstReceivedAt },
  { header: '最近接收时间', value: (r) => r.receivedAt },
  { header: '数据类型', value: (r) => r.stream },
  { header: '目录编码', value: (r) => r.catalogCode },
  { header: '单位代码', value: (r) => r.unitCode },
  { header: '单位', value: (r) => r.unitName },
  { header: '区县代码', value: (r) => r.districtCode },
  { header: '主键', value: (r) => r.key },
  { header: '主体类型', value: (r) => r.subjectType },
  { header: '主体名称', value: (r) => r.subjectName },
  { header: '主体代码', value: (r) => r.subjectCode },
  { header: '业务日期', value: (r) => r.itemDate },
  { header: '事项', value: (r) => r.title },
  { header: '批次', value: (r) => r.batchId },
  { header: '行号', value: (r) => r.rowNo },
];

const MISSING_COLUMNS: Array<Column<MissingWindow>> = [
  { header: '单位代码', value: (r) => r.unitCode },
  { header: '单位', value: (r) => r.unitName },
  { header: '区县代码', value: (r) => r.districtCode },
  { header: '目录编码', value: (r) => r.catalogCode },
  { header: '目录', value: (r) => r.catalogName },
  { header: '更新频率', value: (r) => r.frequency },
  { header: '应报开始', value: (r) => r.windowStart },
  { header: '应报结束', value: (r) => r.windowEnd },
  { header: '该目录最近接收日', value: (r) => r.lastReceivedDay },
];

const ANOMALY_COLUMNS: Array<Column<AnomalyItem>> = [
  { header: '日期', value: (r) => r.date },
  { header: '单位代码', value: (r) => r.unitCode },
  { header: '单位', value: (r) => r.unitName },
  { header: '区县代码', value: (r) => r.districtCode },
  { header: '归集量', value: (r) => r.value },
  { header: '基线', value: (r) => r.expected.toFixed(1) },
  { header: '基线下限', value: (r) => r.lower.toFixed(1) },
  { header: '基线上限', value: (r) => r.upper.toFixed(1) },
  { header: '稳健Z值', value: (r) => r.z.toFixed(2) },
];

const BATCH_COLUMNS: Array<Column<BatchItem>> = [
  { header: '接收时间', value: (r) => r.receivedAt },
  { header: '批次', value: (r) => r.batchId },
  { header: '数据类型', value: (r) => r.stream },
  { header: '单位代码', value: (r) => r.unitCode },
  { header: '单位', value: (r) => r.unitName },
  { header: '区县代码', value: (r) => r.districtCode },
  { header: '总行数', value: (r) => r.rowsTotal },
  { header: '通过', value: (r) => r.accepted },
  { header: '被拒', value: (r) => r.rejected },
  { header: '状态', value: (r) => zhIngestion.rejected.batchStatus[r.status] ?? r.status },
];

/** Every item of a computed list (missing, anomaly), page by page. */
async function* allPages<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

type Handler = (ctx: {
  scope: ItemScope;
  params: Record<string, string>;
  csv: boolean;
  done: (filters: unknown, count: number, exported: boolean) => Promise<void>;
}) => Promise<Response>;

function respond<T>(
  csv: boolean,
  name: string,
  columns: Array<Column<T>>,
  filters: unknown,
  done: (filters: unknown, count: number, exported: boolean) => Promise<void>,
  all: () => AsyncIterable<T>,
  first: () => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<Response> | Response {
  if (csv) return csvResponse(name, columns, all(), (count) => done(filters, count, true));
  return first().then(async (page) => {
    await done(filters, page.items.length, false);
    return json(page);
  });
}

const HANDLERS: Record<ItemStatus, Handler> = {
  rejected: async ({ scope, params, csv, done }) => {
    const input = parse(rejectedItemsInput.safeParse(params));
    const { cursor: _c, limit: _l, ...filters } = input;
    return respond(csv, 'rejected-rows.csv', REJECTED_COLUMNS, csv ? filters : input, done,
      () => allRejectedItems(scope, filters), () => rejectedItems(scope, input));
  },
  accepted: async ({ scope, params, csv, done }) => {
    const input = parse(acceptedItemsInput.safeParse(params));
    const f = filtersOf(input);
    return respond(csv, 'accepted-items.csv', ACCEPTED_COLUMNS, input, done,
      () => allAcceptedItems(scope, f, input.stream), () => acceptedItems(scope, f, input));
  },
  missing: async ({ scope, params, csv, done }) => {
    const input = parse(missingItemsInput.safeParse(params));
    const f = filtersOf(input);
    return respond(csv, 'missing-submissions.csv', MISSING_COLUMNS, input, done,
      () => allPages((cursor) => missingItems(scope, f, { ...input, cursor, limit: 1000 })),
      () => missingItems(scope, f, input));
  },
  anomaly: async ({ scope, params, csv, done }) => {
    const input = parse(anomalyItemsInput.safeParse(params));
    const f = filtersOf(input);
    return respond(csv, 'volume-anomalies.csv', ANOMALY_COLUMNS, input, done,
      () => allPages((cursor) => anomalyItems(scope, f, { cursor, limit: 1000 })),
      () => anomalyItems(scope, f, input));
  },
  batches: async ({ scope, params, csv, done }) => {
    const input = parse(batchItemsInput.safeParse(params));
    return respond(csv, 'batches.csv', BATCH_COLUMNS, input, done,
      () => allPages((cursor) => batchItems(scope, { ...input, cursor, limit: 1000 })),
      () => batchItems(scope, input));
  },
};

/**
 * Items behind the 归集 figures, scoped to the caller (a district or unit user sees only its own), paged
 * `{ items, nextCursor }`; format=csv exports every matching item. Every answer and export is audited.
 * status = rejected (default: the quarantine) | accepted (distinct keys behind a volume figure) |
 * missing (unit, catalog item, window with nothing received) | anomaly (unit-days far below their baseline) |
 * batches (submission batches, by default those with rejected rows).
 */
export const GET = restHandler(async (req: Request) => {
  const caller: Principal = await requireCaller(req, 'read');
  const { status = 'rejected', format = 'json', ...params } = Object.fromEntries(new URL(req.url).searchParams);
  if (!(ITEM_STATUSES as readonly string[]).includes(status)) {
    throw new HttpError(400, `status '${status}' is not available: use one of ${ITEM_STATUSES.join(', ')}`);
  }
  if (format !== 'json' && format !== 'csv') throw new HttpError(400, `format '${format}' is not supported: use json or csv`);
  const ip = clientIp(req.headers);
  const target = `items/ingestion?status=${status}`;
  return HANDLERS[status as ItemStatus]({
    scope: itemScopeOf(caller),
    params,
    csv: format === 'csv',
    done: (filters, count, exported) =>
      writeAudit({ action: exported ? 'export' : 'drill_down', actor: caller, target, filters, rowCount: count, ip }),
  });
});
