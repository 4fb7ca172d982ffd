import { createTRPCRouter } from '../init';

/** 双公示 (double publicity): filled by the double-publicity issue. */
export const publicityRouter = createTRPCRouter({});
