import { MAX_BODY_BYTES } from './limits';

/** A request-level problem: nothing of the batch is kept. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/** The request body's byte chunks as they arrive; a missing body is a 400. */
export async function* bodyBytes(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) throw new BodyError(400, 'The request has no body: send a JSON array, NDJSON or CSV');
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Byte chunks as UTF-8 text chunks, streamed: counts bytes (413 past the limit) and refuses invalid UTF-8 (400),
 * without ever holding the whole body. `onBytes` sees every chunk's bytes first (the request hash).
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  opts: { maxBytes?: number; onBytes?: (bytes: Uint8Array) => void } = {},
): AsyncGenerator<string> {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  for await (const value of chunks) {
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      throw new BodyError(413, `The body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split it into several batches`);
    }
    opts.onBytes?.(value);
    try {
      yield decoder.decode(value, { stream: true });
    } catch {
      throw new BodyError(400, 'The body is not valid UTF-8: save the file as UTF-8 (e.g. "CSV UTF-8" in Excel) and send it again');
    }
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new BodyError(400, 'The body ends inside a UTF-8 character: it was cut off or is not UTF-8');
  }
}
