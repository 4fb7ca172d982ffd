// npm run bench -- load [--scale 1] [--users 50] [--seconds 60] [--path /work/bench-data/s1]: many users at once
// against the production server (npm start's path) on a generated store. Each simulated user signs in as one of the
// demo roles and loops: think 0.2–1 s, then one request from a realistic mix (mostly the dashboards' default views,
// some varied filters, some item pages and exports), while ingestion batches arrive every few seconds. Prints
// requests/s, p50/p95/max and errors per route, and the server's memory. Asserts nothing.
import { parseArgs } from 'node:util';
import { closeClickHouse } from '../../server/db/client';
import { makeUscc } from '../../server/domain/uscc';
import { startServer, stopServer, treeRss } from './_server';
import { openBenchStore } from './_store';

const PASSWORD = 'Demo@2026-csm';
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const ROLES = ['leader', 'district', 'unit', 'inspector', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** Deterministic choices (mulberry32): the same seed drives the same mix on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = ReturnType<typeof prng>;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** The requests a user makes, by weight: the label is the route (and export format) figures are reported under. */
function requestMix(today: string) {
  const month = today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const closed = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const quarter = `${m <= 3 ? y - 1 : y}-Q${m <= 3 ? 4 : Math.floor((m - 1) / 3)}`;
  const ranges = ['', `from=${y}-01-01&to=${today}`, `from=${closed}-01&to=${closed}-28`, `from=${y - 1}-${String(m).padStart(2, '0')}-01&to=${today}`];
  const kpi = (stream: 'ingestion' | 'publicity' | 'sanctions', groups: readonly string[]) => (rand: Rand) => {
    const range = pick(rand, ranges);
    const groupBy = pick(rand, groups);
    return `/api/v1/kpi/${stream}?groupBy=${groupBy}${range ? `&${range}` : ''}`;
  };
  const weighted: Array<[number, string, (rand: Rand) => string]> = [
    // The dashboards' default views: what most users open.
    [14, 'kpi/ingestion', () => '/api/v1/kpi/ingestion'],
    [14, 'kpi/publicity', () => '/api/v1/kpi/publicity'],
    [10, 'kpi/sanctions', () => '/api/v1/kpi/sanctions'],
    [14, 'assessment', () => `/api/v1/assessment?period=${closed}&level=district`],
    // Varied filters.
    [6, 'kpi/ingestion', kpi('ingestion', ['unit', 'district', 'catalog', 'month'])],
    [6, 'kpi/publicity', kpi('publicity', ['unit', 'district', 'catalog', 'month'])],
    [4, 'kpi/sanctions', kpi('sanctions', ['unit', 'district', 'measure', 'month'])],
    [8, 'assessment', (rand) => `/api/v1/assessment?period=${pick(rand, [closed, quarter, `R12-${closed}`])}&level=${pick(rand, ['district', 'unit'])}`],
    // Item pages and exports, for some.
    [5, 'items/publicity', () => '/api/v1/items/publicity?status=overdue'],
    [3, 'items/sanctions', () => '/api/v1/items/sanctions'],
    [3, 'items/problems', () => '/api/v1/items/problems'],
    [2, 'items/publicity csv', () => '/api/v1/items/publicity?status=overdue&format=csv'],
    [1, 'items/problems xlsx', () => '/api/v1/items/problems?format=xlsx'],
  ];
  const total = weighted.reduce((s, [w]) => s + w, 0);
  return (rand: Rand): { label: string; path: string } => {
    let r = rand() * total;
    for (const [w, label, make] of weighted) {
      r -= w;
      if (r < 0) return { label, path: make(rand) };
    }
    const [, label, make] = weighted[0]!;
    return { label, path: make(rand) };
  };
}

/** next-auth's credentials flow over plain HTTP: the CSRF cookie and token, then the session cookie. */
async function signIn(base: string, role: Role): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: `${role}@demo.example`, password: PASSWORD, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`signing in as ${role} failed (${res.status})`);
  return cookie();
}

/** Record batches arriving meanwhile, as a member unit's system sends them. */
function ingestionRows(n: number, batch: number): string {
  const codes = Array.from({ length: 200 }, (_, i) => makeUscc(`91990102MA${String(i).padStart(7, '0')}`));
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      recordId: `load-${batch}-${i}`,
      catalogCode: 'QYDJ',
      subjectType: 'legal',
      subjectName: `示范市第${i % 200}号企业有限公司`,
      subjectCode: codes[i % 200],
      occurredOn: '2026-11-02',
    }),
  ).join('\n');
}

