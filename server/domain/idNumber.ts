/**
 * 18-digit resident identity number (公民身份号码), GB 11643-1999.
 *
 * Layout: 6-digit address code, 8-digit birth date YYYYMMDD (positions 7–14), 3-digit sequence,
 * 1 check character (0-9 or X) computed modulo 11. Pure functions, no I/O.
 */

/** Weights for positions 1..17 (2^(18-i) mod 11). */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export type ResidentIdErrorCode = 'ID_LENGTH' | 'ID_FORMAT' | 'ID_BIRTHDATE' | 'ID_CHECK';
export type ResidentIdResult = { ok: true } | { ok: false; code: ResidentIdErrorCode };

const DIGITS17 = /^[0-9]{17}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Check digit ('0'-'9' or 'X') for a 17-digit body, or null when the body is not 17 digits. */
export function computeIdCheckDigit(first17: string): string | null {
  if (!DIGITS17.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/**
 * Validate an 18-character resident ID. A lowercase final 'x' is accepted (common in real data).
 * `today` (YYYY-MM-DD, Asia/Shanghai) rejects birth dates in the future; births before 1900 are rejected.
 */
export function validateResidentId(id: string, today?: string): ResidentIdResult {
  if (id.length !== 18) return { ok: false, code: 'ID_LENGTH' };
  const body = id.slice(0, 17);
  const last = id.charAt(17).toUpperCase();
  if (!DIGITS17.test(body) || !/^[0-9X]$/.test(last)) return { ok: false, code: 'ID_FORMAT' };

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, code: 'ID_BIRTHDATE' };
  if (today !== undefined) {
    if (!ISO_DATE.test(today)) throw new TypeError(`Invalid today: ${JSON.stringify(today)}`);
    // Same fixed-width format on both sides, so string order is date order.
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    if (birth > today) return { ok: false, code: 'ID_BIRTHDATE' };
  }

  if (computeIdCheckDigit(body) !== last) return { ok: false, code: 'ID_CHECK' };
  return { ok: true };
}

/** Append the check digit to a 17-digit body (demo data generator). Throws on a bad body. */
export function makeResidentId(first17: string): string {
  const check = computeIdCheckDigit(first17);
  if (check === null) throw new TypeError(`Invalid resident ID body: ${JSON.stringify(first17)}`);
  return first17 + check;
}

/**
 * Masked form kept instead of the clear ID: first 6 and last 4 visible, everything between as '*'
 * (8 stars for an 18-character ID). A lowercase trailing 'x' is shown as 'X'.
 * Inputs of 10 characters or fewer are fully masked so that nothing leaks.
 */
export function maskResidentId(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}
