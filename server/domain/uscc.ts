/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: 17 body characters plus a check character computed modulo 31 over the charset below.
 * Pure functions, no I/O.
 */

/** The 31 code characters in value order (0..30); I, O, Z, S, V are excluded to avoid look-alikes. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1..17 (3^(i-1) mod 31). */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccErrorCode = 'USCC_LENGTH' | 'USCC_CHARSET' | 'USCC_CHECK';
export type UsccResult = { ok: true } | { ok: false; code: UsccErrorCode };

/** Value of each character code in the charset, -1 outside it (a table: validation runs for every row received). */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) USCC_VALUE[USCC_CHARSET.charCodeAt(i)] = i;

const valueAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c < 128 ? USCC_VALUE[c]! : -1;
};

/** Σ value × weight over the first 17 characters, or -1 when one is outside the charset. */
function weightedSum(s: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueAt(s, i);
    if (v < 0) return -1;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return sum;
}

// 31 − (Σ mod 31), where 31 maps back to value 0.
const checkValue = (sum: number) => (31 - (sum % 31)) % 31;

/**
 * Check character for a 17-character body, or null when the body has the wrong length or a character
 * outside the charset (lowercase included: the standard only defines uppercase).
 */
export function computeUsccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  const sum = weightedSum(first17);
  return sum < 0 ? null : USCC_CHARSET.charAt(checkValue(sum));
}

/** Validate a full 18-character code. Input must already be uppercase: we do not normalise silently. */
export function validateUscc(code: string): UsccResult {
  if (code.length !== 18) return { ok: false, code: 'USCC_LENGTH' };
  for (let i = 0; i < 18; i++) {
    if (valueAt(code, i) < 0) return { ok: false, code: 'USCC_CHARSET' };
  }
  if (checkValue(weightedSum(code)) !== valueAt(code, 17)) return { ok: false, code: 'USCC_CHECK' };
  return { ok: true };
}

/** Append the check character to a 17-character body (demo data generator). Throws on a bad body. */
export function makeUscc(first17: string): string {
  const check = computeUsccCheckChar(first17);
  if (check === null) throw new TypeError(`Invalid USCC body: ${JSON.stringify(first17)}`);
  return first17 + check;
}

/** GB 11714 organisation code: body characters are digits and all 26 uppercase letters (A=10..Z=35). */
const ORG_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(c: string): number | null {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z → 10..35
  return null;
}

/**
 * Check the organisation-code part (positions 9–17) of a USCC against GB 11714.
 * Kept separate from validateUscc on purpose: real registries contain valid USCCs whose embedded
 * organisation code fails this check (e.g. individual businesses), so it is informative only.
 */
export function validateOrgCodePart(code: string): boolean {
  if (code.length !== 18) return false;
  const part = code.slice(8, 17);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCharValue(part.charAt(i));
    if (v === null) return false;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c9 = 11 - (sum % 11);
  const expected = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  return part.charAt(8) === expected;
}
