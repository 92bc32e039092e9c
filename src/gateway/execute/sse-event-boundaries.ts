const LF = 10;
const CR = 13;

/**
 * Finds where server-sent events end in a byte stream, without decoding it: an event ends
 * at a blank line, and lines end with LF, CR or CRLF (WHATWG HTML §9.2), even when a chunk
 * splits a CRLF. Every byte is looked at once, however the stream is cut into chunks; a
 * chunk without CR (what providers send) is searched natively from line end to line end.
 */
export class SseEventBoundaries {
  /** No byte has been seen since the last line end: the next line end makes a blank line. */
  #atLineStart = true;
  /** The last byte seen was a CR: an LF right after it belongs to the same line end. */
  #afterCr = false;

  /**
   * The indexes just past each blank line that ends an event in `bytes[from, …)`, `from`
   * being the first byte not scanned yet; the bytes after the last one are scanned too, and
   * wait for the chunk that ends their event.
   */
  scan(bytes: Uint8Array, from: number): number[] {
    const ends: number[] = [];
    if (bytes.indexOf(CR, from) === -1) this.#scanLineFeeds(bytes, from, ends);
    else this.#scanBytes(bytes, from, ends);
    return ends;
  }

  #scanLineFeeds(bytes: Uint8Array, from: number, ends: number[]): void {
    let index = from;
    if (this.#afterCr && bytes[index] === LF) index++;
    this.#afterCr = false;
    for (let lineFeed = bytes.indexOf(LF, index); lineFeed !== -1; lineFeed = bytes.indexOf(LF, index)) {
      if (lineFeed === index && this.#atLineStart) ends.push(lineFeed + 1);
      this.#atLineStart = true;
      index = lineFeed + 1;
    }
    if (index < bytes.length) this.#atLineStart = false;
  }

  #scanBytes(bytes: Uint8Array, from: number, ends: number[]): void {
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
      } else if (byte === CR && index + 1 < length && bytes[index + 1] === LF) {
        this.#afterCr = false;
        ends.push(index + 2);
        index++;
      } else {
        ends.push(index + 1);
      }
    }
  }
}
