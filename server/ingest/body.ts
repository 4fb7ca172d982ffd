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

/**
 * The request body as UTF-8 text chunks, streamed: counts bytes (413 past the limit) and refuses invalid UTF-8
 * (400), without ever holding the whole body.
 */
export async function* textChunks(body: ReadableStream<Uint8Array> | null, maxBytes = MAX_BODY_BYTES): AsyncGenerator<string> {
  if (!body) throw new BodyError(400, 'The request has no body: send a JSON array, NDJSON or CSV');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        throw new BodyError(413, `The body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split it into several batches`);
      }
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
  } finally {
    reader.releaseLock();
  }
}
