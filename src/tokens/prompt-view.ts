import type { PromptSection, RequestProtocol } from './types.ts';

/**
 * What a request puts in front of the model, read out of any protocol's body: the blocks in
 * that protocol's prefix order, each holding the pieces to count. Each model family then
 * applies its own tokenizer and formatting overheads to the same view.
 */
export interface ImageReference {
  /** Pixel size when it could be read from inline data; undefined for URLs and unknown formats. */
  width?: number;
  height?: number;
  /** OpenAI's `detail`; other protocols leave it undefined. */
  detail?: 'low' | 'high' | 'auto';
}

export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments (OpenAI `parameters`, Anthropic `input_schema`, Gemini `parameters`). */
  parameters: unknown;
}

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'image'; image: ImageReference }
  | { kind: 'tool-definition'; tool: ToolDefinition }
  /** A tool call the assistant made earlier in the conversation; `input` is the arguments as JSON text. */
  | { kind: 'tool-call'; name: string; input: string }
  | { kind: 'tool-result'; content: Piece[] };

export interface ViewBlock {
  location: string;
  section: PromptSection;
  pieces: Piece[];
  /** Set on the first block of each message (chat formats add per-message tokens there). */
  opensMessage?: { role: string; name?: string };
  cacheControl?: { ttl: '5m' | '1h' };
}

export type ToolChoice = 'auto' | 'none' | 'any' | 'tool';

export interface PromptView {
  protocol: RequestProtocol;
  blocks: ViewBlock[];
  toolChoice: ToolChoice;
  notes: string[];
}
