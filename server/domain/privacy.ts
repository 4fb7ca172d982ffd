/**
 * Natural persons' ID numbers are never stored in clear (design §4): we keep a keyed hash so distinct
 * subjects can still be counted. A keyed HMAC (not a bare hash) because the ID space is small enough to
 * brute-force an unkeyed digest.
 */
import { createHmac } from 'node:crypto';

/** Fallback key for development and tests only; production sets SUBJECT_HASH_KEY. */
export const DEFAULT_SUBJECT_HASH_KEY = 'dev-only-insecure-subject-hash-key';

/** Normalise before hashing so 'x' / 'X' and stray whitespace map to the same subject. */
export function normaliseSubjectId(id: string): string {
  return id.trim().toUpperCase();
}

/** HMAC-SHA256 (hex, 64 chars) of the normalised ID. */
export function hashSubjectId(id: string, key: string): string {
  return createHmac('sha256', key).update(normaliseSubjectId(id), 'utf8').digest('hex');
}
