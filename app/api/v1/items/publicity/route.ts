import { writeAudit } from '@/server/auth/audit';
import { clientIp } from '@/server/http/proxyTrust';
import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { csvResponse } from '@/server/http/csvExport';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { xlsxResponse } from '@/server/http/xlsxExport';
import { allPublicityItems, itemsInput, publicityItems, resolveFilter, type PublicityItem } from '@/server/metrics/publicity';

export const dynamic = 'force-dynamic';

const STATUS_LABEL: Record<PublicityItem['status'], string> = {
  on_time: '按时公示',
  late: '超期公示',
  overdue: '逾期未公示',
  pending: '待公示',
};

/** Export columns (Chinese headers: exports go to people). */
const COLUMNS: ReadonlyArray<{ header: string; value: (r: PublicityItem) => unknown; width?: number }> = [
  { header: '类别', value: (r) => (r.kind === 'license' ? '行政许可' : '行政处罚'), width: 10 },
  { header: '决定文书号', value: (r) => r.docNo, width: 32 },
  { header: '单位代码', value: (r) => r.unitCode, width: 12 },
  { header: '单位', value: (r) => r.unitName, width: 22 },
  { header: '区县代码', value: (r) => r.districtCode, width: 10 },
  { header: '区县', value: (r) => r.districtName, width: 10 },
  { header: '决定日期', value: (r) => r.decisionDate, width: 12 },
  { header: '公示期限', value: (r) => r.deadline, width: 12 },
  { header: '公示日期', value: (r) => r.publicationDate, width: 12 },
  { header: '公示用时（工作日）', value: (r) => r.delay, width: 10 },
  { header: '已过工作日（未公示）', value: (r) => r.elapsed, width: 10 },
  { header: '状态', value: (r) => STATUS_LABEL[r.status], width: 12 },
  { header: '临期预警', value: (r) => (r.warning ? '是' : ''), width: 8 },
  { header: '已登记', value: (r) => (r.registered ? '是' : '否'), width: 8 },
  { header: '日历待确认', value: (r) => (r.calendarKnown ? '' : '是'), width: 10 },
];

/**
 * The decisions behind the double-publicity figures, scoped to the caller: status=on_time|late|overdue|pending|warning
 * (one or a comma-separated list), unit, district, kind, from/to (decision dates), asOf, delayMin/delayMax, paged by
 * cursor: `{ items, nextCursor }`. format=csv|xlsx exports every matching item (streamed, never truncated); every
 * request is audited.
 */
export const GET = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'read');
  const { format = 'json', ...rest } = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = itemsInput.safeParse(rest);
  if (!parsed.success) {
    throw new HttpError(400, `Invalid filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  try {
    resolveFilter(parsed.data); // from after to: a client error, before anything streams
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, error.message);
    throw error;
  }
  const scope = itemScopeOf(caller);
  const ip = clientIp(req.headers);
  const target = `items/publicity?status=${(parsed.data.status ?? []).join(',') || 'all'}`;
  if (format === 'csv' || format === 'xlsx') {
    const { cursor: _c, limit: _l, ...filters } = parsed.data;
    const done = (count: number) =>
      writeAudit({ action: 'export', actor: caller, target, filters: { ...filters, format }, rowCount: count, ip });
    const name = `publicity-items-${filters.status?.join('_') || 'all'}`;
    return format === 'csv'
      ? csvResponse(`${name}.csv`, COLUMNS, allPublicityItems(scope, filters), done)
      : xlsxResponse(`${name}.xlsx`, '双公示明细', COLUMNS, allPublicityItems(scope, filters), done);
  }
  if (format !== 'json') throw new HttpError(400, `format '${format}' is not supported: use json, csv or xlsx`);
  const page = await publicityItems(scope, parsed.data);
  await writeAudit({ action: 'drill_down', actor: caller, target, filters: parsed.data, rowCount: page.items.length, ip });
  return json(page);
});
