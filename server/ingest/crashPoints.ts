import { env, type Env } from '../env';

/**
 * The steps of committing a batch, in order. After 'staged' the batch's rows are validated and in the staging tables;
 * 'recorded' the batch record says 'committing' (with its answer); 'rows' the accepted rows are in the stream table;
 * 'rejected' the quarantined rows are in rejected_rows; 'stored' the batch record says 'stored'; the answer follows.
 */
export type CommitStep = NonNullable<Env['INGEST_CRASH_AT']>;

/**
 * A test hook: with INGEST_CRASH_AT=<step> the process kills itself (SIGKILL: no cleanup, no answer) once a batch has
 * done that step, so tests prove a retry converges after a crash at every step. Never set in production.
 */
export function crashPoint(step: CommitStep): void {
  if (env().INGEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}
