/**
 * Named scenarios of the demo data, as plain exported data so dashboards can be demonstrated and tests can
 * assert on them. The generator (generate.ts) reads everything it plants from here.
 */
import { addDays } from '../../server/domain/calendar';

// ---------------------------------------------------------------------------------------------------------
// Double publicity (双公示)

/** Units that publish XK/CF chronically late: 6–15 working days after the decision (deadline is 7). */
export const CHRONICALLY_LATE_UNITS: readonly string[] = ['D990107-01', 'C022', 'D990115-06'];

/** Publication delay of the chronically late units, in working days (inclusive range). */
export const LATE_UNIT_DELAY_WORKDAYS = { min: 6, max: 15 } as const;

/**
 * Publication delay of every other unit, in working days after the decision date, with its weight:
 * mostly 1–3, a few on the same day, a small tail past the 7-day deadline.
 */
export const PUBLICATION_DELAY_WEIGHTS: ReadonlyArray<readonly [workdays: number, weight: number]> = [
  [0, 5], [1, 35], [2, 30], [3, 17], [4, 5], [5, 3], [6, 2], [7, 1], [8, 0.8], [10, 0.6], [12, 0.4], [15, 0.2],
];

/** Share of decisions (in the register) that are never published. */
export const NEVER_PUBLISH_RATE = 0.02;

/** One unit that leaves many of its decisions unpublished. */
export const NEVER_PUBLISH_HEAVY = { unitCode: 'D990111-08', rate: 0.15 } as const;

/** Working days between a decision and its row in the `decisions` register, with weights. */
export const REGISTER_DELAY_WEIGHTS: ReadonlyArray<readonly [workdays: number, weight: number]> = [
  [0, 25], [1, 60], [2, 10], [3, 5],
];

// ---------------------------------------------------------------------------------------------------------
// Ingestion volume (归集)

/** A unit that sends nothing at all (any stream) during one calendar month: 3 months before today's month. */
export const SILENT_UNIT = { unitCode: 'D990104-05', monthsBeforeToday: 3 } as const;

/** The silent unit and its month ('YYYY-MM') for a given today. */
export function silentUnit(today: string): { unitCode: string; month: string } {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - SILENT_UNIT.monthsBeforeToday;
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  return { unitCode: SILENT_UNIT.unitCode, month: `${y}-${m < 10 ? '0' : ''}${m}` };
}

/** A unit whose volume falls by ~80% (factor 0.2) from about 6 weeks before today. */
export const VOLUME_DROP = { unitCode: 'D990103-01', daysBeforeToday: 42, factor: 0.2 } as const;

export function volumeDrop(today: string): { unitCode: string; from: string; factor: number } {
  return { unitCode: VOLUME_DROP.unitCode, from: addDays(today, -VOLUME_DROP.daysBeforeToday), factor: VOLUME_DROP.factor };
}

/**
 * Per-unit performance factor range (actual volume / base × weight): units' targets carry an ambition factor
 * in [0.85, 1.20) and grow 5% a year, so some units reach their annual target and some do not.
 */
export const UNIT_PERFORMANCE = { mean: 0.92, sd: 0.16, min: 0.55, max: 1.35 } as const;

/** Share of a unit's volume that is XK / CF when it provides them (the rest goes to its catalog items). */
export const XK_SHARE = 0.14;
export const CF_SHARE = 0.055;

/** Share of natural-person subjects where the item allows them (overall ≈ 10% of rows). */
export const NATURAL_PERSON_SHARE = 0.12;
/** Share of 'other' subjects (social organisations, public institutions) where allowed. */
export const OTHER_SUBJECT_SHARE = 0.04;

/** Chance that a unit sends nothing for a scheduled period (a missing submission). */
export const MISSED_PERIOD_RATE = { daily: 0.08, weekly: 0.04, monthly: 0.03, quarterly: 0.03 } as const;

/** Chance of a receipt on a non-working day for daily/realtime items. */
export const WEEKEND_RECEIPT_RATE = 0.03;

// ---------------------------------------------------------------------------------------------------------
// Quality

/** Share of rows of every stream that fail validation and go to rejected_rows. */
export const INVALID_RATE = 0.02;

/**
 * Error mix per stream (relative weights). CODE_CHECK becomes USCC_CHECK for legal/other subjects and ID_CHECK
 * for natural persons.
 */
export const INVALID_KINDS = {
  records: { CODE_CHECK: 40, REQUIRED: 25, UNKNOWN_CATALOG: 20, DATE_IN_FUTURE: 15 },
  licenses: { CODE_CHECK: 45, REQUIRED: 35, DATE_IN_FUTURE: 20 },
  penalties: { CODE_CHECK: 45, REQUIRED: 35, DATE_IN_FUTURE: 20 },
  decisions: { REQUIRED: 60, DATE_IN_FUTURE: 40 },
  sanctions: { CODE_CHECK: 45, REQUIRED: 35, UNKNOWN_MEASURE: 20 },
  feedback: { REQUIRED: 60, UNKNOWN_MEASURE: 40 },
} as const;

/** After a rejected keyed row (XK, CF, register, push, feedback), chance that a corrected version is resent. */
export const RESEND_AFTER_REJECT = 0.7;

/**
 * ~1% of license/penalty rows are resent a few working days later with a corrected field: same key, later
 * received_at, first_received_at = the original's.
 */
export const CORRECTION_RATE = 0.01;
export const CORRECTION_DELAY_WORKDAYS = { min: 2, max: 6 } as const;

// ---------------------------------------------------------------------------------------------------------
// Joint rewards and sanctions (联合奖惩)

/** How responding units answer pushes: on time (≤ due date), late, never. */
export const SANCTION_ANSWERS = { onTime: 0.75, late: 0.15, never: 0.1 } as const;

/** One chronically slow responding unit. */
export const SLOW_RESPONDER = { unitCode: 'C010', onTime: 0.3, late: 0.45, never: 0.25 } as const;

/** Share of answers with result 'executed' (the rest 'not_applicable'). */
export const EXECUTED_RATE = 0.85;

/** Late answers arrive this many working days after the due date. */
export const LATE_ANSWER_WORKDAYS = { min: 1, max: 12 } as const;

/** Sanction pushes (rows) per year at scale 1 (≈ 20k over the 24 months). */
export const SANCTION_PUSHES_PER_YEAR = 10_000;

/** Every scenario resolved for a given today, for tests and the demo notes. */
export function scenarios(today: string) {
  return {
    chronicallyLateUnits: CHRONICALLY_LATE_UNITS,
    neverPublishRate: NEVER_PUBLISH_RATE,
    neverPublishHeavy: NEVER_PUBLISH_HEAVY,
    silentUnit: silentUnit(today),
    volumeDrop: volumeDrop(today),
    invalidRate: INVALID_RATE,
    sanctionAnswers: SANCTION_ANSWERS,
    slowResponder: SLOW_RESPONDER,
    correctionRate: CORRECTION_RATE,
  };
}
