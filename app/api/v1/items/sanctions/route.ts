import { writeAudit } from '@/server/auth/audit';
import { clientIp } from '@/server/http/proxyTrust';
import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { csvResponse } from '@/server/http/csvExport';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { allSanctionItems, sanctionItems } from '@/server/metrics/sanctions/items';
import { sanctionItemsRequest } from '@/server/metrics/sanctions/request';

export const dynamic = 'force-dynamic';

/** GET /api/v1/items/sanctions?status=overdue&…[&format=csv]: the pushes behind a figure, scoped to the caller. */
export const GET = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'read');
  const { format = 'json', ...query } = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = sanctionItemsRequest.safeParse(query);
  if (!parsed.success) {
    throw new HttpError(400, `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  }
  const scope = itemScopeOf(caller);
  const ip = clientIp(req.headers);
  if (format === 'csv') {
    const { cursor: _c, limit: _l, ...filters } = parsed.data;
    return csvResponse(
      `sanctions-${filters.status ?? 'all'}-${filters.asOf}.csv`,
      [
        { header: '案件编号', value: (r) => r.caseId },
        { header: '措施代码', value: (r) => r.measureCode },
        { header: '响应单位', value: (r) => r.respondingUnit },
        { header: '发起单位', value: (r) => r.initiatingUnit },
        { header: '主体名称', value: (r) => r.subjectName },
        { header: '主体代码', value: (r) => r.subjectCode },
        { header: '推送日期', value: (r) => r.pushedDate },
        { header: '反馈期限', value: (r) => r.dueDate },
        { header: '反馈日期', value: (r) => r.answeredDate },
        { header: '反馈结果', value: (r) => r.result },
        { header: '状态', value: (r) => r.status },
        { header: '逾期工作日', value: (r) => r.workdaysOverdue },
      ],
      allSanctionItems(scope, filters),
      (count) => writeAudit({ action: 'export', actor: caller, target: 'items/sanctions', filters, rowCount: count, ip }),
    );
  }
  if (format !== 'json') throw new HttpError(400, `format '${format}' is not supported: use json or csv`);
  const page = await sanctionItems(scope, parsed.data);
  await writeAudit({ action: 'drill_down', actor: caller, target: 'items/sanctions', filters: parsed.data, rowCount: page.items.length, ip });
  return json(page);
});
