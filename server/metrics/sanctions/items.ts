import { z } from 'zod';
import type { ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { filterParams, pushesSql, pushScopeSql, SANCTION_STATUSES, sanctionFilters, type SanctionFilters } from './pushes';

export const sanctionItemsInput = sanctionFilters.extend({
  status: z.enum(SANCTION_STATUSES).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type SanctionItemsInput = z.infer<typeof sanctionItemsInput>;

export const sanctionItem = z.object({
  caseId: z.string(),
  measureCode: z.string(),
  respondingUnit: z.string(),
  respondingDistrict: z.string(),
  initiatingUnit: z.string(),
  kind: z.string(),
  listType: z.string(),
  subjectType: z.string(),
  subjectName: z.string(),
  subjectCode: z.string(), // masked for natural persons at ingestion
  pushedDate: z.string(),
  feedbackDays: z.number(),
  dueDate: z.string(),
  answeredDate: z.string().nullable(),
  result: z.string(),
  status: z.enum(SANCTION_STATUSES),
  answerDelay: z.number().nullable(),
  workdaysOverdue: z.number(),
  calendarKnown: z.number(),
});
export type SanctionItem = z.infer<typeof sanctionItem>;

const sanctionItemRow = sanctionItem
  .omit({ pushedDate: true, dueDate: true, answeredDate: true, result: true })
  .extend({ pushedDateText: z.string(), dueDateText: z.string(), answeredDateText: z.string().nullable(), resultText: z.string() });

// Overdue pushes oldest first (who has owed an answer longest); everything else newest first.
const encode = (r: SanctionItem) => Buffer.from(JSON.stringify([r.pushedDate, r.caseId, r.measureCode, r.respondingUnit])).toString('base64url');
function decode(cursor: string | undefined): [string, string, string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    return Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'string') ? (v as [string, string, string, string]) : null;
  } catch {
    return null;
  }
}

/** The pushes behind a figure, within the caller's scope, paged by a cursor. */
export async function sanctionItems(scope: ItemScope, input: SanctionItemsInput) {
  const scoped = pushScopeSql(scope);
  const asc = input.status === 'overdue';
  const c = decode(input.cursor);
  const op = asc ? '>' : '<';
  const dir = asc ? 'ASC' : 'DESC';
  const rows = await queryRows(
    `-- items: sanction pushes
     SELECT caseId, measureCode, respondingUnit, respondingDistrict, initiatingUnit, kind, listType, subjectType,
            subjectName, subjectCode, toString(pushedDate) AS pushedDateText, feedbackDays, toString(dueDate) AS dueDateText,
            if(answeredAsOf, toString(answeredDate), NULL) AS answeredDateText, if(answeredAsOf, result, '') AS resultText,
            status, answerDelay, workdaysOverdue, calendarKnown
     FROM (
       -- filter and order on typed columns; format only outside
       SELECT *, answered = 1 AND answeredDate <= {asOf:Date} AS answeredAsOf
       FROM (${pushesSql(scoped.sql)})
       WHERE ({status:String} = '' OR status = {status:String})
         AND ({hasCursor:UInt8} = 0 OR (pushedDate, caseId, measureCode, respondingUnit) ${op}
              (toDate({cPushed:String}), {cCase:String}, {cMeasure:String}, {cUnit:String}))
       ORDER BY pushedDate ${dir}, caseId ${dir}, measureCode ${dir}, respondingUnit ${dir}
       LIMIT {limit:UInt32}
     )`,
    {
      ...(await filterParams(input)),
      ...scoped.params,
      status: input.status ?? '',
      hasCursor: c ? 1 : 0,
      cPushed: c?.[0] ?? '1970-01-01',
      cCase: c?.[1] ?? '',
      cMeasure: c?.[2] ?? '',
      cUnit: c?.[3] ?? '',
      limit: input.limit + 1,
    },
    sanctionItemRow,
  );
  const more = rows.length > input.limit;
  const items = (more ? rows.slice(0, input.limit) : rows).map(
    ({ pushedDateText, dueDateText, answeredDateText, resultText, ...rest }): SanctionItem => ({
      ...rest,
      pushedDate: pushedDateText,
      dueDate: dueDateText,
      answeredDate: answeredDateText,
      result: resultText,
    }),
  );
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encode(last) : null };
}

/** Every matching push for an export, page by page (no silent truncation). */
export async function* allSanctionItems(scope: ItemScope, input: Omit<SanctionItemsInput, 'cursor' | 'limit'>) {
  let cursor: string | undefined;
  do {
    const page = await sanctionItems(scope, { ...input, cursor, limit: 1000 });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export type { SanctionFilters };
