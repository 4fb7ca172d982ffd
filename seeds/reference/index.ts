import { catalog } from './catalog';
import { districts } from './districts';
import { measures } from './measures';
import { units } from './units';

export * from './types';
export * from './districts';
export * from './units';
export * from './catalog';
export * from './measures';
export * from './targets';

/** The reference lists that always load (design.md §3); targets come from `annualTargets(years)`. */
export const referenceData = { districts, units, catalog, measures };
