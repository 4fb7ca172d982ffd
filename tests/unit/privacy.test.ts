import { createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { DEFAULT_SUBJECT_HASH_KEY, hashSubjectId, normaliseSubjectId } from '../../server/domain/privacy';

const ID = '11010519491231002X';
const KEY = 'test-key-0123456789abcdef';

describe('hashSubjectId', () => {
  it('is deterministic and a 64-char hex digest', () => {
    const h = hashSubjectId(ID, KEY);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSubjectId(ID, KEY)).toBe(h);
  });

  it('is HMAC-SHA256 of the normalised ID', () => {
    expect(hashSubjectId(' 11010519491231002x\n', KEY)).toBe(createHmac('sha256', KEY).update(ID).digest('hex'));
  });

  it('matches RFC 4231 test case 2 when the input is already normalised', () => {
    // Pins the primitive to the published vector; hashSubjectId then hashes the uppercased form.
    expect(createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hashSubjectId('what do ya want for nothing?', 'Jefe')).toBe(
      createHmac('sha256', 'Jefe').update('WHAT DO YA WANT FOR NOTHING?').digest('hex'),
    );
  });

  it('differs with the key', () => {
    expect(hashSubjectId(ID, KEY)).not.toBe(hashSubjectId(ID, `${KEY}!`));
    expect(hashSubjectId(ID, KEY)).not.toBe(hashSubjectId(ID, DEFAULT_SUBJECT_HASH_KEY));
  });

  it('differs with the ID', () => {
    expect(hashSubjectId(ID, KEY)).not.toBe(hashSubjectId('110105194912310011', KEY));
  });

  it('normalises case and surrounding whitespace only', () => {
    const h = hashSubjectId(ID, KEY);
    expect(hashSubjectId('11010519491231002x', KEY)).toBe(h);
    expect(hashSubjectId(`  ${ID}\t`, KEY)).toBe(h);
    expect(hashSubjectId('110105 19491231002X', KEY)).not.toBe(h);
    expect(normaliseSubjectId(' abc ')).toBe('ABC');
  });

  it('does not leak the ID', () => {
    expect(hashSubjectId(ID, KEY)).not.toContain('19491231');
  });

  it('exposes the development default key', () => {
    expect(DEFAULT_SUBJECT_HASH_KEY).toBe('dev-only-insecure-subject-hash-key');
  });
});
