import { importNotice, noticeInput } from '@/server/calendar/admin';
import { readJson, requireCaller } from '@/server/http/caller';
import { json, requestContext, restHandler } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

/**
 * The State Council holiday notice as a year's overrides: { year, text, dryRun } answers what the notice says and how
 * it differs from the calendar in force; with dryRun false it is also saved (saved: true), audited and rebuilt.
 */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  const input = await readJson(req, noticeInput);
  const { year, holidays, adjustedWorkdays, unparsed, changes, saved } = await importNotice(caller, input, requestContext(req));
  return json({ year, holidays, adjustedWorkdays, unparsed, changes, saved });
});
