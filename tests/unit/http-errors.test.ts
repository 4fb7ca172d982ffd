import { describe, expect, it, vi } from 'vitest';
import { QueryError } from '@/server/db/query';
import { ClientError } from '@/server/errors';
import { restHandler } from '@/server/http/respond';

describe('REST errors', () => {
  it('a client error keeps its message and status', async () => {
    const handler = restHandler(async () => {
      throw new ClientError(400, 'from must be YYYY-MM-DD');
    });
    const res = await handler(new Request('http://test/x'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'from must be YYYY-MM-DD' });
  });

  it('a server error answers 500 with a request id only: no SQL, no stack trace', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = restHandler(async () => {
      throw new QueryError('ClickHouse query failed (items)', 'items', {
        cause: new Error("Code: 62. Syntax error: SELECT secret FROM users WHERE password_hash = 'x'"),
      });
    });
    const res = await handler(new Request('http://test/x', { headers: { 'x-request-id': 'req-42' } }));
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: 'internal error', requestId: 'req-42' });
    expect(text).not.toMatch(/SELECT|password|Code: 62|at .*\.ts/);
    expect(log).toHaveBeenCalled(); // the details go to the server log
    log.mockRestore();
  });
});
