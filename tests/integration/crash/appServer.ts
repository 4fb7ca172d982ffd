/**
 * The ingestion and KPI route handlers behind a real HTTP server in a process of its own, on one embedded data
 * directory, for tests/integration/ingest-crash.test.ts: the test kills this process (INGEST_CRASH_AT makes it kill
 * itself at a commit step), starts it again and retries. With SETUP_TOKEN it first migrates, loads the calendar and
 * reference data and registers that token (ingest + read) for unit D990102-01. Prints "listening <port>" when up.
 */
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { GET as batchGet } from '@/app/api/v1/ingest/batches/[batchId]/route';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import { GET as kpiGet } from '@/app/api/v1/kpi/ingestion/route';
import { createToken } from '@/server/auth/tokens';
import { ensureCalendar } from '@/server/calendar/rebuild';
import { migrate } from '@/server/db/migrate';
import { loadReferenceData } from '@/seeds/loadReference';

async function route(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  const ingest = /^\/api\/v1\/ingest\/(\w+)$/.exec(path);
  if (ingest && req.method === 'POST') return ingestPost(req, { params: Promise.resolve({ stream: ingest[1]! }) });
  const batch = /^\/api\/v1\/ingest\/batches\/([\w-]+)$/.exec(path);
  if (batch) return batchGet(req, { params: Promise.resolve({ batchId: batch[1]! }) });
  if (path === '/api/v1/kpi/ingestion') return kpiGet(req);
  return new Response('not found', { status: 404 });
}

async function main() {
await migrate();
await ensureCalendar();
if (process.env.SETUP_TOKEN) {
  await loadReferenceData(process.env.APP_TODAY!);
  await createToken({ name: 'crash-test', unitCode: 'D990102-01', scopes: ['ingest', 'read'], createdBy: 'test', secret: process.env.SETUP_TOKEN });
}

const server = createServer((req, res) => {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
  } as RequestInit);
  void route(request).then(async (response) => {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
}

void main();
