import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../start-emulator.ts';
import { assertCovers, fixture, shape, sseEvents } from './recorded-shape.ts';

/**
 * Fidelity against the recorded Gemini REST interactions (shared/data/fixtures/gemini): each
 * recorded request is sent to the emulator as it was sent to Google, and the answer must have the
 * recorded status, headers, and every recorded field with the same JSON type.
 */
interface Recording {
  request: { method: string; url: string; bodySegments: unknown[] };
  response: { statusCode: number; headers: Record<string, string>; bodySegments: unknown[] };
}

const recordings = new Map<string, Recording>();
for (const name of readdirSync(new URL('../../../../shared/data/fixtures/gemini/', import.meta.url))) {
  const recorded = JSON.parse(fixture(`gemini/${name}`)) as { interactions: Recording[] };
  recordings.set(name.replace(/\.json$/, ''), recorded.interactions[0] as Recording);
}

function recording(name: string): Recording {
  const found = recordings.get(name);
  assert.ok(found !== undefined, `recording ${name}`);
  return found;
}

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ seed: 11 });
});
after(() => emulator.close());

/** Sends the recorded request (path, query and body as recorded; the model renamed where the catalog lacks it). */
function replay(recorded: Recording, changes: { url?: string } = {}) {
  return fetch(`${emulator.url}${changes.url ?? recorded.request.url}`, {
    method: recorded.request.method,
    headers: { 'x-goog-api-key': 'gemini-fixtures', 'content-type': 'application/json' },
    body: JSON.stringify(recorded.request.bodySegments[0]),
  });
}

/** Every recorded header except the transport's own (compression, length) is sent too. */
function assertRecordedHeaders(response: Response, recorded: Recording): void {
  for (const name of Object.keys(recorded.response.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-encoding' || lower === 'content-length') continue;
    assert.ok(response.headers.has(lower), `header ${lower} is missing`);
  }
  assert.equal(response.headers.get('content-type'), recorded.response.headers['Content-Type']);
}

test('generateContent: the recorded fields, with text, without text (all thinking), with thought parts', async () => {
  const cases = [
    { name: 'Client_Tests_generateContent_ML_Dev_should_generate_content_with_specified_parameters' },
    { name: 'Client_Tests_generateContent_ML_Dev_should_return_the_headers_in_the_sdkHttpResponse_by_default' },
    // The catalog has no gemini-2.0-flash-thinking-exp: a current thinking model answers instead.
    { name: 'Client_Tests_test_thinking_generate_content_should_return_thought_field', url: '/v1alpha/models/gemini-2.5-flash:generateContent' },
  ];
  for (const { name, url } of cases) {
    const recorded = recording(name);
    const response = await replay(recorded, url === undefined ? {} : { url });
    assert.equal(response.status, recorded.response.statusCode, name);
    assertRecordedHeaders(response, recorded);
    const body = (await response.json()) as { responseId: string; turnToken: string; candidates: Array<{ content: { parts?: unknown[] } }> };
    assertCovers(shape(body), shape(recorded.response.bodySegments[0]), name);
    // No parts at all when the output cap was spent thinking, as recorded.
    const recordedParts = (recorded.response.bodySegments[0] as typeof body).candidates[0]!.content.parts;
    assert.equal(body.candidates[0]!.content.parts === undefined, recordedParts === undefined, `${name}: parts`);
    // The recorded turn tokens are "v1:" + base64url of a message holding the response id twice.
    assert.equal(Buffer.from(body.turnToken.slice(3), 'base64url').toString('latin1').split(body.responseId).length, 3);
  }
});

test('countTokens: the recorded breakdown per content, adding up to the total', async () => {
  const recorded = recording('Client_Tests_countTokens_ML_Dev_should_count_tokens_with_specified_parameters');
  const response = await replay(recorded);
  assert.equal(response.status, 200);
  assertRecordedHeaders(response, recorded);
  const body = (await response.json()) as { totalTokens: number; contentTokens: Array<{ partTokens: number[]; roleTokens: number }> };
  assertCovers(shape(body), shape(recorded.response.bodySegments[0]), 'countTokens');
  const [content] = body.contentTokens;
  assert.equal(content!.partTokens[0]! + content!.roleTokens, body.totalTokens);
});

const SSE_RECORDING = 'Chats_Tests_sendMessage_Google_AI_with_config_stream';

test('streamGenerateContent?alt=sse: text chunks carrying the usage so far, then the finish reason and the final usage', async () => {
  const recorded = recording(SSE_RECORDING);
  const response = await replay(recorded);
  assert.equal(response.status, 200);
  assertRecordedHeaders(response, recorded);
  const chunks = sseEvents(await response.text()).map((event) => JSON.parse(event.data) as { candidates: Array<{ finishReason?: string }> });
  const recordedChunks = recorded.response.bodySegments as typeof chunks;
  assert.ok(chunks.length >= 2);
  for (const chunk of chunks.slice(0, -1)) {
    assert.equal(chunk.candidates[0]!.finishReason, undefined);
    assertCovers(shape(chunk), shape(recordedChunks[0]), 'chunk');
  }
  assertCovers(shape(chunks.at(-1)), shape(recordedChunks.at(-1)), 'last chunk');
  assert.equal(chunks.at(-1)!.candidates[0]!.finishReason, 'MAX_TOKENS');
});

test('streamGenerateContent without alt=sse: the same chunks as a JSON array, as Google streams it', async () => {
  const recorded = recording(SSE_RECORDING);
  const response = await replay(recorded, { url: recorded.request.url.replace('?alt=sse', '') });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=UTF-8');
  const text = await response.text();
  assert.match(text, /^\[\{.*\}\]$/s);
  const chunks = JSON.parse(text) as unknown[];
  const recordedChunks = recorded.response.bodySegments;
  assertCovers(shape(chunks[0]), shape(recordedChunks[0]), 'first element');
  assertCovers(shape(chunks.at(-1)), shape(recordedChunks.at(-1)), 'last element');
});

test('a stream call for an unknown model: the recorded 404 body, with the stream\'s content type', async () => {
  const recorded = recording('Chats_Tests_sendMessage_Send_message_stream_with_error');
  const response = await replay(recorded);
  assert.equal(response.status, 404);
  assertRecordedHeaders(response, recorded);
  assertCovers(shape(await response.json()), shape(recorded.response.bodySegments[0]), 'error');
});
