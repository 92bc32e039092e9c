/** Rollups are kept per UTC day, written `YYYY-MM-DD`. */
export function utcDay(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().slice(0, 10);
}
