/** Display rules shared by the functions and the mini program (which imports the generated copy). */

/** `13800138000` → `138****8000`; an already masked one stays; anything else shows as `****`, never whole. */
export function maskMobile(mobile: string): string {
  if (/^\d{3}\*{4}\d{4}$/.test(mobile)) return mobile;
  return /^\d{11}$/.test(mobile) ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}

/** Integer minutes as hours with one decimal, rounded half up, wherever hours are shown: 9 → `0.2`, 90 → `1.5`. */
export function hoursOf(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}
