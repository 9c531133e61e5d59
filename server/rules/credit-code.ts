/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capitals without I, O, Z, S, V):
 * the registration authority (1), the kind of entity (1), the administrative division (6 digits), the organisation
 * code (9) and a check character. The check character is (31 − Σ value × weight mod 31) mod 31, with the weights
 * 3^(i) mod 31 for positions 1–17.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authorities: 1 机构编制, 5 民政, 9 工商 (市场监管), Y 其他 and the rest the standard allots. */
const AUTHORITIES = '123456789ANY';

/** Upper-cased, with spaces and dashes people type between groups removed. */
export const normaliseCreditCode = (raw: string): string => raw.replace(/[\s-]/g, '').toUpperCase();

/** The check character for the first 17 characters (undefined when one is outside the set). */
export function checkCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'characters' | 'structure' | 'check';

/** Why a (normalised) code is not a valid 统一社会信用代码, or undefined when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !CHARSET.includes(c))) return 'characters';
  if (!AUTHORITIES.includes(code[0]) || !/^\d{6}$/.test(code.slice(2, 8))) return 'structure';
  return checkCharacter(code.slice(0, 17)) === code[17] ? undefined : 'check';
}

export const isCreditCode = (code: string): boolean => creditCodeProblem(code) === undefined;

/** What others see of a code: the division and the check character, the organisation code hidden. */
export const maskCreditCode = (code: string): string => `${code.slice(0, 8)}********${code.slice(16)}`;
