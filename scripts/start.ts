// npm start — prepare the store (migrate, calendar, reference data, demo data if empty), build if needed, serve.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeClickHouse } from '../server/db/client';
import { env } from '../server/env';
import { prepareStore } from './prepare';

const started = Date.now();
const log = (line: string) => console.log(`[start +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

await prepareStore(log);
// The embedded data directory belongs to one process at a time: hand it over to the server.
await closeClickHouse();

const SOURCES = ['app', 'server', 'seeds', 'next.config.js', 'package.json', 'postcss.config.js', 'tsconfig.json'];
function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}
const buildId = `${process.env.NEXT_DIST_DIR ?? '.next'}/BUILD_ID`;
const needsBuild = !existsSync(buildId) || Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
const nextBin = path.resolve('node_modules/next/dist/bin/next');
if (needsBuild) {
  log('building the app (next build) …');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('next build failed');
    process.exit(build.status ?? 1);
  }
}

// next-auth signs session cookies with NEXTAUTH_SECRET; without one, keep a random secret beside the data.
const secretFile = path.resolve('.data/nextauth-secret');
if (!process.env.NEXTAUTH_SECRET) {
  if (!existsSync(secretFile)) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(secretFile, 'utf8').trim();
}
const port = String(env().PORT);
log(`serving on http://localhost:${port}`);
// scripts/serve.ts, not bare `next start`: it alone sees the socket's peer and so which forwarding headers to trust.
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
