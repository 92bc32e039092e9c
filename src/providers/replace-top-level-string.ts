const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** The index of the quote that closes the string whose opening quote is at `open`. */
function closingQuote(bytes: Buffer, open: number): number {
  let quote = bytes.indexOf(QUOTE, open + 1);
  for (;;) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = bytes.indexOf(QUOTE, quote + 1);
  }
}

/**
 * The bytes of a valid JSON object with the string value of its top-level member `name`
 * replaced by `value`, every other byte as it was: cheaper than re-serializing a large body
 * to rename its model. Undefined when the member is not there exactly once with a string
 * value written without escapes in its name (the caller then re-serializes).
 */
export function replaceTopLevelString(bytes: Buffer, name: string, value: string): Buffer | undefined {
  const key = Buffer.from(name);
  let depth = 0;
  let expectingKey = false;
  let found: [number, number] | undefined;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte === QUOTE) {
      const close = closingQuote(bytes, index);
      if (depth === 1 && expectingKey) {
        expectingKey = false;
        if (close - index - 1 === key.length && bytes.compare(key, 0, key.length, index + 1, close) === 0) {
          if (found !== undefined) return undefined;
          let colon = close + 1;
          while (isWhitespace(bytes[colon])) colon++;
          let start = colon + 1;
          while (isWhitespace(bytes[start])) start++;
          if (bytes[colon] !== COLON || bytes[start] !== QUOTE) return undefined;
          const end = closingQuote(bytes, start);
          found = [start, end + 1];
          index = end;
          continue;
        }
      }
      index = close;
    } else if (byte === 0x7b) {
      depth++;
      expectingKey = depth === 1;
    } else if (byte === 0x5b) {
      depth++;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    } else if (byte === COMMA && depth === 1) {
      expectingKey = true;
    }
  }
  if (found === undefined) return undefined;
  return Buffer.concat([bytes.subarray(0, found[0]), Buffer.from(JSON.stringify(value)), bytes.subarray(found[1])]);
}
