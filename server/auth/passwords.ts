import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum parameters (19 MiB, 2 passes): slow for an attacker, ~30 ms for a sign-in.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The minimum we accept for a new password: long enough to resist guessing under rate limiting. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 个字符 (password must be at least 10 characters)';
  if (password.length > 200) return '密码过长 (password too long)';
  return null;
}
