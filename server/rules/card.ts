/** The unified 义工证: card numbers `ZSBA-YYYY-NNNNNN`, sequential per registration year. */
export const CARD_PREFIX = 'ZSBA';
export const CARD_SEQ_MAX = 999999;

export function formatCardNo(year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > CARD_SEQ_MAX)
    throw new RangeError(`card sequence out of range: ${seq}`);
  return `${CARD_PREFIX}-${year}-${String(seq).padStart(6, '0')}`;
}

/** The counter document that issues a year's numbers. */
export const cardCounterId = (year: number) => `card-${year}`;

/** Age in whole years by birth year, as the Shanghai calendar year goes (the registration form asks the year only). */
export const ageInYear = (birthYear: number, year: number) => year - birthYear;

/** Under 18 needs a guardian's name and consent. */
export const isMinor = (birthYear: number, year: number) => ageInYear(birthYear, year) < 18;
