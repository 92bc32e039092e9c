const LF = 10;
const CR = 13;

/**
 * Finds where server-sent events end in a byte stream, without decoding it: an event ends
 * at a blank line, and lines end with LF, CR or CRLF (WHATWG HTML §9.2), even when a chunk
 * splits a CRLF. The bytes are scanned once, however the stream is cut into chunks.
 */
export class SseEventBoundaries {
  /** No byte has been seen since the last line end: the next line end makes a blank line. */
  #atLineStart = true;
  /** The last byte seen was a CR: an LF right after it belongs to the same line end. */
  #afterCr = false;

  /**
   * The index just past the next event's blank line in `bytes`, scanning from `from` (the
   * first byte not scanned yet); -1 when no event ends in the rest of `bytes`, which are
   * then all scanned.
   */
  next(bytes: Uint8Array, from: number): number {
    const length = bytes.length;
    for (let index = from; index < length; index++) {
      const byte = bytes[index];
      if (byte === LF) {
        if (this.#afterCr) {
          this.#afterCr = false;
          continue;
        }
      } else if (byte === CR) {
        this.#afterCr = true;
      } else {
        this.#afterCr = false;
        this.#atLineStart = false;
        continue;
      }
      if (!this.#atLineStart) {
        this.#atLineStart = true;
        continue;
      }
      if (byte === CR && index + 1 < length && bytes[index + 1] === LF) {
        this.#afterCr = false;
        return index + 2;
      }
      return index + 1;
    }
    return -1;
  }
}
