import { z } from 'zod';
import { describeZh } from '../inspection/describe';
import { followUpFigures, followUpInput } from '../inspection/followUp';
import { KIND_LABEL_ZH } from '../inspection/kinds';
import { getNotice, listNotices, noticeListInput } from '../inspection/notices';
import { problemsInput, problemsPage, sortedProblems, type Problem } from '../inspection/problems';
import { DEPENDS_ON } from './answerCache';
import { defineEndpoint } from './define';

/** 督查 (inspection): the open problems across the modules and the supervision notices, scoped to the caller. */
export const problemsEndpoint = defineEndpoint({
  name: 'inspection.problems',
  summary:
    'Open problems across the modules (kinds comma-separated, district, unit, from/to, asOf, ageMin/ageMax in working days overdue; sort=age|date|deadline|unit|district|kind, dir; paged by cursor or offset). format=csv|xlsx exports the whole filtered list with its count in x-total-rows',
  input: problemsInput,
  run: (input, ctx) => problemsPage(ctx.scope, input),
  cache: DEPENDS_ON.problems,
  audit: { target: (input) => `items/problems?kinds=${(input.kinds ?? []).join(',') || 'all'}`, rowCount: (page) => page.items.length },
  rest: { path: '/api/v1/items/problems', returns: '{ items, total, nextCursor, byKind, units }' },
  exports: {
    file: (f) => `problems-${f.kinds?.join('_') || 'all'}`,
    sheet: '督查问题清单',
    columns: [
      { header: '问题类型', value: (p: Problem) => KIND_LABEL_ZH[p.kind], width: 12 },
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
    ],
    rows: (ctx, filters) => sortedProblems(ctx.scope, filters),
  },
});

export const noticesEndpoint = defineEndpoint({
  name: 'inspection.notices',
  summary: 'Supervision notices (督办通知单) the caller may see (a unit its own, a district those of its units, others all), newest first',
  input: noticeListInput,
  run: (input, ctx) => listNotices(ctx.scope, input),
  audit: { target: () => 'notices', rowCount: (items) => items.length },
  rest: { path: '/api/v1/notices', returns: '{ items }', answer: (items) => ({ items }) },
});

export const noticeEndpoint = defineEndpoint({
  name: 'inspection.notice',
  summary: 'One notice with its items (rectified on, late) and events; 404 outside the caller\'s scope',
  input: z.object({ id: z.string().regex(/^[0-9a-fA-F-]{36}$/, '通知单编号无效 (invalid notice id)') }),
  run: (input, ctx) => getNotice(ctx.scope, input.id),
  audit: { target: (input) => `notices/${input.id}`, rowCount: (notice) => notice.items.length, detail: (notice) => notice.number },
  rest: { path: '/api/v1/notices/{id}', returns: 'The notice: { id, number, unit, status, items, events, … }' },
});

export const followUpEndpoint = defineEndpoint({
  name: 'inspection.followUp',
  summary: '督查 follow-up figures per unit: notices issued, acknowledged in time, items rectified and rectification rate',
  input: followUpInput,
  run: (period) => followUpFigures(period),
  cache: DEPENDS_ON.followUp,
  rest: { path: '/api/v1/kpi/inspection', returns: '{ from, to, asOf, units, districts, total }' },
});
