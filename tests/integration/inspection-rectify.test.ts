/**
 * Rectification of the two ingestion kinds of notice item, through the real ingest path on the platform's own clock (a
 * rejected row is stamped with the server's receipt time, never a backfilled one; the pinned day pins that too):
 *   rejected_unresent   a CSV row rejected for a bad USCC keeps its key; resending it corrected puts it right;
 *                       a row whose key cannot be read can never be matched and stays open;
 *   missing_submission  a unit that has sent nothing has open missing windows; one accepted row of the item puts
 *                       every window of that item since right.
 * Also: the SQL reading of keys from raw JSON (rows stored before keys were kept) agrees with the TypeScript one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { insertRows, queryRows } from '@/server/db/query';
import { addDays } from '@/server/domain/calendar';
import { rowKeyFromJsonSql, rowKeyOf } from '@/server/ingest/rowKey';
import { STREAMS } from '@/server/ingest/streams';
import { unresentRejected } from '@/server/metrics/ingestion/unresent';
import { problemsInput, problemsPage } from '@/server/inspection/problems';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { freshDatabase } from './_db';

const TODAY = '2026-11-23';
await freshDatabase({ today: TODAY });

const INSPECTOR: Principal = { kind: 'user', id: 'i', name: 'inspector@test', role: 'inspector', districtCode: '', unitCode: '', tokenScopes: [] };
const inspector = createCallerFactory(appRouter)({ requestId: 't', ip: '127.0.0.1', principal: INSPECTOR });
const T: Record<string, string> = {};
const GOOD = '91350100M000100Y43';
const BAD = '91350100M000100Y44';

async function send(stream: string, token: string, body: string, contentType: string) {
  const res = await ingestPost(
    new Request(`http://test/api/v1/ingest/${stream}`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body }),
    { params: Promise.resolve({ stream }) },
  );
  return (await res.json()) as { accepted: number; rejected: number; errors: Array<{ code: string }> };
}

const CSV_HEADER = 'docNo,subjectType,subjectName,subjectCode,licenseName,licenseCategory,decisionDate,validFrom,content';
const csvLicense = (docNo: string, code: string) => `${docNo},legal,示范市测试有限公司,${code},食品经营许可,普通,${TODAY},${TODAY},准予许可`;

beforeAll(async () => {
  T.market = (await createToken({ name: 'mkt', unitCode: 'C002', scopes: ['ingest'], createdBy: 't' })).token;
  const answer = await send('licenses', T.market!, `${CSV_HEADER}\r\n${csvLicense('XK-CSV-1', BAD)}\r\n${csvLicense('', GOOD)}\r\n`, 'text/csv');
  expect(answer).toMatchObject({ accepted: 0, rejected: 2 });
}, 300_000);

describe('rejected rows not resent yet', () => {
  it('a rejected CSV row keeps its key; a row without its key field keeps none', async () => {
    const rows = await queryRows(`SELECT row_no AS rowNo, row_key AS rowKey FROM rejected_rows ORDER BY row_no`, {}, z.object({ rowNo: z.number(), rowKey: z.string() }));
    expect(rows).toEqual([
      { rowNo: 1, rowKey: 'XK-CSV-1' },
      { rowNo: 2, rowKey: '' },
    ]);
    const open = await unresentRejected({ kind: 'all' }, { from: TODAY, to: TODAY, asOf: TODAY, district: '', unit: '' });
    expect(open.map((r) => [r.rowNo, r.rowKey, r.resentAt])).toEqual([
      [1, 'XK-CSV-1', null],
      [2, '', null],
    ]);
  });

  it('a notice over them: the corrected resend puts the keyed row right, the keyless one stays open', async () => {
    const view = { unit: 'C002', kinds: ['rejected_unresent'] as Array<'rejected_unresent'>, from: TODAY, to: TODAY };
    const page = await problemsPage({ kind: 'all' }, problemsInput.parse(view));
    expect(page.items.map((p) => [p.subject, p.rowKey, p.workdaysOverdue, p.rectifiable])).toEqual([
      ['licenses #1', 'XK-CSV-1', 0, true],
      ['licenses #2', '', 0, true],
    ]);
    const issued = await inspector.inspection.issue({ unit: 'C002', filters: view, replyWorkdays: 5 });
    expect(issued.items).toBe(2);
    // Resent corrected, as JSON this time: the key is the same whatever the body format.
    const fixed = JSON.stringify({
      docNo: 'XK-CSV-1', subjectType: 'legal', subjectName: '示范市测试有限公司', subjectCode: GOOD, licenseName: '食品经营许可',
      licenseCategory: '普通', decisionDate: TODAY, validFrom: TODAY, content: '准予许可',
    });
    expect(await send('licenses', T.market!, fixed, 'application/x-ndjson')).toMatchObject({ accepted: 1, rejected: 0 });
    const n = await inspector.inspection.notice({ id: issued.id });
    expect(n.items.map((i) => [i.subject, i.rectifiedOn])).toEqual([
      ['licenses #1', TODAY],
      ['licenses #2', null],
    ]);
    expect(n.status).toBe('issued');
    const after = await problemsPage({ kind: 'all' }, problemsInput.parse(view));
    expect(after.items.map((p) => p.subject)).toEqual(['licenses #2']);
  });

  it('the SQL reading of keys from raw JSON agrees with the TypeScript one for every stream', async () => {
    const samples: Record<string, Record<string, unknown>> = {
      records: { catalogCode: 'XK01', recordId: ' R-1 ', subjectName: 'x' },
      licenses: { docNo: 'L-1' },
      penalties: { docNo: 123 },
      decisions: { kind: 'penalty', docNo: 'D-1' },
      sanctions: { respondingUnit: 'C002', caseId: 'CASE-1', measureCode: 'M05' },
      feedback: { caseId: 'CASE-1', measureCode: '' },
    };
    const batch = '00000000-0000-4000-8000-00000000abcd';
    await insertRows(
      'rejected_rows',
      STREAMS.map((stream, i) => ({
        batch_id: batch, stream, unit_code: 'C010', district_code: '990100', row_no: i + 1, raw: JSON.stringify(samples[stream]),
        error_codes: ['REQUIRED'], errors: '[]', received_at: `${TODAY} 00:00:00.000`,
      })),
    );
    const rows = await queryRows(
      `SELECT stream, ${rowKeyFromJsonSql()} AS k FROM rejected_rows WHERE toString(batch_id) = {b:String} ORDER BY row_no`,
      { b: batch },
      z.object({ stream: z.string(), k: z.string() }),
    );
    expect(rows.map((r) => r.k)).toEqual(STREAMS.map((s) => rowKeyOf(s, samples[s])));
    expect(rows.map((r) => r.k)).toEqual(['XK01\u0001R-1', 'L-1', '123', 'penalty\u0001D-1', 'C002\u0001CASE-1\u0001M05', '']);
  });
});

describe('missing submissions', () => {
  it('one accepted row of the item puts every open window of it right, dated the day it arrived', async () => {
    const from = addDays(TODAY, -60);
    const view = { kinds: ['missing_submission'] as Array<'missing_submission'>, from, to: TODAY };
    const page = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...view, district: '990102' }));
    const unit = page.units.find((u) => u.notifiable > 0);
    expect(unit).toBeDefined();
    const issued = await inspector.inspection.issue({ unit: unit!.unitCode, filters: view, replyWorkdays: 5 });
    const notice = await inspector.inspection.notice({ id: issued.id });
    const catalog = JSON.parse(notice.items[0]!.key.slice('missing_submission:'.length))[1] as string;
    const windowsOfItem = notice.items.filter((i) => JSON.parse(i.key.slice('missing_submission:'.length))[1] === catalog);
    expect(windowsOfItem.length).toBeGreaterThan(0);
    const token = (await createToken({ name: 'd', unitCode: unit!.unitCode, scopes: ['ingest'], createdBy: 't' })).token;
    const record = { recordId: 'R-MAKEUP-1', catalogCode: catalog, subjectType: 'legal', subjectName: '示范市测试有限公司', subjectCode: GOOD, occurredOn: TODAY };
    expect(await send('records', token, JSON.stringify(record), 'application/x-ndjson')).toMatchObject({ accepted: 1 });
    const after = await inspector.inspection.notice({ id: issued.id });
    for (const i of after.items) {
      const isItem = JSON.parse(i.key.slice('missing_submission:'.length))[1] === catalog;
      expect(i.rectifiedOn).toBe(isItem ? TODAY : null);
    }
    expect(after.rectifiedItems).toBe(windowsOfItem.length);
  });
});
