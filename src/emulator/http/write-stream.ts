import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import type { StreamEncoder } from '../../protocols/canonical/stream-codec.ts';
import type { AnswerTiming } from '../latency-model.ts';
import type { Exchange } from './exchange.ts';

export interface StreamPlan {
  status: number;
  headers: Record<string, string>;
  events: CanonicalStreamEvent[];
  encoder: StreamEncoder;
  timing: AnswerTiming;
  /** stream_cut: the connection drops half-way; stream_error: an error event replaces the second half. */
  fault?: 'stream_cut' | 'stream_error';
}

/** Events that carry generated content: each waits one token interval after the first. */
function isDelta(event: CanonicalStreamEvent): boolean {
  return event.type === 'text_delta' || event.type === 'thinking_delta' || event.type === 'tool_call_delta';
}

/**
 * Writes a stream in the provider's wire format, paced by the latency model: everything up to the
 * first content delta goes out at once, the first delta after the time to first token, and each
 * further delta one token interval later. With zero latency the whole stream is one write.
 */
export function writeStream(exchange: Exchange, plan: StreamPlan): void {
  const { reply } = exchange;
  const frames: string[] = [];
  const paced: boolean[] = [];
  const events = plan.fault === undefined ? plan.events : plan.events.slice(0, Math.max(3, plan.events.length >> 1));
  if (plan.fault === 'stream_error') events.push({ type: 'error', error: { kind: 'overloaded', message: 'Overloaded' } });
  for (const event of events) {
    const frame = plan.encoder.push(event);
    if (frame === '') continue;
    frames.push(frame);
    paced.push(isDelta(event));
  }
  const stopAt = frames.length;
  const finish = () => {
    if (plan.fault === 'stream_cut') reply.drop(true);
    else reply.end();
  };
  reply.start(plan.status, plan.headers);
  const { firstTokenMilliseconds, perTokenMilliseconds } = plan.timing;
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
    while (index < stopAt && paced[index] !== true) batch += frames[index++];
    reply.write(batch);
    if (index >= stopAt) {
      finish();
      return;
    }
    timer = setTimeout(pump, first ? firstTokenMilliseconds : perTokenMilliseconds);
    first = false;
  };
  pump();
}
