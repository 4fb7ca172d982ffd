import { screenFiguresEndpoint } from '../../endpoints/screen';
import { procedureOf } from '../../endpoints/trpc';
import { createTRPCRouter } from '../init';

/** The big screen's figures (server/endpoints/screen.ts). */
export const screenRouter = createTRPCRouter({
  figures: procedureOf(screenFiguresEndpoint),
});
