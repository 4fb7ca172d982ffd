/** Reading and writing scheme versions and manual scores (clickhouse/migrations/012_assessment.sql). */
import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { keptPerVersion, recordDataChange } from '../db/dataVersions';
import { insertRows, queryRows } from '../db/query';
import { DEFAULT_EFFECTIVE_FROM, DEFAULT_SCHEMES } from './defaultSchemes';
import { indicatorSchema, LEVELS, savedIndicatorsSchema, type Indicator, type Level, type Scheme } from '../../shared/assessmentScheme';
import type { ManualEntry } from './score';

const schemeRow = z.object({
  level: z.enum(LEVELS),
  version: z.number(),
  effectiveFrom: z.string(),
  name: z.string(),
  note: z.string(),
  indicators: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

/** Every version of a level's scheme, oldest first. */
export function listSchemes(level: Level): Promise<Scheme[]> {
  return keptPerVersion(['assessment'], `schemes|${level}`, () => readSchemes(level));
}

async function readSchemes(level: Level): Promise<Scheme[]> {
  const rows = await queryRows(
    `-- assessment: scheme versions
     SELECT level, version, effective_from AS effectiveFrom, name, note, indicators, created_by AS createdBy,
            toString(created_at) AS createdAt
     FROM assessment_schemes FINAL WHERE level = {level:String} ORDER BY version`,
    { level },
    schemeRow,
  );
  return rows.map((r) => ({ ...r, indicators: z.array(indicatorSchema).parse(JSON.parse(r.indicators)) }));
}

// One writer at a time in this process, so two admins saving at once get consecutive versions.
let saving: Promise<unknown> = Promise.resolve();

export async function saveScheme(input: {
  level: Level;
  effectiveFrom: string;
  name: string;
  note: string;
  indicators: Indicator[];
  createdBy: string;
}): Promise<Scheme> {
  const indicators = savedIndicatorsSchema.parse(input.indicators);
  const run = saving.then(async () => {
    const versions = await readSchemes(input.level);
    const version = (versions.at(-1)?.version ?? 0) + 1;
    const createdAt = shanghaiTimestamp();
    await insertRows('assessment_schemes', [
      {
        level: input.level,
        version,
        effective_from: input.effectiveFrom,
        name: input.name,
        note: input.note,
        indicators: JSON.stringify(indicators),
        created_by: input.createdBy,
        created_at: createdAt,
      },
    ]);
    await recordDataChange(['assessment']);
    return { ...input, indicators, version, createdAt } satisfies Scheme;
  });
  saving = run.catch(() => undefined);
  return run;
}

/** Writes version 1 (the default) of each level that has no scheme yet. Idempotent; run at start. */
export async function ensureDefaultSchemes(): Promise<void> {
  for (const level of LEVELS) {
    if ((await readSchemes(level)).length > 0) continue;
    await saveScheme({
      level,
      effectiveFrom: DEFAULT_EFFECTIVE_FROM,
      name: DEFAULT_SCHEMES[level].name,
      note: '系统默认方案',
      indicators: DEFAULT_SCHEMES[level].indicators,
      createdBy: 'system',
    });
  }
}

const manualRow = z.object({
  indicatorCode: z.string(),
  entityCode: z.string(),
  score: z.number(),
  reason: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

/**
 * The manual scores counting for the given months: per indicator and entity the latest entry of each month.
 * A period longer than a month scores the mean of its months' entries (months without an entry take the default).
 */
export function manualScores(level: Level, months: readonly string[]): Promise<Array<z.infer<typeof manualRow> & { period: string }>> {
  return keptPerVersion(['assessment'], `manual|${level}|${months.join(',')}`, () => readManualScores(level, months));
}

function readManualScores(level: Level, months: readonly string[]): Promise<Array<z.infer<typeof manualRow> & { period: string }>> {
  return queryRows(
    `-- assessment: manual scores (latest entry per month, indicator, entity)
     SELECT period, indicator_code AS indicatorCode, entity_code AS entityCode,
            argMax(score, entered_at) AS score, argMax(reason, entered_at) AS reason,
            argMax(entered_by, entered_at) AS enteredBy, toString(max(entered_at)) AS enteredAt
     FROM assessment_manual_scores
     WHERE level = {level:String} AND period IN {months:Array(String)}
     GROUP BY period, indicatorCode, entityCode`,
    { level, months },
    manualRow.extend({ period: z.string() }),
  );
}

export async function enterManualScore(input: {
  level: Level;
  period: string;
  indicatorCode: string;
  entityCode: string;
  score: number;
  reason: string;
  enteredBy: string;
}): Promise<ManualEntry> {
  const enteredAt = shanghaiTimestamp();
  await insertRows('assessment_manual_scores', [
    {
      level: input.level,
      period: input.period,
      indicator_code: input.indicatorCode,
      entity_code: input.entityCode,
      score: input.score,
      reason: input.reason,
      entered_by: input.enteredBy,
      entered_at: enteredAt,
    },
  ]);
  await recordDataChange(['assessment']);
  return { score: input.score, reason: input.reason, enteredBy: input.enteredBy, enteredAt };
}
