import type { RouterOutputs } from '../routerTypes';

/** The big screen's answer as the client sees it (the same shape over REST, which the screen uses). */
export type ScreenFigures = RouterOutputs['screen']['figures'];
export type RankedEntity = ScreenFigures['districtRanking'][number];
