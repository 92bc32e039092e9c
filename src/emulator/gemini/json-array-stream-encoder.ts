import type { StreamEncoder } from '../../protocols/canonical/stream-codec.ts';
import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import { GeminiStreamEncoder } from '../../protocols/gemini/stream-encoder.ts';

const DATA = 'data: ';
const FRAME_END = '\r\n\r\n';

/**
 * `streamGenerateContent` without `alt=sse`: Google streams a JSON array, one response object per
 * element, sent as each one is ready ("[{…}", ",\r\n{…}", …, "]"). The elements are the chunks of
 * the SSE form, so this wraps the SSE encoder and re-frames its output.
 */
export class JsonArrayStreamEncoder implements StreamEncoder {
  readonly #sse = new GeminiStreamEncoder();
  #opened = false;
  #closed = false;

  get dropped(): string[] {
    return this.#sse.dropped;
  }

  push(event: CanonicalStreamEvent): string {
    if (this.#closed) return '';
    const frames = this.#sse.push(event);
    let out = '';
    for (let start = 0; start < frames.length; ) {
      const end = frames.indexOf(FRAME_END, start);
      const element = frames.slice(start + DATA.length, end);
      out += `${this.#opened ? ',\r\n' : '['}${element}`;
      this.#opened = true;
      start = end + FRAME_END.length;
    }
    if (event.type === 'response_end' || event.type === 'error') {
      this.#closed = true;
      out += this.#opened ? ']' : '[]';
    }
    return out;
  }
}
