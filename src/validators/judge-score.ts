const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
// In order of how explicitly the judge states the score; the last occurrence of a form wins,
// because judges often restate the scale ("from 1 to 10") before giving the score.
const FORMS: readonly RegExp[] = [
  new RegExp(String.raw`\[\[\s*${NUMBER}\s*\]\]`, 'g'),
  new RegExp(String.raw`"score"\s*:\s*"?${NUMBER}`, 'gi'),
  new RegExp(String.raw`\b(?:score|rating|grade)\b\s*(?:\(\s*\d+\s*-\s*\d+\s*\))?\s*(?:is|of)?\s*[:=]?\s*\**\s*${NUMBER}`, 'gi'),
  new RegExp(String.raw`${NUMBER}\s*(?:/|out\s+of)\s*\d+`, 'gi'),
];

/** The score a judge model gave, or undefined when none can be read or it is outside [min, max]. */
export function parseJudgeScore(reply: string, min: number, max: number): number | undefined {
  for (const form of FORMS) {
    let found: number | undefined;
    for (const match of reply.matchAll(form)) found = Number(match[1]);
    if (found !== undefined) return found >= min && found <= max ? found : undefined;
  }
  const lone = /^\s*\**\s*(\d+(?:\.\d+)?)\s*\**\s*\.?\s*$/.exec(reply);
  if (lone === null) return undefined;
  const value = Number(lone[1]);
  return value >= min && value <= max ? value : undefined;
}
