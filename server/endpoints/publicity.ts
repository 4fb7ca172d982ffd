import {
  allPublicityItems,
  histogramInput,
  itemsInput,
  kpiInput,
  publicityDelayHistogram,
  publicityItems,
  publicityKpi,
  resolveFilter,
  type PublicityItem,
} from '../metrics/publicity';
import { DEPENDS_ON } from './answerCache';
import { defineEndpoint } from './define';

const STATUS_LABEL: Record<PublicityItem['status'], string> = {
  on_time: '按时公示',
  late: '超期公示',
  overdue: '逾期未公示',
  pending: '待公示',
};

/** 双公示 (design.md §6): figures city-wide for every caller; the decisions behind them scoped to the caller. */
export const publicityKpiEndpoint = defineEndpoint({
  name: 'publicity.kpi',
  summary: '双公示 on-time figures: due, on time, late, overdue, pending, on-time rate and average delay per group',
  input: kpiInput,
  run: (input) => publicityKpi(input),
  cache: DEPENDS_ON.publicity,
  rest: { path: '/api/v1/kpi/publicity', returns: '{ from, to, asOf, groupBy, target, rows, total, calendarWarning }' },
});

export const publicityDelayHistogramEndpoint = defineEndpoint({
  name: 'publicity.delayHistogram',
  summary: '双公示 publication delay in working days: how many decisions took each number of working days',
  input: histogramInput,
  run: (input) => publicityDelayHistogram(input),
  cache: DEPENDS_ON.publicity,
  rest: { path: '/api/v1/kpi/publicity/delay-histogram', returns: '{ from, to, asOf, rows: [{ delay, count }], total, calendarWarning }' },
});

export const publicityItemsEndpoint = defineEndpoint({
  name: 'publicity.items',
  summary: 'Decisions behind the publicity figures (status one or a comma-separated list; paged; format=csv|xlsx exports all)',
  input: itemsInput,
  run: (input, ctx) => publicityItems(ctx.scope, input),
  cache: { ...DEPENDS_ON.publicity, scoped: true },
  audit: { target: (input) => `items/publicity?status=${(input.status ?? []).join(',') || 'all'}`, rowCount: (page) => page.items.length },
  rest: { path: '/api/v1/items/publicity', returns: '{ items, nextCursor }' },
  exports: {
    file: (f) => `publicity-items-${f.status?.join('_') || 'all'}`,
    sheet: '双公示明细',
    columns: [
      { header: '类别', value: (r: PublicityItem) => (r.kind === 'license' ? '行政许可' : '行政处罚'), width: 10 },
      { header: '决定文书号', value: (r) => r.docNo, width: 32 },
      { header: '单位代码', value: (r) => r.unitCode, width: 12 },
      { header: '单位', value: (r) => r.unitName, width: 22 },
      { header: '区县代码', value: (r) => r.districtCode, width: 10 },
      { header: '区县', value: (r) => r.districtName, width: 10 },
      { header: '决定日期', value: (r) => r.decisionDate, width: 12 },
      { header: '公示期限', value: (r) => r.deadline, width: 12 },
      { header: '公示日期', value: (r) => r.publicationDate, width: 12 },
      { header: '公示用时（工作日）', value: (r) => r.delay, width: 10 },
      { header: '已过工作日（未公示）', value: (r) => r.elapsed, width: 10 },
      { header: '状态', value: (r) => STATUS_LABEL[r.status], width: 12 },
      { header: '临期预警', value: (r) => (r.warning ? '是' : ''), width: 8 },
      { header: '已登记', value: (r) => (r.registered ? '是' : '否'), width: 8 },
      { header: '日历待确认', value: (r) => (r.calendarKnown ? '' : '是'), width: 10 },
    ],
    rows: (ctx, filters) => {
      resolveFilter(filters); // a period the defaults invert is a 400 before anything streams
      return allPublicityItems(ctx.scope, filters);
    },
  },
});
