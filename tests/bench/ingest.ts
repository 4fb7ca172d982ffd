// npm run bench:ingest [-- --rows 200000 --repeat 3]: rows/s through POST /api/v1/ingest/records with validation,
// for NDJSON, JSON and CSV, and the server's peak memory by batch size. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeUscc } from '../../server/domain/uscc';
import { startServer, stopServer, treeRss, withPeakRss } from './_server';

const FIELDS = ['recordId', 'catalogCode', 'subjectType', 'subjectName', 'subjectCode', 'occurredOn'] as const;

function rows(n: number, prefix: string) {
  const codes = Array.from({ length: 1000 }, (_, i) => makeUscc(`91990102MA${String(i).padStart(7, '0')}`));
  return Array.from({ length: n }, (_, i) => ({
    recordId: `${prefix}-${i}`,
    catalogCode: 'QYDJ',
    subjectType: 'legal',
    subjectName: `示范市第${i % 1000}号企业有限公司`,
    subjectCode: codes[i % 1000]!,
    occurredOn: '2026-11-02',
  }));
}

function body(format: 'ndjson' | 'json' | 'csv', data: ReturnType<typeof rows>): string {
  if (format === 'ndjson') return data.map((r) => JSON.stringify(r)).join('\n');
  if (format === 'json') return JSON.stringify(data);
  return [FIELDS.join(','), ...data.map((r) => FIELDS.map((f) => r[f]).join(','))].join('\n');
}
const TYPES = { ndjson: 'application/x-ndjson', json: 'application/json', csv: 'text/csv' } as const;

export async function main(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { rows: { type: 'string', default: '200000' }, repeat: { type: 'string', default: '3' }, port: { type: 'string', default: '3199' } } });
  const n = Number(values.rows);
  const repeat = Number(values.repeat);
  const port = Number(values.port);
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csm-bench-ingest-'));
  const adminToken = 'bench-admin-token-0123456789abcdef';
  console.log(`starting the production server on ${dataDir} …`);
  const server = await startServer({ port, dataDir, env: { SEED_DEMO: 'false', INIT_API_TOKEN: adminToken } });
  try {
    const created = await fetch(`${base}/api/v1/admin/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ unitCode: 'D990102-01', scopes: ['ingest'], name: 'bench' }),
    });
    const { token } = (await created.json()) as { token: string };
    const post = async (format: keyof typeof TYPES, text: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/ingest/records`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': TYPES[format] },
        body: text,
      });
      const answer = (await res.json()) as { accepted: number; rejected: number };
      const seconds = (performance.now() - t0) / 1000;
      if (!res.ok || answer.accepted !== text.split('\n').length - (format === 'csv' ? 1 : 0) && format !== 'json') {
        throw new Error(`unexpected answer ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
      }
      return { seconds, accepted: answer.accepted };
    };

    // Warm up (JIT, first parts, dictionaries).
    await post('ndjson', body('ndjson', rows(20_000, 'warm')));
    console.log(`\nthroughput, ${n.toLocaleString('en')}-row batches, ${repeat} runs each (server: next start + embedded ClickHouse, 2 cores)`);
    console.log('format   MB     best s   median s   rows/s (median)   peak server RSS');
    for (const format of ['ndjson', 'json', 'csv'] as const) {
      const times: number[] = [];
      let peak = 0;
      let mb = 0;
      for (let i = 0; i < repeat; i++) {
        const text = body(format, rows(n, `${format}-${i}`));
        mb = Buffer.byteLength(text) / 1024 / 1024;
        const { result, peak: p } = await withPeakRss(server.pid!, () => post(format, text));
        times.push(result.seconds);
        peak = Math.max(peak, p);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      console.log(
        `${format.padEnd(8)} ${mb.toFixed(1).padStart(5)}  ${times[0]!.toFixed(2).padStart(7)}  ${median.toFixed(2).padStart(9)}   ${Math.round(n / median).toLocaleString('en').padStart(15)}   ${(peak / 1024 / 1024).toFixed(0).padStart(8)} MB`,
      );
    }
    console.log('\nserver peak memory by NDJSON batch size (flat means streaming):');
    console.log(`idle RSS ${(treeRss(server.pid!) / 1024 / 1024).toFixed(0)} MB`);
    for (const size of [10_000, 50_000, 100_000, 200_000]) {
      const text = body('ndjson', rows(size, `mem-${size}`));
      const { result, peak } = await withPeakRss(server.pid!, () => post('ndjson', text));
      console.log(`${size.toLocaleString('en').padStart(8)} rows  ${result.seconds.toFixed(2)} s  peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);
    }
  } finally {
    stopServer(server);
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
