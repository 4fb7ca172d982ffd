/**
 * Where to go after sign-in: the callbackUrl only when it is a page of this very site, as the browser itself would
 * resolve it (the URL parser, not a prefix check: '/\evil.example' and '/\t/evil.example' are other hosts to a
 * browser), else the cockpit. The answer is a path, so nothing can add a host back.
 */
export function callbackPath(value: string | null, origin: string): string {
  if (!value) return '/';
  try {
    const url = new URL(value, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
