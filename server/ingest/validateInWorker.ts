/**
 * validateBody in a worker thread (./validationWorker.ts): the main thread only reads the request body and hands its
 * bytes over; the worker parses, validates and encodes, and hands back insert bodies. Same answers as validateBody in
 * the calling thread, which is used when no worker can be started.
 *
 * Flow control keeps memory flat in the batch size: at most MAX_BYTES_IN_FLIGHT body chunks are waiting in the worker
 * and at most MAX_CHUNKS_READY encoded chunks wait for the caller; reading the body pauses otherwise.
 */
import { Worker } from 'node:worker_threads';
import type { EncodedRows } from '../db/encodeRows';
import { BodyError, bodyBytes } from './body';
import type { BodyFormat } from './parse';
import type { ValidationContext } from './validate';
import { validateBody, type ValidatedChunk, type ValidationSummary } from './validateBody';

type WireEncoded = Omit<EncodedRows, 'body'> & { body: Uint8Array };
type WireChunk = Omit<ValidatedChunk, 'accepted' | 'rejected'> & { accepted: WireEncoded; rejected: WireEncoded };

export type ToWorker =
  | { type: 'start'; id: number; format: BodyFormat; ctx: ValidationContext }
  | { type: 'bytes'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'consumed'; id: number }
  | { type: 'chunk'; id: number; chunk: WireChunk }
  | { type: 'done'; id: number; summary: ValidationSummary }
  | { type: 'failed'; id: number; status: 400 | 413 | null; message: string };

const MAX_BYTES_IN_FLIGHT = 8;
const MAX_CHUNKS_READY = 2;

type Job = { onMessage: (m: FromWorker) => void; onExit: (error: Error) => void };

let worker: Promise<Worker | null> | null = null;
const cannotStart = (error: unknown) => console.warn('The validation worker cannot start; batches are validated in the request thread:', error);
const jobs = new Map<number, Job>();
let nextId = 1;

/**
 * The validation worker, started once and ready (it says so once its modules are loaded); null when it cannot start,
 * and then for good: batches are validated in the request thread instead.
 */
function readyWorker(): Promise<Worker | null> {
  worker ??= new Promise<Worker | null>((resolve) => {
    let w: Worker;
    try {
      // Inside the app (Next.js sets NEXT_RUNTIME) the build bundles the worker as JavaScript. From TypeScript sources
      // (tests, scripts) it is loaded through tsx, registered inside the thread (Node 20 passes no --import to
      // workers). The source path is spelled without `new URL(…)`, which the bundler would take for an asset to copy.
      const source = process.env.NEXT_RUNTIME ? null : import.meta.url.replace(/[^/]+$/, 'validationWorker.ts');
      w = source
        ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`, { eval: true })
        : new Worker(new URL('./validationWorker.ts', import.meta.url));
    } catch (error) {
      cannotStart(error);
      resolve(null);
      return;
    }
    let up = false;
    w.on('message', (m: FromWorker | { type: 'ready' }) => {
      if (m.type === 'ready') {
        up = true;
        idle(w);
        resolve(w);
      } else jobs.get(m.id)?.onMessage(m);
    });
    const stopped = (error: Error) => {
      if (!up) {
        cannotStart(error);
        resolve(null);
        return;
      }
      worker = null; // the next batch starts a new one
      for (const job of jobs.values()) job.onExit(error);
      jobs.clear();
    };
    w.on('error', stopped);
    w.on('exit', (code) => stopped(new Error(`the validation worker stopped (exit code ${code})`)));
  });
  return worker;
}

/** An idle worker never keeps a script or a test alive (called after its listeners are on: adding one refs it again). */
const idle = (w: Worker) => w.unref();

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** validateBody over a request body, in the worker thread when one runs. */
export async function* validateRequestBody(
  body: ReadableStream<Uint8Array> | null,
  opts: { format: BodyFormat; ctx: ValidationContext },
): AsyncGenerator<ValidatedChunk, ValidationSummary> {
  const w = await readyWorker();
  if (!w) return yield* validateBody(bodyBytes(body), opts);
  if (!body) throw new BodyError(400, 'The request has no body: send a JSON array, NDJSON or CSV');

  const id = nextId++;
  const ready: ValidatedChunk[] = [];
  let summary: ValidationSummary | null = null;
  let failure: Error | null = null;
  let bytesInFlight = 0;
  // The reader and the consumer each wait for the other or for the worker: every change wakes both.
  let waiters: Array<() => void> = [];
  const notify = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  const waitForChange = () => new Promise<void>((resolve) => waiters.push(resolve));
  jobs.set(id, {
    onMessage(m) {
      if (m.type === 'consumed') bytesInFlight--;
      else if (m.type === 'chunk') ready.push({ ...m.chunk, accepted: { ...m.chunk.accepted, body: toBuffer(m.chunk.accepted.body) }, rejected: { ...m.chunk.rejected, body: toBuffer(m.chunk.rejected.body) } });
      else if (m.type === 'done') summary = m.summary;
      else failure = m.status ? new BodyError(m.status, m.message) : new Error(m.message);
      notify();
    },
    onExit(error) {
      failure ??= error;
      notify();
    },
  });
  if (jobs.size === 1) w.ref(); // busy: a batch's answer depends on it
  w.postMessage({ type: 'start', id, format: opts.format, ctx: opts.ctx } satisfies ToWorker);

  // Read the body into the worker, pausing while it or the caller is behind.
  let stopReading = false;
  void (async () => {
    for await (const bytes of bodyBytes(body)) {
      while (!stopReading && !failure && (bytesInFlight >= MAX_BYTES_IN_FLIGHT || ready.length >= MAX_CHUNKS_READY)) await waitForChange();
      if (stopReading || failure) return;
      // Undici may hand out views into larger (or pooled) buffers: move only an ArrayBuffer of its own to the worker.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !Buffer.isBuffer(bytes) ? bytes : new Uint8Array(bytes);
      bytesInFlight++;
      w.postMessage({ type: 'bytes', id, bytes: own } satisfies ToWorker, [own.buffer as ArrayBuffer]);
    }
    w.postMessage({ type: 'end', id } satisfies ToWorker);
  })().catch((error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    notify();
  });

  try {
    for (;;) {
      const chunk = ready.shift();
      if (chunk) {
        notify(); // room for the reader
        yield chunk;
        continue;
      }
      if (failure) throw failure;
      if (summary) return summary;
      await waitForChange();
    }
  } finally {
    // The reader ends at its next chunk (not awaited: a stalled client must not hold the answer).
    stopReading = true;
    if (!summary) w.postMessage({ type: 'cancel', id } satisfies ToWorker);
    notify();
    jobs.delete(id);
    if (jobs.size === 0) idle(w);
  }
}

/** Where batches are validated: in the worker thread, or in the request thread when none could start. */
export async function validationThread(): Promise<'worker' | 'request thread'> {
  return (await readyWorker()) ? 'worker' : 'request thread';
}
