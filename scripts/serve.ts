// npm run serve (and the last step of npm start) — the production server: Next.js behind a thin edge that decides
// which forwarding headers to believe, because only here is the socket's peer address known.
import { createServer } from 'node:http';
import next from 'next';
import { env } from '../server/env';
import { FORWARDING_HEADERS, isTrustedProxy } from '../server/http/proxyTrust';

const port = env().PORT;
// With NEXTAUTH_URL unset, next-auth takes the site from X-Forwarded-Host (Next.js copies Host there). That is safe
// only because the edge below drops a client's own X-Forwarded-Host unless it came through a trusted proxy.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';

const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!isTrustedProxy(peer)) {
    // Not our proxy: what it says about the client, the host or the scheme is the client's own claim. Next.js fills
    // X-Forwarded-Host and -Proto in again from Host and the socket.
    for (const name of FORWARDING_HEADERS) delete req.headers[name];
    req.headers['x-forwarded-for'] = peer;
  }
  void handle(req, res);
}).listen(port, () => console.log(`[serve] listening on port ${port}`));
