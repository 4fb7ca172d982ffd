import { NextResponse, type NextRequest } from 'next/server';

/** Tell server components which path was asked for, so a sign-in redirect can come back to it. */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-pathname', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon.ico).*)'],
};
