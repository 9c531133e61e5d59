/** Registration rules that need no database: age, guardian, consent, de-duplication of choices. */
import { PRIVACY_NOTICE_VERSION } from '../../typings/data';
import { invalid } from '../errors';
import { isMinor } from '../rules/card';

export const MIN_AGE = 6;
export const MAX_AGE = 100;

interface AgeAndGuardian {
  birthYear: number;
  guardian?: { name: string; mobile: string; consent: boolean };
  mobile?: string;
}

/** Checks the birth year against this Shanghai year and, for under-18s, the guardian's details and consent. */
export function checkAgeAndGuardian(input: AgeAndGuardian, year: number): void {
  const age = year - input.birthYear;
  if (age < MIN_AGE || age > MAX_AGE) {
    throw invalid(`出生年份需在 ${year - MAX_AGE} 至 ${year - MIN_AGE} 年之间`, { birthYear: '请填写正确的出生年份' });
  }
  if (!isMinor(input.birthYear, year)) return;
  if (!input.guardian) {
    throw invalid('未满 18 周岁需填写监护人信息并取得监护人同意', {
      'guardian.name': '请填写监护人姓名',
      'guardian.mobile': '请填写监护人手机号',
    });
  }
  if (!input.guardian.consent) throw invalid('请确认监护人已同意', { 'guardian.consent': '请确认监护人已同意' });
  if (input.mobile && input.guardian.mobile === input.mobile) {
    throw invalid('监护人手机号不能与本人相同', { 'guardian.mobile': '监护人手机号不能与本人相同' });
  }
}

export function checkConsent(version: string): void {
  if (version !== PRIVACY_NOTICE_VERSION) {
    throw invalid('隐私保护指引已更新，请重新阅读并同意', { privacyConsentVersion: '请阅读并同意最新的隐私保护指引' });
  }
}

/** Removes repeated choices, keeping the first order. */
export const unique = <T>(values: T[] | undefined): T[] => [...new Set(values ?? [])];

export function uniqueSlots<T extends { weekday: number; slot: string }>(values: T[] | undefined): T[] {
  const seen = new Set<string>();
  return (values ?? []).filter((v) => {
    const key = `${v.weekday}:${v.slot}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
