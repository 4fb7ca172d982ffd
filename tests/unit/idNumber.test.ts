import { describe, it, expect } from 'vitest';
import {
  ID_WEIGHTS,
  computeIdCheckDigit,
  makeResidentId,
  maskResidentId,
  validateResidentId,
} from '../../server/domain/idNumber';

/*
 * Hand check of the GB 11643-1999 example 11010519491231002X:
 *   digits  1 1  0 1 0 5 1 9 4 9 1 2  3 1 0 0 2
 *   weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
 *   Σ = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; (12 − 2) mod 11 = 10 → 'X' ✓
 */
const GB_EXAMPLE = '11010519491231002X';

const VALID = [
  GB_EXAMPLE,
  makeResidentId('44030419900101001'),
  makeResidentId('32010620000229123'), // 2000 is a leap year (divisible by 400)
  makeResidentId('51010719000101000'), // earliest accepted year
  makeResidentId('11010120241231999'),
];

describe('computeIdCheckDigit', () => {
  it('weights are 2^(18-i) mod 11', () => {
    ID_WEIGHTS.forEach((w, i) => expect(w).toBe(2 ** (17 - i) % 11));
  });
  it('computes the GB example and a 0..9 digit', () => {
    expect(computeIdCheckDigit('11010519491231002')).toBe('X');
    // Σ for 11010519491231001 is 167 − 2 = 165; 165 mod 11 = 0; (12 − 0) mod 11 = 1
    expect(computeIdCheckDigit('11010519491231001')).toBe('1');
  });
  it('returns null for bad bodies', () => {
    expect(computeIdCheckDigit('1101051949123100')).toBeNull();
    expect(computeIdCheckDigit('110105194912310021')).toBeNull();
    expect(computeIdCheckDigit('1101051949123100X')).toBeNull();
  });
  it('makeResidentId appends the check digit and throws on a bad body', () => {
    expect(makeResidentId('11010519491231002')).toBe(GB_EXAMPLE);
    expect(() => makeResidentId('abc')).toThrow(TypeError);
  });
});

describe('validateResidentId', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(validateResidentId(id)).toEqual({ ok: true });
    expect(validateResidentId(id, '2025-06-30')).toEqual({ ok: true });
  });

  it('accepts a lowercase x as X, but an X check digit only where it is due', () => {
    expect(validateResidentId('11010519491231002x')).toEqual({ ok: true });
    expect(validateResidentId('110105194912310020')).toEqual({ ok: false, code: 'ID_CHECK' });
    expect(validateResidentId('11010519491231001X')).toEqual({ ok: false, code: 'ID_CHECK' });
    expect(validateResidentId('110105194912310011')).toEqual({ ok: true });
  });

  it('rejects every single-character mutation', () => {
    let checked = 0;
    for (const id of VALID) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of '0123456789X') {
          if (c === id[pos]) continue;
          const mutated = id.slice(0, pos) + c + id.slice(pos + 1);
          const r = validateResidentId(mutated);
          expect(r.ok, mutated).toBe(false);
          // A mutated birth date may become impossible; a mutated body digit otherwise breaks the check.
          if (!r.ok && pos < 17 && c !== 'X' && r.code !== 'ID_BIRTHDATE') expect(r.code).toBe('ID_CHECK');
          if (!r.ok && pos < 17 && c === 'X') expect(r.code).toBe('ID_FORMAT');
          checked++;
        }
      }
    }
    expect(checked).toBe(VALID.length * 18 * 10);
  });

  it('rejects wrong lengths', () => {
    for (const id of ['', '110105491231002', '11010519491231002', '11010519491231002X1', ` ${GB_EXAMPLE}`]) {
      expect(validateResidentId(id)).toEqual({ ok: false, code: 'ID_LENGTH' });
    }
  });

  it('rejects non-digit characters', () => {
    for (const id of ['1101051949123100XX', '11010519491231002Y', 'A1010519491231002X', '110105 949123100 X', '１1010519491231002X']) {
      expect(validateResidentId(id)).toEqual({ ok: false, code: 'ID_FORMAT' });
    }
  });

  it('rejects impossible birth dates even with a correct check digit', () => {
    const bodies = [
      '11010520250230001', // 30 February
      '11010520230229001', // 2023 not a leap year
      '11010519000229001', // 1900 not a leap year
      '11010520251301001', // month 13
      '11010520250000001', // month 00
      '11010520250100001', // day 00
      '11010520250431001', // 31 April
      '11010518991231001', // before 1900
      '11010500000101001',
    ];
    for (const body of bodies) {
      expect(validateResidentId(makeResidentId(body)), body).toEqual({ ok: false, code: 'ID_BIRTHDATE' });
    }
    expect(validateResidentId(makeResidentId('11010520240229001'))).toEqual({ ok: true });
  });

  it('rejects a birth date after today when today is given', () => {
    const bornJune2 = makeResidentId('11010520250602001');
    expect(validateResidentId(bornJune2)).toEqual({ ok: true });
    expect(validateResidentId(bornJune2, '2025-06-01')).toEqual({ ok: false, code: 'ID_BIRTHDATE' });
    expect(validateResidentId(bornJune2, '2025-06-02')).toEqual({ ok: true });
    expect(validateResidentId(makeResidentId('11010599991231001'), '2025-06-01')).toEqual({
      ok: false,
      code: 'ID_BIRTHDATE',
    });
  });

  it('throws on a malformed today', () => {
    expect(() => validateResidentId(GB_EXAMPLE, '20250601')).toThrow(TypeError);
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskResidentId(GB_EXAMPLE)).toBe('110105********002X');
    expect(maskResidentId('11010519491231123X')).toBe('110105********123X');
  });
  it('normalises a lowercase x and surrounding whitespace', () => {
    expect(maskResidentId(' 11010519491231002x ')).toBe('110105********002X');
  });
  it('never reveals the birth date', () => {
    const masked = maskResidentId(GB_EXAMPLE);
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('19491231');
  });
  it('masks other lengths proportionally and short inputs entirely', () => {
    expect(maskResidentId('110105491231002')).toBe('110105*****1002');
    expect(maskResidentId('1234567890')).toBe('**********');
    expect(maskResidentId('')).toBe('');
  });
});