type Sample = { ms: number; ok: boolean; at: number };
/** The first seconds fill an empty cache (every distinct question computed once): reported apart. */
const WARM_UP_SECONDS = 10;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      users: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '60' },
      path: { type: 'string' },
      today: { type: 'string', default: '2026-11-23' },
      port: { type: 'string', default: '3191' },
      'batch-rows': { type: 'string', default: '5000' },
      'batch-every': { type: 'string', default: '5' },
    },
  });
  const scale = Number(values.scale);
  const users = Number(values.users);
  const seconds = Number(values.seconds);
  const dataDir = values.path ?? `/work/bench-data/s${scale}`;
  const base = `http://127.0.0.1:${values.port}`;
  const t0 = performance.now();
  await openBenchStore({ path: dataDir, scale, seed: 1, today: values.today });
  console.log(`store ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await closeClickHouse(); // one process per embedded data directory: the server opens it next
  console.log(`starting the production server on ${dataDir} …`);
  const server = await startServer({ port: Number(values.port), dataDir, env: { APP_TODAY: values.today, INIT_API_TOKEN: ADMIN_TOKEN } });
  try {
    const cookies = new Map<Role, string>();
    for (const role of ROLES) cookies.set(role, await signIn(base, role));
    const created = await fetch(`${base}/api/v1/admin/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ unitCode: 'D990102-01', scopes: ['ingest'], name: 'load bench' }),
    });
    if (!created.ok) throw new Error(`creating the ingest token failed: ${created.status} ${await created.text()}`);
    const { token } = (await created.json()) as { token: string };

    const next = requestMix(values.today);
    const samples = new Map<string, Sample[]>();
    const errors = new Map<string, string>();
    const record = (label: string, ms: number, ok: boolean, why?: string) => {
      let xs = samples.get(label);
      if (!xs) samples.set(label, (xs = []));
      xs.push({ ms, ok, at: performance.now() });
      if (!ok && why && !errors.has(label)) errors.set(label, why);
    };
    const idleRss = treeRss(server.pid!);
    let peakRss = idleRss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, treeRss(server.pid!))), 500);
    const end = performance.now() + seconds * 1000;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    // Roles as a month-end would see them: leaders and districts most, then units, inspectors, the office.
    const roleFor = (i: number): Role => (['leader', 'district', 'district', 'unit', 'leader', 'inspector', 'district', 'unit', 'admin', 'leader'] as const)[i % 10]!;
    const user = async (i: number) => {
      const rand = prng(1000 + i);
      const cookie = cookies.get(roleFor(i))!;
      while (performance.now() < end) {
        await sleep(200 + rand() * 800);
        if (performance.now() >= end) break;
        const { label, path } = next(rand);
        const started = performance.now();
        try {
          const res = await fetch(base + path, { headers: { cookie } });
          await res.arrayBuffer();
          // A unit or district asking for another's items is refused by design: 403 is an answer, not an error.
          record(label, performance.now() - started, res.ok || res.status === 403, res.ok || res.status === 403 ? undefined : `${res.status} ${path}`);
        } catch (error) {
          record(label, performance.now() - started, false, String(error));
        }
      }
    };
    let batches = 0;
    const ingestion = async () => {
      while (performance.now() < end) {
        await sleep(Math.min(Number(values['batch-every']) * 1000, end - performance.now()));
        if (performance.now() >= end) break;
        const started = performance.now();
        const res = await fetch(`${base}/api/v1/ingest/records`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
          body: ingestionRows(Number(values['batch-rows']), batches),
        });
        const text = await res.text();
        batches++;
        record('ingest/records (POST)', performance.now() - started, res.ok, res.ok ? undefined : `${res.status} ${text.slice(0, 120)}`);
      }
    };
    console.log(`\n${users} users for ${seconds} s (think 0.2–1 s), a ${values['batch-rows']}-row batch every ${values['batch-every']} s …`);
    const started = performance.now();
    const warm = started + WARM_UP_SECONDS * 1000;
    await Promise.all([...Array.from({ length: users }, (_, i) => user(i)), ingestion()]);
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(rssTimer);

    const all = [...samples.entries()].filter(([l]) => !l.startsWith('ingest/'));
    const count = all.reduce((s, [, xs]) => s + xs.length, 0);
    const allMs = all.flatMap(([, xs]) => xs.map((x) => x.ms)).sort((a, b) => a - b);
    console.log(`\n${count.toLocaleString('en')} reads in ${elapsed.toFixed(0)} s: ${(count / elapsed).toFixed(1)} requests/s; p50 ${quantile(allMs, 0.5).toFixed(0)} ms, p95 ${quantile(allMs, 0.95).toFixed(0)} ms; ${batches} ingestion batches committed meanwhile`);
    console.log(`server memory: idle ${(idleRss / 2 ** 20).toFixed(0)} MB, peak ${(peakRss / 2 ** 20).toFixed(0)} MB\n`);
    const steadyMs = all.flatMap(([, xs]) => xs.filter((x) => x.at >= warm).map((x) => x.ms)).sort((a, b) => a - b);
    console.log(`after the first ${WARM_UP_SECONDS} s (cache filled): p50 ${quantile(steadyMs, 0.5).toFixed(0)} ms, p95 ${quantile(steadyMs, 0.95).toFixed(0)} ms`);
    console.log('route                      requests   p50 ms   p95 ms   max ms   errors   p95 after warm-up');
    for (const [label, xs] of [...samples.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
      const bad = xs.filter((x) => !x.ok).length;
      const steady = xs.filter((x) => x.at >= warm).map((x) => x.ms).sort((a, b) => a - b);
      console.log(
        `${label.padEnd(26)} ${String(xs.length).padStart(8)} ${quantile(ms, 0.5).toFixed(0).padStart(8)} ${quantile(ms, 0.95).toFixed(0).padStart(8)} ${ms[ms.length - 1]!.toFixed(0).padStart(8)} ${String(bad).padStart(8)} ${quantile(steady, 0.95).toFixed(0).padStart(10)}`,
      );
    }
    for (const [label, why] of errors) console.log(`first error on ${label}: ${why}`);
  } finally {
    stopServer(server);
  }
}
