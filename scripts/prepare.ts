import { z } from 'zod';
import { ensureCalendar } from '../server/calendar/rebuild';
import { migrate } from '../server/db/migrate';
import { queryOne } from '../server/db/query';
import { env } from '../server/env';
import { today } from '../server/clock';
import { loadReferenceData } from '../seeds/loadReference';
import { bootstrapAccess } from '../server/auth/bootstrap';
import { subjectHashKey } from '../server/privacyKey';

/**
 * Everything the store needs before the app serves: schema, calendar, reference data, and the demo data when the
 * store has none (unless SEED_DEMO=false). Safe to run on every start.
 */
export async function prepareStore(log: (line: string) => void): Promise<void> {
  const { applied } = await migrate(log);
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema is up to date');
  await ensureCalendar();
  const { rows } = await loadReferenceData(today());
  log(`reference data loaded (${rows} rows)`);
  const e = env();
  subjectHashKey();
  await bootstrapAccess({ demo: e.SEED_DEMO, log });
  if (!e.SEED_DEMO) {
    log('SEED_DEMO=false: no demo data');
    return;
  }
  const { n } = await queryOne(
    'SELECT (SELECT count() FROM records) + (SELECT count() FROM decisions) AS n',
    {},
    z.object({ n: z.number() }),
  );
  if (n > 0) {
    log('store already has data: demo seed skipped');
    return;
  }
  const { generateDemoData } = await import('../seeds/generator/generate');
  log(`seeding demo data (scale ${e.SEED_SCALE}, seed ${e.SEED_RANDOM_SEED}, up to ${today()}) …`);
  const result = await generateDemoData({ scale: e.SEED_SCALE, seed: e.SEED_RANDOM_SEED, today: today(), log });
  const total = Object.values(result.rows).reduce((s, x) => s + x, 0);
  log(`demo data: ${total.toLocaleString()} rows (+${result.rejected.toLocaleString()} rejected) in ${result.seconds.toFixed(1)} s`);
}
