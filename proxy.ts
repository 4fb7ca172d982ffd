import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from './server/http/securityHeaders';

/**
 * Every page: a CSP with a nonce of its own (server/http/securityHeaders.ts), HSTS when served over HTTPS, and the
 * path asked for, so a sign-in redirect can come back to it.
 */
export function proxy(request: NextRequest) {
  const csp = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV !== 'production');
  const headers = new Headers(request.headers);
  headers.set('x-pathname', request.nextUrl.pathname + request.nextUrl.search);
  headers.set('content-security-policy', csp); // Next.js takes the nonce for its scripts from here
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  // X-Forwarded-Proto is Next.js's own (from the socket) or a trusted proxy's: the edge drops anyone else's.
  if (request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:') {
    response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon.ico).*)'],
};
