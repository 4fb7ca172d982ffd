import { allSanctionItems, sanctionItems, type SanctionItem } from '../metrics/sanctions/items';
import { sanctionFunnel, sanctionKpi } from '../metrics/sanctions/kpi';
import { sanctionFilterRequest, sanctionItemsRequest, sanctionKpiRequest } from '../metrics/sanctions/request';
import { DEPENDS_ON } from './answerCache';
import { defineEndpoint } from './define';

/** 联合奖惩 (design.md §6): figures city-wide for every caller; the pushes behind them scoped to the caller. */
export const sanctionKpiEndpoint = defineEndpoint({
  name: 'sanctions.kpi',
  summary: '联合奖惩 feedback, timely and execution rates per unit, district, measure or month',
  input: sanctionKpiRequest,
  run: ({ groupBy, ...filters }) => sanctionKpi(filters, groupBy),
  cache: DEPENDS_ON.sanctions,
  rest: { path: '/api/v1/kpi/sanctions', returns: '{ from, to, asOf, groupBy, rows, total }' },
});

export const sanctionFunnelEndpoint = defineEndpoint({
  name: 'sanctions.funnel',
  summary: '联合奖惩 funnel: initiated cases → pushes → answered (as of asOf) → executed',
  input: sanctionFilterRequest,
  run: (filters) => sanctionFunnel(filters),
  cache: DEPENDS_ON.sanctions,
  rest: { path: '/api/v1/kpi/sanctions/funnel', returns: '{ cases, pushes, answered, executed }' },
});

export const sanctionItemsEndpoint = defineEndpoint({
  name: 'sanctions.items',
  summary: 'Pushes behind the sanction figures (status, unit, measure, case; paged; format=csv|xlsx exports all)',
  input: sanctionItemsRequest,
  run: (input, ctx) => sanctionItems(ctx.scope, input),
  cache: { ...DEPENDS_ON.sanctions, scoped: true },
  audit: { target: () => 'items/sanctions', rowCount: (page) => page.items.length },
  rest: { path: '/api/v1/items/sanctions', returns: '{ items, nextCursor }' },
  exports: {
    file: (f) => `sanctions-${f.status ?? 'all'}-${f.asOf}`,
    sheet: '联合奖惩反馈明细',
    columns: [
      { header: '案件编号', value: (r: SanctionItem) => r.caseId, width: 22 },
      { header: '措施代码', value: (r) => r.measureCode, width: 12 },
      { header: '响应单位', value: (r) => r.respondingUnit, width: 14 },
      { header: '发起单位', value: (r) => r.initiatingUnit, width: 14 },
      { header: '主体名称', value: (r) => r.subjectName, width: 26 },
      { header: '主体代码', value: (r) => r.subjectCode, width: 20 },
      { header: '推送日期', value: (r) => r.pushedDate, width: 12 },
      { header: '反馈期限', value: (r) => r.dueDate, width: 12 },
      { header: '反馈日期', value: (r) => r.answeredDate, width: 12 },
      { header: '反馈结果', value: (r) => r.result, width: 10 },
      { header: '状态', value: (r) => r.status, width: 16 },
      { header: '逾期工作日', value: (r) => r.workdaysOverdue, width: 10 },
    ],
    rows: (ctx, filters) => allSanctionItems(ctx.scope, filters),
  },
});
