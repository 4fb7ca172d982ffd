import { writeAudit } from '@/server/auth/audit';
import { clientIp } from '@/server/http/proxyTrust';
import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { csvResponse } from '@/server/http/csvExport';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { xlsxResponse } from '@/server/http/xlsxExport';
import { describeZh } from '@/server/inspection/describe';
import { KIND_LABEL_ZH } from '@/server/inspection/kinds';
import { problemsInput, problemsPage, sortedProblems, type Problem } from '@/server/inspection/problems';

export const dynamic = 'force-dynamic';

/** Export columns (Chinese headers: exports go to people). */
const COLUMNS: ReadonlyArray<{ header: string; value: (p: Problem) => unknown; width?: number }> = [
  { header: '问题类型', value: (p) => KIND_LABEL_ZH[p.kind], width: 12 },
  { header: '区县代码', value: (p) => p.districtCode, width: 10 },
  { header: '区县', value: (p) => p.districtName, width: 10 },
  { header: '单位代码', value: (p) => p.unitCode, width: 12 },
  { header: '单位', value: (p) => p.unitName, width: 22 },
  { header: '事项', value: (p) => p.subject, width: 30 },
  { header: '说明', value: (p) => describeZh(p), width: 60 },
  { header: '日期', value: (p) => p.date, width: 12 },
  { header: '期限', value: (p) => p.deadline, width: 12 },
  { header: '超期工作日', value: (p) => p.workdaysOverdue, width: 10 },
  { header: '可督办', value: (p) => (p.rectifiable ? '是' : '否'), width: 8 },
  { header: '督办通知单', value: (p) => p.notice?.number ?? '', width: 20 },
];

/**
 * GET /api/v1/items/problems: the 督查 list of open problems across the modules, scoped to the caller. Filters
 * kinds (comma-separated), district, unit, from/to (each module's own date), asOf, ageMin/ageMax (working days
 * overdue); sort=age|date|deadline|unit|district|kind, dir=asc|desc; paged by cursor (or offset): `{ items, total,
 * nextCursor, byKind, units }`. format=csv|xlsx exports the whole filtered list, never truncated; the answer carries
 * its row count in `x-total-rows` before the rows stream, so a client can show progress. Every request is audited.
 */
export const GET = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'read');
  const { format = 'json', ...rest } = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = problemsInput.safeParse(rest);
  if (!parsed.success) {
    throw new HttpError(400, `Invalid filter: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  }
  const scope = itemScopeOf(caller);
  const ip = clientIp(req.headers);
  const target = `items/problems?kinds=${(parsed.data.kinds ?? []).join(',') || 'all'}`;
  if (format === 'csv' || format === 'xlsx') {
    const { cursor: _c, limit: _l, offset: _o, ...filters } = parsed.data;
    let list: Problem[];
    try {
      list = await sortedProblems(scope, filters);
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(400, error.message);
      throw error;
    }
    const rows = (async function* () {
      yield* list;
    })();
    const done = (count: number) => writeAudit({ action: 'export', actor: caller, target, filters: { ...filters, format }, rowCount: count, ip });
    const name = `problems-${filters.kinds?.join('_') || 'all'}`;
    const res = format === 'csv' ? csvResponse(`${name}.csv`, COLUMNS, rows, done) : xlsxResponse(`${name}.xlsx`, '督查问题清单', COLUMNS, rows, done);
    res.headers.set('x-total-rows', String(list.length));
    return res;
  }
  if (format !== 'json') throw new HttpError(400, `format '${format}' is not supported: use json, csv or xlsx`);
  let page;
  try {
    page = await problemsPage(scope, parsed.data);
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, error.message);
    throw error;
  }
  await writeAudit({ action: 'drill_down', actor: caller, target, filters: parsed.data, rowCount: page.items.length, ip });
  return json(page);
});
