// A minus sign counts only when it is not an operator or a range dash ("16 - 3", "10-12");
// thousands separators only in groups of three ("1,250", not the list "1,2,3").
const NUMBER = String.raw`(?:(?<![\w.)])-)?(?:\$\s?)?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?`;
const MARKED = new RegExp(String.raw`####\s*(${NUMBER})`, 'g');
const BOXED = new RegExp(String.raw`\\boxed\{\s*(${NUMBER})\s*\}`, 'g');
const STATED = new RegExp(String.raw`\b(?:final answer|answer)\b(?:\s+is)?\s*[:=]?\s*(?:\*\*)?\s*(${NUMBER})`, 'gi');
const ANY_NUMBER = new RegExp(NUMBER, 'g');

/** "$1,250.50" → "1250.5", "18.00" → "18", "-3" → "-3"; undefined when not a finite number. */
export function normalizeNumber(text: string): string | undefined {
  const cleaned = text.replace(/[$,\s]/g, '');
  if (cleaned === '' || cleaned === '-') return undefined;
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return undefined;
  return String(value === 0 ? 0 : value);
}

function lastMatch(text: string, pattern: RegExp): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(pattern)) found = normalizeNumber(match[1] ?? match[0]) ?? found;
  return found;
}

/**
 * The final numeric answer of a worked solution (GSM8K style), normalised: the `#### 42` marker,
 * then `\boxed{42}`, then a stated "answer is 42", then the last number in the text.
 */
export function extractNumericAnswer(response: string): string | undefined {
  return lastMatch(response, MARKED) ?? lastMatch(response, BOXED) ?? lastMatch(response, STATED) ?? lastMatch(response, ANY_NUMBER);
}
