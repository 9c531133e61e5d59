/** Small display helpers shared by pages. */

/** `13800138000` → `138****8000`; already masked or short values pass through. */
export function maskMobile(mobile: string): string {
  return /^\d{11}$/.test(mobile) ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : mobile;
}

/** Integer minutes → hours with one decimal, as every page shows them: 90 → `1.5`, 120 → `2.0`. */
export function hoursOf(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}
