import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';
import { validateAnthropicCountTokensRequest } from '../../protocols/anthropic-messages/validate-request.ts';
import { Attempt } from '../call/attempt.ts';
import { ANTHROPIC_MESSAGES_CLIENT } from '../client-protocols/anthropic-messages-client.ts';
import { renderError } from '../errors/render-error.ts';
import { callUpstream } from '../execute/call-upstream.ts';
import { upstreamKey } from '../execute/upstream-key.ts';
import type { Gateway } from '../gateway.ts';
import { sendJson } from '../http/send.ts';
import { authenticate } from '../steps/authenticate.ts';
import { readBody } from '../steps/read-body.ts';

/**
 * POST /v1/messages/count_tokens. A model served by Anthropic is counted by Anthropic (the
 * exact figure); any other model is estimated locally with its tokenizer, and the answer
 * says so in `x-frugal-token-count: estimate`. Counting is free, so nothing is recorded.
 */
export async function handleCountTokens(gateway: Gateway, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const secrets: (string | undefined)[] = [];
  try {
    const clientKey = authenticate(request.headers, gateway.gatewayKey);
    secrets.push(clientKey);
    const bytes = await readBody(request, gateway.config.server.bodyLimitBytes);
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new FrugalError('FRUGAL_INVALID_REQUEST', ANTHROPIC_MESSAGES_CLIENT.invalidJsonMessage, { errorClass: 'invalid_json' });
    }
    const body = validateAnthropicCountTokensRequest(parsed, { unknownFields: 'allow', requestId }) as unknown as Record<string, unknown>;
    const target = gateway.models.resolve(body['model'] as string);
    const { provider } = target;
    const passthrough = provider.adapter.passthrough;
    if (provider.adapter.countTokensPath === undefined || passthrough === undefined) {
      // Loaded on the first estimate: the tokenizers are no part of the gateway's footprint until then.
      const { countRequestTokens } = await import('../../tokens/count-request.ts');
      const count = countRequestTokens('anthropic', body, target.model);
      sendJson(response, 200, { input_tokens: count.total }, { 'x-frugal-request-id': requestId, 'x-frugal-token-count': 'estimate' });
      return;
    }
    const upstreamBody = passthrough.prepare(body, bytes, target.model);
    const apiKey = upstreamKey(gateway, provider, clientKey);
    secrets.push(apiKey);
    const forwarded: Record<string, string> = {};
    for (const name of passthrough.forwardedHeaders) {
      const value = request.headers[name];
      if (typeof value === 'string') forwarded[name] = value;
    }
    const attempt = new Attempt(requestId, 0, 'primary', provider.name, target.model);
    const upstreamRequest = { path: provider.adapter.countTokensPath, body: upstreamBody, stream: false, passthrough: true, forwarded };
    const answer = await callUpstream(gateway, attempt, provider, upstreamRequest, apiKey);
    response.writeHead(answer.status, { 'content-type': 'application/json', 'x-frugal-request-id': requestId });
    response.end(answer.body);
  } catch (error) {
    const answer = renderError(ANTHROPIC_MESSAGES_CLIENT, requestId, error, secrets);
    response.writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json', 'x-frugal-request-id': requestId });
    response.end(answer.body);
  }
}
