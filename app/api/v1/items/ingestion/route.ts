import { writeAudit } from '@/server/auth/audit';
import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { csvResponse } from '@/server/http/csvExport';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { allRejectedItems, rejectedItems, rejectedItemsInput } from '@/server/metrics/ingestion/rejectedItems';
import { clientIp } from '@/server/auth/options';

export const dynamic = 'force-dynamic';

/**
 * Items behind the ingestion figures. status=rejected: the quarantine, scoped to the caller.
 * format=csv exports every matching row (audited).
 */
export const GET = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'read');
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const { status = 'rejected', format = 'json', ...rest } = params;
  if (status !== 'rejected') {
    throw new HttpError(400, `status '${status}' is not available yet: use status=rejected`);
  }
  const parsed = rejectedItemsInput.safeParse(rest);
  if (!parsed.success) {
    throw new HttpError(400, `Invalid filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const scope = itemScopeOf(caller);
  const ip = clientIp(req.headers);
  if (format === 'csv') {
    const { cursor: _c, limit: _l, ...filters } = parsed.data;
    return csvResponse(
      'rejected-rows.csv',
      [
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
      ],
      allRejectedItems(scope, filters),
      (count) => writeAudit({ action: 'export', actor: caller, target: 'items/ingestion?status=rejected', filters, rowCount: count, ip }),
    );
  }
  if (format !== 'json') throw new HttpError(400, `format '${format}' is not supported: use json or csv`);
  const page = await rejectedItems(scope, parsed.data);
  await writeAudit({
    action: 'drill_down',
    actor: caller,
    target: 'items/ingestion?status=rejected',
    filters: parsed.data,
    rowCount: page.items.length,
    ip,
  });
  return json(page);
});
