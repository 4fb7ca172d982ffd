/**
 * The page Content-Security-Policy, per request. Scripts run only with this response's nonce: Next.js puts it on its
 * own bootstrap and chunk scripts (it reads it from the request's CSP header), and 'strict-dynamic' lets those load
 * the rest, so an injected inline script has nothing to run with. Styles stay 'unsafe-inline' (Tailwind and ECharts
 * set inline styles; a style cannot run code). eval only for the dev server's hot reload.
 */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh unguessable nonce (128 random bits), in base64 as CSP wants it. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Browsers remember HTTPS for a year once they have seen it over HTTPS (it is ignored over plain HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';
