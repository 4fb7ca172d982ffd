import { describe, expect, it } from 'vitest';
import { exportProgress, filtersOf, linkWith, nextSort, readNoticeStatus, readProblemParams, readTab } from '@/app/_components/inspection/filters';
import { rowKeyOf } from '@/server/ingest/rowKey';
import { describeZh } from '@/server/inspection/describe';
import { RECTIFIABLE_KINDS, isRectifiable, parseProblemKey, problemKey, type ProblemRef } from '@/server/inspection/kinds';
import { facetsOf, sortProblems, type Problem } from '@/server/inspection/problems';
import { rectificationRate } from '@/server/inspection/followUp';
import { noticeNumber } from '@/server/inspection/notices';

const params = (q: string) => new URLSearchParams(q);

describe('problem keys', () => {
  const refs: ProblemRef[] = [
    { kind: 'publicity_overdue', unit: 'C002', district: '990100', docKind: 'license', docNo: '市监许〔2026〕1号' },
    { kind: 'publicity_late', unit: 'C002', district: '990100', docKind: 'penalty', docNo: 'a:b"c' },
    { kind: 'sanction_overdue', unit: 'C010', caseId: 'CASE-1', measureCode: 'M01' },
    { kind: 'missing_submission', unit: 'D990102-01', catalog: 'ZTBW', windowStart: '2026-10-01', windowEnd: '2026-10-31' },
    { kind: 'volume_anomaly', unit: 'C002', date: '2026-11-02' },
    { kind: 'rejected_unresent', unit: 'C002', batchId: '1ff8c9c3-b70b-431c-850a-34009830890e', rowNo: 17 },
  ];
  it('round-trip for every kind, whatever the characters of the item', () => {
    for (const r of refs) expect(parseProblemKey(problemKey(r))).toEqual(r);
  });
  it('refuse anything malformed', () => {
    for (const bad of ['', 'nonsense', 'publicity_overdue:[1,2]', 'sanction_overdue:not json', 'missing_submission:["u","c","2026-1-1","2026-10-31"]',
      'rejected_unresent:["u","not-a-uuid",1]', 'rejected_unresent:["u","1ff8c9c3-b70b-431c-850a-34009830890e",-1]', 'publicity_late:["u","d","other","x"]']) {
      expect(parseProblemKey(bad)).toBeNull();
    }
  });
  it('only what the data can show put right may go on a notice', () => {
    expect(RECTIFIABLE_KINDS).toEqual(['publicity_overdue', 'sanction_overdue', 'missing_submission', 'rejected_unresent']);
    expect(isRectifiable('publicity_late')).toBe(false);
    expect(isRectifiable('volume_anomaly')).toBe(false);
  });
});

describe('row keys of rejected rows', () => {
  it('are the stream key fields, trimmed, without the sending unit', () => {
    expect(rowKeyOf('records', { catalogCode: ' ZTBW ', recordId: 'R1' })).toBe('ZTBW\u0001R1');
    expect(rowKeyOf('licenses', { docNo: 'XK-1' })).toBe('XK-1');
    expect(rowKeyOf('penalties', { docNo: 42 })).toBe('42');
    expect(rowKeyOf('decisions', { kind: 'license', docNo: 'D' })).toBe('license\u0001D');
    expect(rowKeyOf('sanctions', { respondingUnit: 'C002', caseId: 'K', measureCode: 'M05' })).toBe('C002\u0001K\u0001M05');
    expect(rowKeyOf('feedback', { caseId: 'K', measureCode: 'M05' })).toBe('K\u0001M05');
  });
  it('are empty when a key field is missing, blank or not text', () => {
    expect(rowKeyOf('licenses', {})).toBe('');
    expect(rowKeyOf('licenses', { docNo: '  ' })).toBe('');
    expect(rowKeyOf('records', { catalogCode: 'ZTBW' })).toBe('');
    expect(rowKeyOf('feedback', { caseId: { x: 1 }, measureCode: 'M05' })).toBe('');
    expect(rowKeyOf('licenses', null)).toBe('');
  });
});

const problem = (over: Partial<Problem>): Problem => ({
  key: over.key ?? 'k',
  kind: 'publicity_overdue',
  unitCode: 'C002',
  unitName: '市市场监管局',
  districtCode: '990100',
  districtName: '市本级',
  subject: 'XK-1',
  date: '2026-11-02',
  deadline: '2026-11-11',
  workdaysOverdue: 3,
  rectifiable: true,
  link: '/publicity/items',
  notice: null,
  docKind: 'license',
  publicationDate: null,
  ...over,
});

