import { env } from '../env';

/** Methods that change nothing: a cross-site page may cause them (links, images), so they must stay harmless. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const changesState = (req: Request) => !SAFE_METHODS.has(req.method.toUpperCase());

/** The host the browser addressed: X-Forwarded-Host (only ever a trusted proxy's, see proxyTrust) or Host. */
function requestHost(req: Request): string {
  const forwarded = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || req.headers.get('host') || new URL(req.url).host;
}

/**
 * Whether a browser request comes from this site's own pages. Browsers send Origin on every POST, PUT, PATCH and
 * DELETE and a page cannot forge it, so a missing or foreign Origin on a cookie-authenticated change is a cross-site
 * request (CSRF). The site is NEXTAUTH_URL when set, else the host the request was sent to.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const site = env().NEXTAUTH_URL;
  return site ? new URL(site).host === host : requestHost(req) === host;
}
