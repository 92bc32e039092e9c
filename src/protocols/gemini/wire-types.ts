/**
 * Gemini API wire types (generativelanguage.googleapis.com v1beta: `:generateContent`,
 * `:streamGenerateContent?alt=sse`, `:countTokens`), camelCase as the REST API returns
 * them; requests may also use the proto snake_case names, which validation normalizes.
 */

export interface GeminiBlob {
  mimeType: string;
  data: string;
}

export interface GeminiFunctionCall {
  name: string;
  args?: Record<string, unknown>;
  id?: string;
}

export interface GeminiFunctionResponse {
  name: string;
  response: Record<string, unknown>;
  id?: string;
}

export interface GeminiPart {
  text?: string;
  /** The part is the model's thinking (its text is a thought summary). */
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: GeminiBlob;
  fileData?: { mimeType?: string; fileUri: string };
  functionCall?: GeminiFunctionCall;
  functionResponse?: GeminiFunctionResponse;
  executableCode?: unknown;
  codeExecutionResult?: unknown;
  videoMetadata?: unknown;
  [field: string]: unknown;
}

export interface GeminiContent {
  role?: string;
  parts: GeminiPart[];
}

export interface GeminiFunctionDeclaration {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  parametersJsonSchema?: unknown;
  [field: string]: unknown;
}

export interface GeminiTool {
  functionDeclarations?: GeminiFunctionDeclaration[];
  [builtIn: string]: unknown;
}

export const GEMINI_CALLING_MODES = ['MODE_UNSPECIFIED', 'AUTO', 'ANY', 'NONE', 'VALIDATED'] as const;

export interface GeminiToolConfig {
  functionCallingConfig?: { mode?: (typeof GEMINI_CALLING_MODES)[number]; allowedFunctionNames?: string[] };
  [field: string]: unknown;
}

export const GEMINI_THINKING_LEVELS = ['THINKING_LEVEL_UNSPECIFIED', 'MINIMAL', 'LOW', 'MEDIUM', 'HIGH'] as const;

export interface GeminiThinkingConfig {
  includeThoughts?: boolean;
  /** 0 turns thinking off, -1 lets the model decide. */
  thinkingBudget?: number;
  thinkingLevel?: (typeof GEMINI_THINKING_LEVELS)[number];
}

export interface GeminiGenerationConfig {
  stopSequences?: string[];
  responseMimeType?: string;
  responseSchema?: Record<string, unknown>;
  responseJsonSchema?: unknown;
  candidateCount?: number;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseLogprobs?: boolean;
  logprobs?: number;
  thinkingConfig?: GeminiThinkingConfig;
  [field: string]: unknown;
}

export interface GeminiGenerateContentRequest {
  contents: GeminiContent[];
  systemInstruction?: GeminiContent;
  tools?: GeminiTool[];
  toolConfig?: GeminiToolConfig;
  safetySettings?: unknown[];
  generationConfig?: GeminiGenerationConfig;
  cachedContent?: string;
  serviceTier?: string;
  [field: string]: unknown;
}

/** `:countTokens` takes either bare `contents` or a whole `generateContentRequest`. */
export interface GeminiCountTokensRequest {
  contents?: GeminiContent[];
  generateContentRequest?: GeminiGenerateContentRequest & { model: string };
}

/** Tokens of one content: each part's, plus the role marker's. */
export interface GeminiContentTokens {
  partTokens?: number[];
  roleTokens?: number;
}

export interface GeminiCountTokensResponse {
  totalTokens: number;
  cachedContentTokenCount?: number;
  promptTokensDetails?: Array<{ modality: string; tokenCount: number }>;
  contentTokens?: GeminiContentTokens[];
  /** Empty (`{}`) when the request has no system instruction. */
  systemInstructionsTokens?: GeminiContentTokens;
}

export type GeminiFinishReason =
  | 'FINISH_REASON_UNSPECIFIED'
  | 'STOP'
  | 'MAX_TOKENS'
  | 'SAFETY'
  | 'RECITATION'
  | 'LANGUAGE'
  | 'OTHER'
  | 'BLOCKLIST'
  | 'PROHIBITED_CONTENT'
  | 'SPII'
  | 'MALFORMED_FUNCTION_CALL'
  | 'IMAGE_SAFETY'
  | 'UNEXPECTED_TOOL_CALL'
  | 'TOO_MANY_TOOL_CALLS';

export interface GeminiCandidate {
  content?: { role?: string; parts?: GeminiPart[] };
  finishReason?: GeminiFinishReason;
  index?: number;
  safetyRatings?: unknown[];
  citationMetadata?: unknown;
  groundingMetadata?: unknown;
  [field: string]: unknown;
}

export interface GeminiGenerateContentResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: unknown;
  usageMetadata?: Record<string, unknown>;
  modelVersion?: string;
  responseId?: string;
  [field: string]: unknown;
}
