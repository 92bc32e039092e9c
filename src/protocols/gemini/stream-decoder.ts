import { DropLog } from '../canonical/drop-log.ts';
import type { StreamDecoder } from '../canonical/stream-codec.ts';
import type { CanonicalStreamEvent } from '../canonical/stream-event.ts';
import { usageFromFormat } from '../canonical/usage-for-format.ts';
import { errorKindForGeminiStatus } from '../errors/gemini-error-body.ts';
import type { SseEvent } from '../sse/sse-parser.ts';
import { decodeModelPart } from './decode-response.ts';
import { stopReasonFromGemini } from './finish-reason.ts';
import type { GeminiCandidate, GeminiGenerateContentResponse, GeminiPart } from './wire-types.ts';

interface CandidateState {
  nextIndex: number;
  open: { kind: 'text' | 'thinking'; index: number } | undefined;
  hasCalls: boolean;
  ended: boolean;
}

const UNCARRIED_CANDIDATE_FIELDS = ['safetyRatings', 'citationMetadata', 'groundingMetadata'];
const USAGE_COUNTS = ['promptTokenCount', 'cachedContentTokenCount', 'candidatesTokenCount', 'thoughtsTokenCount', 'toolUsePromptTokenCount', 'totalTokenCount'];

/**
 * `streamGenerateContent?alt=sse` chunks → canonical stream events. Each chunk is a whole
 * GenerateContentResponse holding the next parts; consecutive text (or thought) parts
 * continue one canonical part, and a `thoughtSignature` arriving on a continuation (often an
 * empty text part) belongs to that part. A function call arrives whole. Gemini has no
 * terminal event: the stream ends after the chunk with `finishReason`.
 */
export class GeminiStreamDecoder implements StreamDecoder {
  readonly #drops = new DropLog();
  readonly #candidates = new Map<number, CandidateState>();
  #started = false;
  #done = false;
  #lastUsage: Record<string, unknown> | undefined;

  get dropped(): string[] {
    return this.#drops.paths;
  }

  push(event: SseEvent): CanonicalStreamEvent[] {
    if (this.#done) return [];
    const chunk = JSON.parse(event.data) as GeminiGenerateContentResponse & { error?: { message?: string; status?: string } };
    if (chunk.error !== undefined) {
      this.#done = true;
      return [{ type: 'error', error: { kind: errorKindForGeminiStatus(chunk.error.status), message: chunk.error.message ?? 'upstream error' } }];
    }
    const events: CanonicalStreamEvent[] = [];
    if (!this.#started) {
      this.#started = true;
      events.push({ type: 'response_start', id: chunk.responseId ?? '', model: chunk.modelVersion ?? '' });
    }
    // A chunk's usage describes the response up to and including that chunk: announce it first.
    if (chunk.usageMetadata !== undefined && this.#usageChanged(chunk.usageMetadata)) {
      events.push({ type: 'usage', usage: usageFromFormat(chunk.usageMetadata, 'gemini') });
    }
    (chunk.candidates ?? []).forEach((candidate, position) => this.#candidate(candidate, candidate.index ?? position, events));
    return events;
  }

  end(): CanonicalStreamEvent[] {
    if (this.#done) return [];
    this.#done = true;
    const events: CanonicalStreamEvent[] = [];
    let complete = this.#candidates.size > 0;
    for (const [choice, state] of this.#candidates) {
      this.#close(state, choice, events);
      if (!state.ended) complete = false;
    }
    events.push(complete ? { type: 'response_end' } : { type: 'error', error: { kind: 'server', message: 'The upstream stream ended before a finishReason.' } });
    return events;
  }

  #usageChanged(usage: Record<string, unknown>): boolean {
    const last = this.#lastUsage;
    this.#lastUsage = usage;
    return last === undefined || USAGE_COUNTS.some((key) => last[key] !== usage[key]);
  }

  #state(choice: number): CandidateState {
    let state = this.#candidates.get(choice);
    if (state === undefined) {
      state = { nextIndex: 0, open: undefined, hasCalls: false, ended: false };
      this.#candidates.set(choice, state);
    }
    return state;
  }

  #candidate(candidate: GeminiCandidate, choice: number, events: CanonicalStreamEvent[]): void {
    const state = this.#state(choice);
    (candidate.content?.parts ?? []).forEach((part) => this.#part(part, state, choice, events));
    for (const key of UNCARRIED_CANDIDATE_FIELDS) {
      if (candidate[key] !== undefined) this.#drops.add(`candidates[${choice}].${key}`);
    }
    if (candidate.finishReason !== undefined && !state.ended) {
      this.#close(state, choice, events);
      state.ended = true;
      events.push({ type: 'choice_end', choice, stopReason: stopReasonFromGemini(candidate.finishReason, state.hasCalls) ?? 'other' });
    }
  }

  #part(part: GeminiPart, state: CandidateState, choice: number, events: CanonicalStreamEvent[]): void {
    if (typeof part.text === 'string' && part.functionCall === undefined) {
      // The last chunk often carries only an empty text part beside its finishReason.
      if (part.text === '' && part.thoughtSignature === undefined) return;
      const kind = part.thought === true ? 'thinking' : 'text';
      if (state.open?.kind !== kind) {
        this.#close(state, choice, events);
        const index = state.nextIndex++;
        state.open = { kind, index };
        const start: CanonicalStreamEvent & { type: 'part_start' } = { type: 'part_start', choice, index, part: { type: kind } };
        if (part.thoughtSignature !== undefined) start.part = { type: kind, thoughtSignature: part.thoughtSignature };
        events.push(start);
      } else if (part.thoughtSignature !== undefined) {
        events.push({ type: 'thought_signature', choice, index: state.open.index, signature: part.thoughtSignature });
      }
      if (part.text !== '') {
        const index = state.open.index;
        events.push(kind === 'text' ? { type: 'text_delta', choice, index, text: part.text } : { type: 'thinking_delta', choice, index, text: part.text });
      }
      return;
    }
    this.#close(state, choice, events);
    const index = state.nextIndex++;
    const decoded = decodeModelPart(part, choice, index);
    if (decoded.type === 'tool_call') {
      state.hasCalls = true;
      const start: CanonicalStreamEvent & { type: 'part_start' } = {
        type: 'part_start',
        choice,
        index,
        part: decoded.thoughtSignature === undefined
          ? { type: 'tool_call', id: decoded.id, name: decoded.name }
          : { type: 'tool_call', id: decoded.id, name: decoded.name, thoughtSignature: decoded.thoughtSignature },
      };
      events.push(start, { type: 'tool_call_delta', choice, index, arguments: decoded.arguments }, { type: 'part_end', choice, index });
      return;
    }
    events.push({ type: 'part_start', choice, index, part: { type: 'opaque', protocol: 'gemini', value: part } }, { type: 'part_end', choice, index });
  }

  #close(state: CandidateState, choice: number, events: CanonicalStreamEvent[]): void {
    if (state.open === undefined) return;
    events.push({ type: 'part_end', choice, index: state.open.index });
    state.open = undefined;
  }
}
