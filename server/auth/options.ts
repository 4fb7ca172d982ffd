import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NextAuthOptions } from 'next-auth';
import credentialsModule from 'next-auth/providers/credentials';
import { clientIp } from '../http/proxyTrust';
import { writeAudit } from './audit';
import { verifyPassword } from './passwords';
import { signInLimit } from './rateLimit';
import { findUserByEmail, normaliseEmail } from './users';

// next-auth ships CommonJS: a bundler hands over its default export, Node's own ESM loader (tsx: scripts and the
// crash tests' server process) the whole module.exports.
const CredentialsProvider = ((credentialsModule as unknown as { default?: typeof credentialsModule }).default ?? credentialsModule);

/** Error codes the sign-in page turns into a message; nothing here reveals whether an account exists. */
export const SIGN_IN_ERRORS = { invalid: 'CredentialsSignin', blocked: 'RateLimited' } as const;

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
        const limit = await signInLimit(email, ip);
        if (limit.blocked) {
          await writeAudit({ action: 'sign_in_blocked', actorName: email, target: 'sign_in', ip });
          throw new Error(SIGN_IN_ERRORS.blocked);
        }
        // An account guessed at from many addresses answers slowly: a wait, never a lock, so its owner still gets in.
        if (limit.delaySeconds > 0) await sleep(limit.delaySeconds * 1000);
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
