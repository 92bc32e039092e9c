import type { StopReason } from '../../protocols/canonical/stop-reason.ts';
import type { ReplayHit } from '../replay/replay-dataset.ts';

export interface EmulatedToolCall {
  id: string;
  name: string;
  /** The arguments JSON, complete. */
  arguments: string;
}

/** One answer candidate, protocol-neutral; streams send `textPieces` one per delta. */
export interface EmulatedChoice {
  /** Hidden or summarised reasoning tokens billed for this choice. */
  reasoningTokens: number;
  /** Readable thinking text (Anthropic thinking block, Gemini thought part), shorter than the billed reasoning. */
  thinkingPieces: string[];
  textPieces: string[];
  /** Visible output tokens: text and tool-call arguments. */
  outputTokens: number;
  toolCalls: EmulatedToolCall[];
  stopReason: StopReason;
  stopSequence?: string;
}

export interface EmulatedAnswer {
  choices: EmulatedChoice[];
  /** Set when the answer was replayed from an outcomes dataset. */
  replay?: ReplayHit;
}
