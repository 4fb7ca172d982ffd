/**
 * The validation worker thread: runs validateBody (./validateBody.ts) for the batches the main thread streams to it,
 * so parsing, validating and encoding 200,000 rows run beside the main thread's HTTP and ClickHouse work instead of
 * on it. Protocol in ./validateInWorker.ts.
 */
import { parentPort } from 'node:worker_threads';
import { BodyError } from './body';
import { validateBody, type ValidatedChunk } from './validateBody';
import type { FromWorker, ToWorker } from './validateInWorker';

if (!parentPort) throw new Error('validationWorker.ts runs as a worker thread only');
const port = parentPort;

/** Byte chunks of one batch, as the main thread sends them; a pull of the next one acknowledges the previous. */
class ByteQueue implements AsyncIterable<Uint8Array> {
  private items: Uint8Array[] = [];
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  constructor(private readonly onConsumed: () => void) {}

  push(bytes: Uint8Array) {
    this.items.push(bytes);
    this.wake?.();
  }
  end() {
    this.ended = true;
    this.wake?.();
  }
  cancel() {
    this.failure = new Error('cancelled');
    this.wake?.();
  }

  async *[Symbol.asyncIterator]() {
    for (;;) {
      if (this.failure) throw this.failure;
      const next = this.items.shift();
      if (next) {
        this.onConsumed();
        yield next;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

const jobs = new Map<number, ByteQueue>();
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/**
 * The chunk's bodies in ArrayBuffers of their own, moved (not copied again) to the main thread. Copied once first: an
 * encoded body is a view into a larger buffer, and small Buffers share Node's pool, which must never be transferred.
 */
function transferable(chunk: ValidatedChunk): { chunk: ValidatedChunk; transfer: ArrayBuffer[] } {
  const own = (b: Buffer) => {
    const copy = new Uint8Array(new ArrayBuffer(b.byteLength));
    copy.set(b);
    return copy;
  };
  const accepted = own(chunk.accepted.body);
  const rejected = own(chunk.rejected.body);
  return {
    chunk: { ...chunk, accepted: { ...chunk.accepted, body: accepted as Buffer }, rejected: { ...chunk.rejected, body: rejected as Buffer } },
    transfer: [accepted.buffer, rejected.buffer],
  };
}

async function run(message: Extract<ToWorker, { type: 'start' }>) {
  const queue = new ByteQueue(() => post({ type: 'consumed', id: message.id }));
  jobs.set(message.id, queue);
  try {
    const chunks = validateBody(queue, { format: message.format, ctx: message.ctx });
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        post({ type: 'done', id: message.id, summary: next.value });
        return;
      }
      const { chunk, transfer } = transferable(next.value);
      post({ type: 'chunk', id: message.id, chunk }, transfer);
    }
  } catch (error) {
    const status = error instanceof BodyError ? error.status : null;
    post({ type: 'failed', id: message.id, status, message: error instanceof Error ? error.message : String(error) });
  } finally {
    jobs.delete(message.id);
  }
}

port.postMessage({ type: 'ready' });
port.on('message', (message: ToWorker) => {
  if (message.type === 'start') void run(message);
  else if (message.type === 'bytes') jobs.get(message.id)?.push(message.bytes);
  else if (message.type === 'end') jobs.get(message.id)?.end();
  else jobs.get(message.id)?.cancel();
});
