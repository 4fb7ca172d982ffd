import { z } from 'zod';
import { today } from '../clock';
import { queryDate } from '../domain/dates';
import { screenFigures } from '../metrics/screen/figures';
import { DEPENDS_ON } from './answerCache';
import { defineEndpoint } from './define';

/**
 * 大屏: every figure of the big screen in one answer (one request per refresh). City-wide aggregates only (the
 * overdue-today list is counts per unit), so it carries no explanations and is not an item read: computed once per
 * data version for every screen, with an ETag so an unchanged refresh is a 304.
 */
export const screenFiguresEndpoint = defineEndpoint({
  name: 'screen.figures',
  summary: '大屏 figures: 归集 year to date with projection, 双公示 on-time rates (last closed month, year to date, MoM, YoY), 联合奖惩 rates, district and unit rankings of the last closed month, what became overdue today, 12-month trend, per-district figures for the map',
  input: z.object({ asOf: queryDate.optional() }),
  run: (input) => screenFigures(input.asOf ?? today()),
  // Scores stand on every kind of data; the answer is the same for every caller (no explanations).
  cache: { dependsOn: DEPENDS_ON.assessment.dependsOn },
  // The one figure a wall display's token may read (no items: overdue today is counts per unit).
  need: 'display',
  rest: {
    path: '/api/v1/screen',
    returns: '{ asOf, month, ingestion, publicity, sanctions, districtRanking, unitTop, unitBottom, unitCount, overdueToday, trend, districts }',
  },
});
