/** Rollups are kept per UTC day, written `YYYY-MM-DD`. */
const DAY_MS = 86_400_000;

// Records arrive in time order, so the last day computed is almost always the one asked for.
let cachedStart = Number.NaN;
let cachedDay = '';

export function utcDay(epochMilliseconds: number): string {
  const start = Math.floor(epochMilliseconds / DAY_MS) * DAY_MS;
  if (start !== cachedStart) {
    cachedStart = start;
    cachedDay = new Date(start).toISOString().slice(0, 10);
  }
  return cachedDay;
}
