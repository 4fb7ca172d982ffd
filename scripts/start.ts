// npm start — prepare the store (migrate, calendar, reference data, demo data if empty), build if needed, serve.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
const buildId = '.next/BUILD_ID';
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

const port = String(env().PORT);
log(`serving on http://localhost:${port}`);
const server = spawn(process.execPath, [nextBin, 'start', '-p', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
