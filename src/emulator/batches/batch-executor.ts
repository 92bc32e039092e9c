import type { HandlerResult } from '../http/exchange.ts';

/**
 * Runs one batched request through the same pipeline as a live call (no faults, no latency):
 * `endpoint` is the provider path ("/v1/chat/completions", "/v1/embeddings", "/v1/messages").
 */
export type BatchExecutor = (endpoint: string, body: unknown, apiKey: string) => Promise<HandlerResult>;
