import { z } from 'zod';
import { writeAudit } from '../auth/audit';
import type { Principal } from '../auth/roles';
import { shanghaiTimestamp } from '../clock';
import { insertRows, queryRows } from '../db/query';
import { clearReferenceSets } from './referenceSets';

export const usccExceptionInput = z.object({
  code: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, 'code 应为 18 位统一社会信用代码 (18 characters)'),
  note: z.string().trim().min(1, 'note 必填：说明核实情况 (say how it was verified)').max(500),
});

/** Register a unified social credit code that fails the check character but was genuinely issued (audited). */
export async function registerUsccException(actor: Principal, input: z.infer<typeof usccExceptionInput>) {
  await insertRows('known_uscc_exceptions', [
    { code: input.code, note: input.note, created_by: actor.name, created_at: shanghaiTimestamp(), deleted: 0 },
  ]);
  clearReferenceSets();
  await writeAudit({ action: 'admin_change', actor, target: `uscc-exception:${input.code}`, detail: input.note });
  return input;
}

export const listUsccExceptions = () =>
  queryRows(
    `-- registered USCC exceptions
     SELECT code, note, created_by AS createdBy, toString(created_at) AS createdAt
     FROM known_uscc_exceptions FINAL WHERE deleted = 0 ORDER BY created_at DESC`,
    {},
    z.object({ code: z.string(), note: z.string(), createdBy: z.string(), createdAt: z.string() }),
  );
