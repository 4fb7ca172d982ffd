import { isIP } from 'node:net';
import { z } from 'zod';
import { isIsoDate } from './domain/calendar';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable the server reads, validated once. Documented in README.md#configuration. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'CLICKHOUSE_DATABASE must be a plain identifier')
    .default('csm'),
  CLICKHOUSE_PATH: z.string().default('./.data/clickhouse'),
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'CLICKHOUSE_CLUSTER must be a plain identifier')
    .optional(),
  SEED_DEMO: boolish.default(true),
  SEED_SCALE: z.coerce.number().positive().default(1),
  SEED_RANDOM_SEED: z.coerce.number().int().default(20261123),
  SUBJECT_HASH_KEY: z.string().min(16, 'SUBJECT_HASH_KEY must be at least 16 characters').optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  TRUSTED_PROXIES: z
    .string()
    .refine(
      (v) =>
        v.split(',').map((e) => e.trim()).filter(Boolean).every((e) => {
          const [address = '', bits] = e.split('/');
          return isIP(address) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
        }),
      'TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges (10.0.0.5, 10.0.0.0/8, ::1)',
    )
    .optional(),
  INIT_ADMIN_EMAIL: z.email().optional(),
  INIT_ADMIN_PASSWORD: z.string().min(10, 'INIT_ADMIN_PASSWORD must be at least 10 characters').optional(),
  INIT_API_TOKEN: z.string().min(20, 'INIT_API_TOKEN must be at least 20 characters').optional(),
  APP_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'APP_TODAY must be YYYY-MM-DD')
    .refine(isIsoDate, 'APP_TODAY must be a real date')
    .optional(),
  APP_CLOCK_OFFSET_DAYS: z.coerce.number().finite().optional(),
  /** How long a request waits for another request with the same Idempotency-Key to answer before a 409. */
  INGEST_KEY_WAIT_SECONDS: z.coerce.number().positive().default(30),
  /** Test hook (server/ingest/crashPoints.ts): kill the process after this step of a batch commit. */
  INGEST_CRASH_AT: z.enum(['staged', 'recorded', 'rows', 'rejected', 'stored']).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change process.env between cases; let them re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}
