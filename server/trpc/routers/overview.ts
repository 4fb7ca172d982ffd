import { z } from 'zod';
import { today } from '../../clock';
import { startOfMonthsAgo } from '../../metrics/months';
import { recordsByMonth, totalsByDistrict } from '../../metrics/overview';
import { createTRPCRouter, protectedProcedure } from '../init';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Default window of the overview: the last 24 months up to today. */
const windowInput = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .optional()
  .transform((v) => {
    const to = v?.to ?? today();
    const from = v?.from ?? startOfMonthsAgo(to, 23);
    return { from, to };
  })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期 (from must not be after to)' });

export const overviewRouter = createTRPCRouter({
  recordsByMonth: protectedProcedure.input(windowInput).query(async ({ input }) => ({
    ...input,
    rows: await recordsByMonth(input),
  })),
  totalsByDistrict: protectedProcedure.input(windowInput).query(async ({ input }) => ({
    ...input,
    rows: await totalsByDistrict(input),
  })),
});
