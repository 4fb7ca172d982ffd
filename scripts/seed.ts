// npm run seed -- --scale N --seed S [--today YYYY-MM-DD] [--reset]
// Generate the deterministic demo data (24 months ending at today) into the configured ClickHouse.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ensureCalendar } from '../server/calendar/rebuild';
import { today as clockToday } from '../server/clock';
import { closeClickHouse } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { queryOne, runCommand } from '../server/db/query';
import { env } from '../server/env';
import { STREAMS } from '../server/ingest/streams';
import { refreshPublicityCube } from '../server/metrics/publicity/cube';
import { refreshSanctionCube } from '../server/metrics/sanctions/cube';
import { generateDemoData } from '../seeds/generator/generate';
import { loadReferenceData } from '../seeds/loadReference';

/** What --reset empties: the six streams, batches, quarantine and the rollups fed from them. */
const RESET_TABLES = [
  ...STREAMS,
  'ingest_batches',
  'rejected_rows',
  'ingest_daily',
  'rejected_daily',
  'rejected_catalog_daily',
  // demo entries of the manual assessment indicator (scheme versions are kept)
  'assessment_manual_scores',
  // double publicity: the per-decision rollup and its cube are fed from the streams
  'publicity_decisions',
  'publicity_cube',
  'publicity_exceptions',
  'publicity_cube_builds',
  // joint sanctions: one row per push, fed from sanctions and feedback, and the builds derived from it
  'sanction_pushes',
  'sanction_items',
  'sanction_cube',
  'sanction_cube_builds',
  'sanction_cases',
  'sanction_cases_builds',
  // supervision notices list items of the data being replaced
  'notices',
  'notice_items',
  'notice_events',
] as const;

const USAGE = 'usage: npm run seed -- [--scale N] [--seed S] [--today YYYY-MM-DD] [--reset]';

/** A refusal with a message for the operator (no stack trace). */
class RefusedError extends Error {}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}
const { values } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const e = env();
const scale = values.scale !== undefined ? Number(values.scale) : e.SEED_SCALE;
if (!Number.isFinite(scale) || scale <= 0) fail(`--scale must be a positive number\n${USAGE}`);
const seed = values.seed !== undefined ? Number(values.seed) : e.SEED_RANDOM_SEED;
if (!Number.isInteger(seed)) fail(`--seed must be an integer\n${USAGE}`);
const day = values.today ?? clockToday();
if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) fail(`--today must be YYYY-MM-DD\n${USAGE}`);

const started = performance.now();
const log = (line: string) => console.log(`[seed +${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);
let peakRss = 0;
const rssTimer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);

try {
  await migrate(log);
  await ensureCalendar();
  await loadReferenceData(day);

  const { n } = await queryOne(
    `-- rows already in the stream tables
     SELECT ${STREAMS.map((s) => `(SELECT count() FROM ${s})`).join(' + ')} + (SELECT count() FROM ingest_batches) AS n`,
    {},
    z.object({ n: z.number() }),
  );
  if (n > 0) {
    if (!values.reset) {
      throw new RefusedError(
        `The store already holds ${n.toLocaleString('en-US')} ingested rows: refusing to add demo data on top of them.\n` +
          'Run again with --reset to empty the stream, batch, rejected-row and rollup tables first.',
      );
    }
    for (const table of RESET_TABLES) await runCommand(`TRUNCATE TABLE IF EXISTS ${table}`);
    log(`reset: emptied ${RESET_TABLES.join(', ')}`);
  }

  log(`generating demo data: scale ${scale}, seed ${seed}, 24 months ending ${day}`);
  const result = await generateDemoData({ scale, seed, today: day, log });
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  for (const [stream, count] of Object.entries(result.rows)) console.log(`  ${stream.padEnd(10)} ${count.toLocaleString('en-US').padStart(12)}`);
  console.log(`  ${'rejected'.padEnd(10)} ${result.rejected.toLocaleString('en-US').padStart(12)}`);
  console.log(`  ${'batches'.padEnd(10)} ${result.batches.toLocaleString('en-US').padStart(12)}`);
  console.log(
    `${total.toLocaleString('en-US')} rows stored in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(total / result.seconds).toLocaleString('en-US')} rows/s), peak RSS ${Math.round(peakRss / 1e6)} MB`,
  );
  // Build the dashboards' cubes now rather than on the first visit (figures are exact either way).
  const publicity = await refreshPublicityCube();
  const sanctions = await refreshSanctionCube();
  log(`cubes built: double publicity ${publicity.units} units (${publicity.seconds.toFixed(1)} s), joint sanctions ${sanctions.units} units (${sanctions.seconds.toFixed(1)} s)`);
} catch (error) {
  if (!(error instanceof RefusedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  clearInterval(rssTimer);
  await closeClickHouse();
}
