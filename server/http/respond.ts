import { randomUUID } from 'node:crypto';

/** A client error: its message says what to fix and reaches the caller as is. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { 'cache-control': 'no-store', ...init.headers } });
}

/**
 * Wrap a REST handler: HttpErrors become their status and message; anything else is logged with a request id
 * and answered as a bare 500, so SQL and stack traces never reach a client.
 */
export function restHandler<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    const requestId = req.headers.get('x-request-id') ?? randomUUID();
    try {
      return await handler(req, ...rest);
    } catch (error) {
      if (error instanceof HttpError) {
        return json({ error: error.message, details: error.details, requestId }, { status: error.status, headers: error.headers });
      }
      console.error(`[rest ${requestId}] ${req.method} ${new URL(req.url).pathname}`, error);
      return json({ error: 'internal error', requestId }, { status: 500 });
    }
  };
}
