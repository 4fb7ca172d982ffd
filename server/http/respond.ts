import 'server-only';
import { randomUUID } from 'node:crypto';
import { asClientError } from '../errors';
import { clientIp } from './proxyTrust';

export function json(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { 'cache-control': 'no-store', ...init.headers } });
}

const requestIds = new WeakMap<Request, string>();

/** The request id restHandler gave this request (the client's X-Request-Id when sent) and the caller's address, for audit rows. */
export function requestContext(req: Request): { requestId: string; ip: string } {
  return { requestId: requestIds.get(req) ?? req.headers.get('x-request-id') ?? '', ip: clientIp(req.headers) };
}

/**
 * Wrap a REST handler: client errors (server/errors.ts) become their status and message; anything else is logged
 * with a request id and answered as a bare 500, so SQL and stack traces never reach a client.
 */
export function restHandler<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    const requestId = req.headers.get('x-request-id')?.slice(0, 100) || randomUUID();
    requestIds.set(req, requestId);
    try {
      return await handler(req, ...rest);
    } catch (error) {
      const client = asClientError(error);
      if (client) {
        return json({ error: client.message, details: client.details, requestId }, { status: client.httpCode, headers: client.headers });
      }
      console.error(`[rest ${requestId}] ${req.method} ${new URL(req.url).pathname}`, error);
      return json({ error: 'internal error', requestId }, { status: 500 });
    }
  };
}
