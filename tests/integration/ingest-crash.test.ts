import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 13.6: the server process killed (SIGKILL) at every step of a batch commit, then the batch retried with the
 * same Idempotency-Key, converges to one copy by every measure: the answer, distinct keys, rows as received (so the
 * quality rate) and the batch record. Each step runs on a data directory of its own, through real HTTP to a real
 * server process (tests/integration/crash/appServer.ts), since only a separate process can be killed.
 */
const TOKEN = 'crash-test-token-0123456789abcdef';
const GOOD = 300;
const BAD = 300;
const LEGAL = '91350100M000100Y43';
const body = [
  ...Array.from({ length: GOOD }, (_, i) => ({ recordId: `C-${i}`, catalogCode: 'QYDJ', subjectType: 'legal', subjectName: '示范市测试有限公司', subjectCode: LEGAL, occurredOn: '2026-11-02' })),
  ...Array.from({ length: BAD }, (_, i) => ({ recordId: `X-${i}`, catalogCode: 'NOPE', subjectType: 'legal', subjectName: '示范市测试有限公司', subjectCode: LEGAL, occurredOn: '2026-11-02' })),
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const dirs: string[] = [];
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Server = { port: number; child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> };

async function startServer(dir: string, env: Record<string, string>): Promise<Server> {
  const { CLICKHOUSE_URL: _embedded, INGEST_CRASH_AT: _none, ...inherited } = process.env;
  // Route handlers run under React's server condition, as in Next (their server-only marks resolve to nothing there).
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/integration/crash/appServer.ts'], {
    env: { ...inherited, CLICKHOUSE_PATH: dir, APP_TODAY: '2026-11-23', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then((how) => reject(new Error(`the server exited (${how}) before listening: ${err.slice(-2000)}`)));
  });
  return { port, child, exited };
}

const auth = { authorization: `Bearer ${TOKEN}` };
const postBatch = (s: Server) =>
  fetch(`http://127.0.0.1:${s.port}/api/v1/ingest/records`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/x-ndjson', 'idempotency-key': 'migration-run-7' },
    body,
  });

async function measures(s: Server) {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/v1/kpi/ingestion?from=2026-11-01&to=2026-11-23&groupBy=unit&unit=D990102-01`, { headers: auth });
  expect(res.status).toBe(200);
  const kpi = (await res.json()) as { rows: Array<{ key: string; accepted: number; acceptedRows: number; rejectedRows: number; qualityRate: number }> };
  const row = kpi.rows.find((r) => r.key === 'D990102-01')!;
  return { accepted: row.accepted, acceptedRows: row.acceptedRows, rejectedRows: row.rejectedRows, qualityRate: row.qualityRate };
}

describe('issue 13.6: a retry after a crash at any commit step converges to one copy', () => {
  for (const step of ['staged', 'recorded', 'rows', 'rejected', 'stored']) {
    it(`killed after '${step}'`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), `csm-crash-${step}-`));
      dirs.push(dir);
      const crashing = await startServer(dir, { SETUP_TOKEN: TOKEN, INGEST_CRASH_AT: step });
      await expect(postBatch(crashing)).rejects.toThrow(); // no answer: the process died
      expect(await crashing.exited).toBe('SIGKILL');

      const server = await startServer(dir, {});
      try {
        const retry = await postBatch(server);
        expect(retry.status).toBe(200);
        const answer = (await retry.json()) as { batchId: string; accepted: number; rejected: number };
        expect(answer).toMatchObject({ accepted: GOOD, rejected: BAD });
        const once = { accepted: GOOD, acceptedRows: GOOD, rejectedRows: BAD, qualityRate: 0.5 };
        expect(await measures(server)).toEqual(once);
        const batch = await fetch(`http://127.0.0.1:${server.port}/api/v1/ingest/batches/${answer.batchId}`, { headers: auth });
        expect(batch.status).toBe(200);
        const detail = (await batch.json()) as { status: string; errors: unknown[] };
        expect(detail.status).toBe('stored');
        expect(detail.errors).toHaveLength(BAD);
        // Once more: the stored answer again, nothing added.
        const again = await postBatch(server);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(await again.json()).toEqual(answer);
        expect(await measures(server)).toEqual(once);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }, 180_000);
  }
});
