/**
 * The one client-error class (as Langfuse's BaseError.httpCode): a mistake of the caller's, whose message says what to
 * fix and reaches the caller as is. The tRPC middleware (server/trpc/init.ts) and the REST wrapper
 * (server/http/respond.ts) both turn it into its 4xx through `asClientError`; everything else is a 500 with a request id.
 */
export class ClientError extends Error {
  constructor(
    readonly httpCode: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

/**
 * What a thrown error is to the client: a ClientError as it is; a RangeError (a period whose from is after its to, a
 * date outside the calendar, too many buckets) is a 400 with its message; anything else is not the client's (null).
 */
export function asClientError(error: unknown): ClientError | null {
  if (error instanceof ClientError) return error;
  if (error instanceof RangeError) return new ClientError(400, error.message);
  return null;
}

type Issue = { path: PropertyKey[]; message: string };

/** zod issues as one line a person can act on: `from: 日期无效 …; limit: …`. */
export const issuesText = (issues: readonly Issue[], where = 'query'): string =>
  issues.map((i) => `${i.path.map(String).join('.') || where}: ${i.message}`).join('; ');

/** A failed zod parse as a 400 that names every field to fix (the issues also travel as details). */
export function invalidInput(issues: readonly Issue[], where = 'query'): ClientError {
  return new ClientError(400, `Invalid ${where}: ${issuesText(issues, where)}`, { issues: issues.map((i) => `${i.path.map(String).join('.') || where}: ${i.message}`) });
}
