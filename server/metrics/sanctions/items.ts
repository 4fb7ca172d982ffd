import { z } from 'zod';
import type { ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { unitKeys } from '../cubeBuilds';
import { DIRTY_KEYS_IN, ITEM_COLUMNS, sanctionCubeState, scheduleSanctionRefresh } from './cube';
import {
  FIGURE_COLUMNS,
  filterParams,
  pushesSql,
  pushScopeSql,
  SANCTION_STATUSES,
  sanctionFilters,
  STATUS_COLUMNS,
  type SanctionFilters,
} from './pushes';
import { decodeCursor, everyItem, keysetPage, pageShape } from '../cursor';

export const sanctionItemsInput = sanctionFilters.extend({
  status: z.enum(SANCTION_STATUSES).optional(),
  ...pageShape,
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
const cursorKey = z.tuple([z.string(), z.string(), z.string(), z.string()]); // pushed date, case, measure, responding unit

/** The filters in force on sanction_items' columns (only those: the analyzer's time grows with the SQL's size). */
function itemFilters(f: SanctionItemsInput): string {
  return [
    'pushedDate BETWEEN {from:Date} AND {to:Date}',
    f.district ? 'respondingDistrict = {district:String}' : '',
    f.unit ? 'respondingUnit = {unit:String}' : '',
    f.measure ? 'measureCode = {measure:String}' : '',
    f.kind ? 'kind = {kind:String}' : '',
    f.listType ? 'listType = {listType:String}' : '',
    f.caseId ? 'caseId = {caseId:String}' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}

/**
 * The pushes behind a figure, within the caller's scope, paged by a cursor: for units whose build is current from
 * sanction_items (read in page order), for the others live from pushesSql; each source gives its first page, the
 * union is sorted once more. Status and working-day figures as of asOf are the same SQL on both (./pushes.ts).
 */
export async function sanctionItems(scope: ItemScope, input: SanctionItemsInput) {
  const scoped = pushScopeSql(scope);
  const state = await sanctionCubeState();
  const params = await filterParams(input, state.measures);
  scheduleSanctionRefresh(state);
  const asc = input.status === 'overdue';
  const c = decodeCursor(input.cursor, cursorKey);
  const op = asc ? '>' : '<';
  const dir = asc ? 'ASC' : 'DESC';
  const order = `ORDER BY pushedDate ${dir}, caseId ${dir}, measureCode ${dir}, respondingUnit ${dir}`;
  // filter and order on typed columns; format only outside
  const page = `${input.status ? 'AND status = {status:String}' : ''}
         ${c ? `AND pushedDate ${op}= toDate({cPushed:String}) -- a key range for the index; the tuple decides
                AND (pushedDate, caseId, measureCode, respondingUnit) ${op} (toDate({cPushed:String}), {cCase:String}, {cMeasure:String}, {cUnit:String})` : ''}
       ${order}
       LIMIT {limit:UInt32}`;
  const parts: string[] = [];
  if (state.clean.length > 0) {
    parts.push(`SELECT ${ITEM_COLUMNS}, ${STATUS_COLUMNS}
       FROM sanction_items
       WHERE build_seq IN {cleanSeqs:Array(UInt64)} AND ${itemFilters(input)}${scoped.sql === '1' ? '' : ` AND ${scoped.sql}`}
         ${page}`);
  }
  if (state.dirty.length > 0) {
    parts.push(`SELECT ${ITEM_COLUMNS}, timelinessStatus, status
       FROM (${pushesSql(scoped.sql, DIRTY_KEYS_IN)})
       WHERE 1 ${page}`);
  }
  if (parts.length === 0) return { items: [], nextCursor: null };
  const rows = await queryRows(
    `-- items: sanction pushes
     SELECT caseId, measureCode, respondingUnit, respondingDistrict, initiatingUnit, kind, listType, subjectType,
            subjectName, subjectCode, toString(pushedDate) AS pushedDateText, feedbackDays, toString(dueDate) AS dueDateText,
            if(answered = 1 AND answeredDate <= {asOf:Date}, toString(answeredDate), NULL) AS answeredDateText,
            if(answered = 1 AND answeredDate <= {asOf:Date}, result, '') AS resultText,
            status, ${FIGURE_COLUMNS}, calendarKnown
     FROM (${parts.map((p) => `(${p})`).join('\n       UNION ALL\n       ')})
     ${order}
     LIMIT {limit:UInt32}`,
    {
      ...params,
      ...scoped.params,
      cleanSeqs: state.clean.map(([, seq]) => seq),
      dirtyKeys: unitKeys(state.dirty),
      status: input.status ?? '',
      cPushed: c?.[0] ?? '1970-01-01',
      cCase: c?.[1] ?? '',
      cMeasure: c?.[2] ?? '',
      cUnit: c?.[3] ?? '',
      limit: input.limit + 1,
    },
    sanctionItemRow,
  );
  const items = rows.map(
    ({ pushedDateText, dueDateText, answeredDateText, resultText, ...rest }): SanctionItem => ({
      ...rest,
      pushedDate: pushedDateText,
      dueDate: dueDateText,
      answeredDate: answeredDateText,
      result: resultText,
    }),
  );
  return keysetPage(items, input.limit, (i) => [i.pushedDate, i.caseId, i.measureCode, i.respondingUnit]);
}

/** Every matching push for an export, page by page (no silent truncation). */
export function allSanctionItems(scope: ItemScope, input: Omit<SanctionItemsInput, 'cursor' | 'limit'>) {
  return everyItem((cursor) => sanctionItems(scope, { ...input, cursor, limit: 1000 }));
}

export type { SanctionFilters };
