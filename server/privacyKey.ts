import { DEFAULT_SUBJECT_HASH_KEY } from './domain/privacy';
import { env } from './env';

let warned = false;

/** The key of natural persons' ID hashes. Without SUBJECT_HASH_KEY a development key is used, loudly. */
export function subjectHashKey(): string {
  const key = env().SUBJECT_HASH_KEY;
  if (key) return key;
  if (!warned) {
    warned = true;
    console.warn(
      '\n*** WARNING: SUBJECT_HASH_KEY is not set: natural persons\' ID numbers are hashed with the built-in ' +
        'development key. Set SUBJECT_HASH_KEY (a long random secret) before loading real data. ***\n',
    );
  }
  return DEFAULT_SUBJECT_HASH_KEY;
}
