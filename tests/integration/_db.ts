import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { ensureCalendar } from '@/server/calendar/rebuild';
import { closeClickHouse } from '@/server/db/client';
import { migrate } from '@/server/db/migrate';
import { resetEnvCache } from '@/server/env';
import { loadReferenceData } from '@/seeds/loadReference';

/**
 * A fresh embedded ClickHouse for one test file: its own temporary data directory (each file runs in its own
 * process, and chdb binds one directory per process), migrated, with the calendar and reference data loaded.
 */
export async function freshDatabase(opts: { today?: string; reference?: boolean } = {}): Promise<{ dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'csm-test-'));
  delete process.env.CLICKHOUSE_URL;
  process.env.CLICKHOUSE_PATH = dir;
  process.env.APP_TODAY = opts.today ?? '2026-11-23';
  resetEnvCache();
  await migrate();
  await ensureCalendar();
  if (opts.reference !== false) await loadReferenceData(process.env.APP_TODAY);
  afterAll(async () => {
    await closeClickHouse();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir };
}
