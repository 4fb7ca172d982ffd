import { z } from 'zod';
import { writeAudit } from '@/server/auth/audit';
import { shanghaiTimestamp } from '@/server/clock';
import { insertRows } from '@/server/db/query';
import { readJson, requireCaller } from '@/server/http/caller';
import { json, restHandler } from '@/server/http/respond';
import { clearReferenceSets } from '@/server/ingest/referenceSets';

export const dynamic = 'force-dynamic';

const input = z.object({
  code: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, 'code 应为 18 位统一社会信用代码 (18 characters)'),
  note: z.string().trim().min(1, 'note 必填：说明核实情况 (say how it was verified)').max(500),
});

/** Register a unified social credit code that fails the check character but was genuinely issued. */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  const { code, note } = await readJson(req, input);
  await insertRows('known_uscc_exceptions', [{ code, note, created_by: caller.name, created_at: shanghaiTimestamp(), deleted: 0 }]);
  clearReferenceSets();
  await writeAudit({ action: 'admin_change', actor: caller, target: `uscc-exception:${code}`, detail: note });
  return json({ code, note }, { status: 201 });
});
