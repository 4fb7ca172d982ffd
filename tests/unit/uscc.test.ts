import { describe, it, expect } from 'vitest';
import {
  USCC_CHARSET,
  USCC_WEIGHTS,
  computeUsccCheckChar,
  makeUscc,
  validateOrgCodePart,
  validateUscc,
} from '../../server/domain/uscc';

/*
 * Hand check of the GB 32100-2015 example 91350100M000100Y43:
 *   chars   9  1  3  5  0  1  0  0  M  0  0  0  1  0  0  Y  4      (M = 21, Y = 30)
 *   weights 1  3  9 27 19 26 16 17 20 29 25 13  8 24 10 30 28
 *   Σ = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28 (31 × 52 = 1612)
 *   check = 31 − 28 = 3 → '3' ✓
 * Organisation-code part M000100Y4 (GB 11714 values M = 22, Y = 34):
 *   22×3 + 1×5 + 34×2 = 139; 139 mod 11 = 7; 11 − 7 = 4 → '4' ✓
 */
const PUBLISHED_VALID = [
  '91350100M000100Y43', // worked example of GB 32100-2015
  '914403001922038216', // Huawei Technologies Co., Ltd.
  '91440300708461136T', // Shenzhen Tencent Computer Systems Co., Ltd.
  '91330100799655058B', // Alibaba (China) Co., Ltd.
];

const GENERATED_VALID = [
  makeUscc('91110108MA01ABCDE'),
  makeUscc('12100000400000000'),
  makeUscc('52310000000000000'),
  makeUscc('Y1440300000000000'),
  makeUscc('93110000XYWUTRQPN'),
];

const FORBIDDEN = ['I', 'O', 'Z', 'S', 'V'];

describe('USCC constants', () => {
  it('charset has 31 characters without I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(new Set(USCC_CHARSET).size).toBe(31);
    for (const c of FORBIDDEN) expect(USCC_CHARSET).not.toContain(c);
  });
  it('weights are 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toHaveLength(17);
    USCC_WEIGHTS.forEach((w, i) => expect(w).toBe(3 ** i % 31));
  });
});

describe('computeUsccCheckChar', () => {
  it('matches the hand-computed example', () => {
    expect(computeUsccCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('maps 31 − 0 = 31 to "0"', () => {
    expect(computeUsccCheckChar('00000000000000000')).toBe('0');
  });
  it('returns null for a wrong length or a bad character', () => {
    expect(computeUsccCheckChar('')).toBeNull();
    expect(computeUsccCheckChar('9135010')).toBeNull();
    expect(computeUsccCheckChar('91350100M000100Y43')).toBeNull();
    expect(computeUsccCheckChar('91350100I000100Y4')).toBeNull();
    expect(computeUsccCheckChar('91350100m000100Y4')).toBeNull();
  });
});

describe('validateUscc', () => {
  it.each([...PUBLISHED_VALID, ...GENERATED_VALID])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });

  it('makeUscc appends the computed check char and rejects bad bodies', () => {
    expect(makeUscc('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(() => makeUscc('91350100M000100')).toThrow(TypeError);
    expect(() => makeUscc('91350100O000100Y4')).toThrow(TypeError);
  });

  it('rejects every single-character substitution of a valid code', () => {
    let checked = 0;
    for (const code of [...PUBLISHED_VALID, ...GENERATED_VALID]) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of USCC_CHARSET) {
          if (c === code[pos]) continue;
          const mutated = code.slice(0, pos) + c + code.slice(pos + 1);
          expect(validateUscc(mutated), mutated).toEqual({ ok: false, code: 'USCC_CHECK' });
          checked++;
        }
      }
    }
    expect(checked).toBe(9 * 18 * 30);
  });

  it('rejects every adjacent transposition within the 17-character body', () => {
    for (const code of [...PUBLISHED_VALID, ...GENERATED_VALID]) {
      for (let pos = 0; pos < 16; pos++) {
        if (code[pos] === code[pos + 1]) continue;
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(validateUscc(swapped).ok, swapped).toBe(false);
      }
    }
  });

  it('rejects wrong lengths', () => {
    for (const code of ['', '9', '91350100M000100Y4', '91350100M000100Y433', ' 91350100M000100Y43']) {
      expect(validateUscc(code)).toEqual({ ok: false, code: 'USCC_LENGTH' });
    }
  });

  it('rejects the forbidden letters I, O, Z, S, V at any position', () => {
    const code = PUBLISHED_VALID[0]!;
    for (const c of FORBIDDEN) {
      for (let pos = 0; pos < 18; pos++) {
        const mutated = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(validateUscc(mutated)).toEqual({ ok: false, code: 'USCC_CHARSET' });
      }
    }
  });

  it('does not uppercase silently', () => {
    expect(validateUscc('91440300708461136t')).toEqual({ ok: false, code: 'USCC_CHARSET' });
    expect(validateUscc('91350100m000100Y43')).toEqual({ ok: false, code: 'USCC_CHARSET' });
  });

  it('rejects other characters (space, punctuation, full-width digits)', () => {
    expect(validateUscc('91350100M000100Y4 ')).toEqual({ ok: false, code: 'USCC_CHARSET' });
    expect(validateUscc('91350100M000100Y4-')).toEqual({ ok: false, code: 'USCC_CHARSET' });
    expect(validateUscc('９1350100M000100Y43')).toEqual({ ok: false, code: 'USCC_CHARSET' });
  });
});

describe('validateOrgCodePart (GB 11714, informative only)', () => {
  it('accepts the organisation-code part of the published codes', () => {
    for (const code of PUBLISHED_VALID) expect(validateOrgCodePart(code), code).toBe(true);
  });
  it('handles the X (10) and 0 (11) check characters', () => {
    // Body 71093123: Σ(7×3, 1×7, 0×9, 9×10, 3×5, 1×8, 2×4, 3×2) = 21+7+0+90+15+8+8+6 = 155; 155 mod 11 = 1; 11 − 1 = 10 → 'X'
    expect(validateOrgCodePart(makeUscc('9111000071093123X'))).toBe(true);
    // All-zero body: Σ = 0; 11 − 0 = 11 → '0'
    expect(validateOrgCodePart(makeUscc('91110000000000000'))).toBe(true);
  });
  it('is not required by validateUscc', () => {
    const code = makeUscc('91110000000000001'); // org check should be '0', is '1'
    expect(validateOrgCodePart(code)).toBe(false);
    expect(validateUscc(code)).toEqual({ ok: true });
  });
  it('returns false on wrong length or characters', () => {
    expect(validateOrgCodePart('71093123X')).toBe(false);
    expect(validateOrgCodePart('91110000710-3123XX')).toBe(false);
  });
});
