const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** JSON's insignificant whitespace: space, tab, LF, CR. */
function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * The bytes of a JSON object with one more member put first (`member` is `"name":value`),
 * every other byte as it was: cheaper than re-serializing a large body to add a field.
 * Undefined when the bytes are not a non-empty object. The caller makes sure the object
 * does not already have the member (a duplicate name would be read differently by
 * different parsers).
 */
export function insertFirstField(bytes: Buffer, member: string): Buffer | undefined {
  let open = 0;
  while (isWhitespace(bytes[open])) open++;
  if (bytes[open] !== OPEN_BRACE) return undefined;
  let next = open + 1;
  while (isWhitespace(bytes[next])) next++;
  if (next >= bytes.length || bytes[next] === CLOSE_BRACE) return undefined;
  return Buffer.concat([bytes.subarray(0, open + 1), Buffer.from(`${member},`), bytes.subarray(open + 1)]);
}
