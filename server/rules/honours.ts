/** Honours, pure: which award years are real ones. */

/** 博爱行动 started early in 2014 (the programme's progress report): no honour can be older. */
export const FIRST_HONOUR_YEAR = 2014;

/** The refusal for a year outside 2014 … this Shanghai year, or undefined when the year is a real one. */
export function honourYearProblem(year: number, thisYear: number): string | undefined {
  return year < FIRST_HONOUR_YEAR || year > thisYear
    ? `年度须在 ${FIRST_HONOUR_YEAR} 年至 ${thisYear} 年之间`
    : undefined;
}
