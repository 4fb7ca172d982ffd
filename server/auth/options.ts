import type { NextAuthOptions } from 'next-auth';
import credentialsModule from 'next-auth/providers/credentials';
import { writeAudit } from './audit';
import { verifyPassword } from './passwords';
import { signInBlocked } from './rateLimit';
import { findUserByEmail, normaliseEmail } from './users';

// next-auth ships CommonJS: a bundler hands over its default export, Node's own ESM loader (tsx: scripts and the
// crash tests' server process) the whole module.exports.
const CredentialsProvider = ((credentialsModule as unknown as { default?: typeof credentialsModule }).default ?? credentialsModule);

/** Error codes the sign-in page turns into a message; nothing here reveals whether an account exists. */
export const SIGN_IN_ERRORS = { invalid: 'CredentialsSignin', blocked: 'RateLimited' } as const;

export function clientIp(headers: Headers | Record<string, unknown> | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
  };
  return (get('x-forwarded-for')?.split(',')[0] ?? get('x-real-ip') ?? '').trim();
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = normaliseEmail(credentials?.email ?? '');
        const password = credentials?.password ?? '';
        const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
        if (!email || !password) throw new Error(SIGN_IN_ERRORS.invalid);
        const limit = await signInBlocked(email, ip);
        if (limit.blocked) {
          await writeAudit({ action: 'sign_in_blocked', actorName: email, target: 'sign_in', ip });
          throw new Error(SIGN_IN_ERRORS.blocked);
        }
        const user = await findUserByEmail(email);
        const ok = user !== null && !user.disabled && (await verifyPassword(user.passwordHash, password));
        if (!ok || !user) {
          await writeAudit({
            action: 'sign_in_failed',
            actorName: email,
            target: 'sign_in',
            ip,
            detail: user?.disabled ? 'disabled' : '',
          });
          throw new Error(SIGN_IN_ERRORS.invalid);
        }
        await writeAudit({ action: 'sign_in', actor: { id: user.id, name: user.email, role: user.role }, target: 'sign_in', ip });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id: role and binding are read fresh on every request (a disabled user is out at once).
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
