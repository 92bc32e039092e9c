import type { StreamEncoder } from '../../protocols/canonical/stream-codec.ts';
import type { StreamScript } from '../engine/answer-to-canonical.ts';
import type { AnswerTiming } from '../latency-model.ts';
import type { Exchange } from './exchange.ts';

/** stream_cut: the connection drops half-way; stream_error: an error event replaces the second half. */
export type StreamFault = 'stream_cut' | 'stream_error';

/** A stream in the provider's wire format: its frames and the answer pieces each one carries. */
export interface EncodedStream {
  frames: string[];
  pieces: number[];
}

/** Encodes a stream script, cut or broken half-way for a stream fault. */
export function encodeStream(script: StreamScript, encoder: StreamEncoder, fault?: StreamFault): EncodedStream {
  let { events, pieces } = script;
  if (fault !== undefined) {
    const kept = Math.max(3, events.length >> 1);
    events = events.slice(0, kept);
    pieces = pieces.slice(0, kept);
    if (fault === 'stream_error') {
      events.push({ type: 'error', error: { kind: 'overloaded', message: 'Overloaded' } });
      pieces.push(0);
    }
  }
  const frames: string[] = [];
  const framePieces: number[] = [];
  for (let index = 0; index < events.length; index++) {
    const frame = encoder.push(events[index]!);
    if (frame === '') continue;
    frames.push(frame);
    framePieces.push(pieces[index] ?? 0);
  }
  return { frames, pieces: framePieces };
}

export interface StreamPlan {
  status: number;
  headers: Record<string, string>;
  stream: EncodedStream;
  timing: AnswerTiming;
  /** The connection drops (a TCP reset) after the last frame instead of the stream ending. */
  cut: boolean;
}

/**
 * Writes a stream paced by the latency model: everything up to the first content delta goes out
 * at once, the first delta after the time to first token, and each further delta one token
 * interval per piece it carries later. With zero latency the whole stream is one write.
 */
export function writeStream(exchange: Exchange, plan: StreamPlan): void {
  const { reply } = exchange;
  const { frames, pieces } = plan.stream;
  const finish = () => {
    if (plan.cut) reply.drop(true);
    else reply.end();
  };
  const { firstTokenMilliseconds, perTokenMilliseconds } = plan.timing;
  if (firstTokenMilliseconds === 0 && perTokenMilliseconds === 0 && !plan.cut) {
    reply.sendStream(plan.status, plan.headers, frames.length === 1 ? (frames[0] as string) : frames.join(''));
    return;
  }
  reply.start(plan.status, plan.headers);
  if (firstTokenMilliseconds === 0 && perTokenMilliseconds === 0) {
    reply.write(frames.join(''));
    finish();
    return;
  }
  let index = 0;
  let first = true;
  let timer: NodeJS.Timeout | undefined;
  reply.onClose(() => clearTimeout(timer));
  const pump = () => {
    if (reply.closed) return;
    let batch = frames[index++] as string;
    while (index < frames.length && pieces[index] === 0) batch += frames[index++];
    reply.write(batch);
    if (index >= frames.length) {
      finish();
      return;
    }
    timer = setTimeout(pump, first ? firstTokenMilliseconds : perTokenMilliseconds * (pieces[index] as number));
    first = false;
  };
  pump();
}
