// Trailing + and # keep "C++" and "C#" apart from "C".
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*[+#]*/gu;

/** Unicode-normalized, lower-cased, with typographic apostrophes made plain. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** The words of a text, in order: letters and digits, with inner apostrophes kept ("can't", "c++"). */
export function words(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}

/** The words with their original case, for telling names ("Paris") from common words. */
export function casedWords(text: string): string[] {
  return text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").match(WORD) ?? [];
}