describe('sorting and counting the list', () => {
  const list = [
    problem({ key: 'a', workdaysOverdue: 3, unitCode: 'C010', date: '2026-11-01', deadline: null }),
    problem({ key: 'b', workdaysOverdue: 9, unitCode: 'C002', kind: 'sanction_overdue', date: '2026-10-01' }),
    problem({ key: 'c', workdaysOverdue: 3, unitCode: 'C002', kind: 'volume_anomaly', rectifiable: false, deadline: null }),
    problem({ key: 'd', workdaysOverdue: 1, unitCode: 'C002', notice: { id: 'x', number: '督办〔2026〕第1号' } }),
  ];
  it('by age descending by default; ties by unit then key', () => {
    expect(sortProblems([...list], 'age', 'desc').map((p) => p.key)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortProblems([...list], 'age', 'asc').map((p) => p.key)).toEqual(['d', 'c', 'a', 'b']);
  });
  it('missing deadlines sort last either way round; kinds in their listed order', () => {
    expect(sortProblems([...list], 'deadline', 'asc').map((p) => p.key)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortProblems([...list], 'deadline', 'desc').map((p) => p.key)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortProblems([...list], 'kind', 'asc').map((p) => p.kind)).toEqual(['publicity_overdue', 'publicity_overdue', 'sanction_overdue', 'volume_anomaly']);
  });
  it('counts by kind and by unit; notifiable = rectifiable and not under a notice', () => {
    const f = facetsOf(list);
    expect(f.byKind).toEqual({ publicity_overdue: 2, publicity_late: 0, sanction_overdue: 1, missing_submission: 0, volume_anomaly: 1, rejected_unresent: 0 });
    expect(f.units.map((u) => [u.unitCode, u.count, u.notifiable])).toEqual([
      ['C002', 3, 1],
      ['C010', 1, 1],
    ]);
  });
  it('describes a problem in Chinese for exports and printed notices', () => {
    expect(describeZh(problem({ subject: 'XK-9' }))).toBe('行政许可决定 XK-9，决定日期 2026-11-02，公示期限 2026-11-11，至今未公示');
    expect(describeZh(problem({ kind: 'rejected_unresent', subject: 'licenses #3', stream: 'licenses', rowKey: '', errorCodes: ['USCC_CHECK'], date: '2026-11-20' }))).toBe(
      '行政许可 第 3 行（主键不可读）于 2026-11-20 被拒（USCC_CHECK），未重新报送',
    );
  });
});

describe('notice numbers and rates', () => {
  it('number notices per year in the official form', () => {
    expect(noticeNumber(2026, 12)).toBe('督办〔2026〕第12号');
  });
  it('a rectification rate is null without items, never 0%', () => {
    expect(rectificationRate({ rectifiedItems: 0, totalItems: 0 })).toBeNull();
    expect(rectificationRate({ rectifiedItems: 1, totalItems: 4 })).toBe(0.25);
  });
});

describe('the 督查 page state in the URL', () => {
  it('reads filters, sort and page, dropping anything malformed', () => {
    expect(readProblemParams(params('from=2026-01-01&to=bad&unit=C002&district=99;drop&kinds=sanction_overdue,nonsense,sanction_overdue&ageMin=5&ageMax=x&sort=deadline&dir=asc&page=3'))).toEqual({
      from: '2026-01-01',
      unit: 'C002',
      kinds: ['sanction_overdue'],
      ageMin: 5,
      sort: 'deadline',
      dir: 'asc',
      page: 3,
    });
    expect(readProblemParams(params('sort=drop&dir=up&page=0'))).toEqual({});
  });
  it('tabs and notice status fall back when unknown', () => {
    expect(readTab(params('tab=notices'), 'problems')).toBe('notices');
    expect(readTab(params('tab=x'), 'problems')).toBe('problems');
    expect(readNoticeStatus(params('status=closed'))).toBe('closed');
    expect(readNoticeStatus(params('status=x'))).toBeUndefined();
  });
  it('links keep only what is set, kinds comma-separated; filters leave out sort and page', () => {
    expect(linkWith('/inspection', { unit: 'C002', kinds: ['publicity_overdue', 'sanction_overdue'], page: undefined, ageMin: 0 })).toBe(
      '/inspection?unit=C002&kinds=publicity_overdue%2Csanction_overdue&ageMin=0',
    );
    expect(filtersOf({ unit: 'C002', sort: 'age', dir: 'asc', page: 2 })).toEqual({ unit: 'C002' });
  });
  it('a new column sorts descending (names ascending) first; the same column flips', () => {
    expect(nextSort({ sort: 'age', dir: 'desc' }, 'age')).toEqual({ sort: 'age', dir: 'asc' });
    expect(nextSort({ sort: 'age', dir: 'asc' }, 'deadline')).toEqual({ sort: 'deadline', dir: 'desc' });
    expect(nextSort({ sort: 'age', dir: 'desc' }, 'unit')).toEqual({ sort: 'unit', dir: 'asc' });
  });
  it('export progress counts CSV rows after the header; XLSX shows bytes only', () => {
    expect(exportProgress('csv', 10, { bytes: 2048, newlines: 6 })).toEqual({ determinate: true, done: 5, fraction: 0.5, kb: 2 });
    expect(exportProgress('csv', 0, { bytes: 10, newlines: 1 })).toMatchObject({ done: 0, fraction: 1 });
    expect(exportProgress('xlsx', 10, { bytes: 5120, newlines: 0 })).toEqual({ determinate: false, done: 0, fraction: null, kb: 5 });
  });
});
