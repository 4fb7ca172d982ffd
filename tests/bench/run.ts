// npm run bench -- <name> [args]: runs tests/bench/<name>.ts, which prints its figures (never asserts on time).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.log(`usage: npm run bench -- <name>   (one of: ${available.join(', ') || 'none yet'})`);
  process.exit(name ? 1 : 0);
}
const bench = (await import(path.join(here, `${name}.ts`))) as { main: (args: string[]) => Promise<void> };
await bench.main(process.argv.slice(3));
