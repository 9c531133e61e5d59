/** Integer minutes → hours with one decimal, as every page shows them: 90 → `1.5`, 120 → `2.0`. */
export function hoursOf(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}
