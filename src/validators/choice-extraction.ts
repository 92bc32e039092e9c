/** One lettered option of a multiple-choice question. */
export interface ChoiceOption {
  letter: string;
  text: string;
}

export const CHOICE_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

const OPTION_LINE = /^\s*\(?([A-E])[).:]\s+(.+?)\s*$/;

/**
 * The options of the last multiple-choice question in a prompt: lines like `A) text`, `(B) text`
 * or `C. text`. Few-shot prompts repeat the pattern, so the last run starting at A wins.
 */
export function parseChoiceOptions(prompt: string): ChoiceOption[] {
  let options: ChoiceOption[] = [];
  for (const line of prompt.split('\n')) {
    const match = OPTION_LINE.exec(line);
    if (match === null) continue;
    const letter = match[1]!;
    const expected = CHOICE_LETTERS[options.length];
    if (letter === 'A') options = [{ letter, text: match[2]! }];
    else if (letter === expected) options.push({ letter, text: match[2]! });
  }
  return options;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// "the answer is (B)", "Answer: B", "correct option is C", "**Answer:** D" — the last one wins.
// The letter is upper case only: "the answer is a bit longer" states no choice.
const STATED_ANSWER = /\b(?:[Aa]nswer|ANSWER|[Oo]ption|[Cc]hoice)\b(?:\s+(?:is|would be|should be))?\s*[:\-]?\s*(?:\*\*)?\s*(?:[Oo]ption\s+|[Cc]hoice\s+)?\(?([A-E])\)?(?![A-Za-z0-9])/g;
const LONE_LETTER = /^\s*(?:\*\*)?\(?([A-E])\)?(?:\*\*)?[.)]?\s*$/;
// "D)", "A. text", "C: text", "D (eyeglasses)" at the very start.
const LEADING_LETTER = /^\s*(?:\*\*)?\(?([A-E])(?:\)|\.|:|\*\*|\s*\(|\s*\n)/;
// A standalone letter like "(C)" or " C." or a final " C".
const STANDALONE_LETTER = /(?:^|[\s(*])\(?([A-E])(?:\)|[.,:](?=\s|$)|\s*$)/g;

/**
 * The option letter a response chose, or undefined when it chose none it could be read from.
 * In order: a stated answer ("the answer is (B)"), the response being a lone letter, a leading
 * letter ("D) ..."), the text of exactly one option at the start, and the last standalone letter.
 * `options` (from the prompt) enables option-text matching and limits letters to the options offered.
 */
export function extractChoice(response: string, options: ChoiceOption[] = []): string | undefined {
  const allowed = options.length > 0 ? new Set(options.map((option) => option.letter)) : new Set<string>(CHOICE_LETTERS);
  const accept = (letter: string | undefined): string | undefined => {
    const upper = letter?.toUpperCase();
    return upper !== undefined && allowed.has(upper) ? upper : undefined;
  };

  let stated: string | undefined;
  for (const match of response.matchAll(STATED_ANSWER)) stated = accept(match[1]) ?? stated;
  if (stated !== undefined) return stated;

  const lone = accept(LONE_LETTER.exec(response)?.[1]) ?? accept(LEADING_LETTER.exec(response)?.[1]);
  if (lone !== undefined) return lone;

  const normalized = normalize(response);
  if (normalized !== '') {
    const byText = options.filter((option) => {
      const optionText = normalize(option.text);
      return optionText !== '' && (normalized === optionText || normalized.startsWith(`${optionText} `));
    });
    if (byText.length === 1) return byText[0]!.letter;
  }

  let last: string | undefined;
  for (const match of response.matchAll(STANDALONE_LETTER)) last = accept(match[1]) ?? last;
  return last;
}
