import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerRow, startStack, type Stack } from './support/start-stack.ts';
import { PIXEL_PNG_BASE64, WEATHER_TOOL_PARAMETERS } from './support/fixtures.ts';

// One client protocol, another provider: the request is decoded, encoded for the provider, and
// the answer (whole or streamed) translated back, with the provider's usage in the ledger.
let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.close());

const OPENAI_TO = [
  { model: 'claude-sonnet-4-6', provider: 'anthropic' },
  { model: 'gemini-2.0-flash', provider: 'gemini' },
  { model: 'deepseek-chat', provider: 'deepseek' },
];

for (const { model, provider } of OPENAI_TO) {
  test(`OpenAI client → ${provider}: whole and streamed, usage in the ledger`, async () => {
    const { data, response } = await stack
      .openai()
      .chat.completions.create({ model, max_tokens: 30, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello there' }] })
      .withResponse();
    assert.equal(data.object, 'chat.completion');
    assert.ok(data.choices[0]?.message.content);
    const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
    assert.equal(row.request.provider, provider);
    assert.equal(data.usage!.completion_tokens, row.request.usage.output + row.request.usage.reasoning);
    assert.ok(row.request.cost.totalPicoUsd > 0 && row.request.cost.complete);
    assert.equal(response.headers.get('x-frugal-cost-usd') !== null, true);

    const { data: stream, response: streamed } = await stack
      .openai()
      .chat.completions.create({ model, max_tokens: 30, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Hello again' }] })
      .withResponse();
    let text = '';
    let usage: { completion_tokens: number } | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    assert.ok(text.length > 0);
    const streamRow = await ledgerRow(stack, streamed.headers.get('x-frugal-request-id'));
    assert.equal(streamRow.request.streamed, true);
    assert.equal(streamRow.request.errorClass, null);
    assert.equal(usage?.completion_tokens, streamRow.request.usage.output + streamRow.request.usage.reasoning);
  });
}

test('OpenAI client → Anthropic: tool calls and images are translated both ways', async () => {
  const completion = await stack.openai().chat.completions.create({
    model: 'claude-sonnet-4-6',
    max_tokens: 200,
    tools: [{ type: 'function', function: { name: 'get_weather', parameters: WEATHER_TOOL_PARAMETERS } }],
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather where this was taken?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXEL_PNG_BASE64}` } },
        ],
      },
    ],
  });
  const call = completion.choices[0]!.message.tool_calls![0]!;
  assert.equal(completion.choices[0]!.finish_reason, 'tool_calls');
  assert.ok(call.type === 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.equal(typeof JSON.parse(call.function.arguments).city, 'string');

  // The tool result goes back in OpenAI's shape and reaches Anthropic as a tool_result block.
  const followUp = await stack.openai().chat.completions.create({
    model: 'claude-sonnet-4-6',
    max_tokens: 30,
    tools: [{ type: 'function', function: { name: 'get_weather', parameters: WEATHER_TOOL_PARAMETERS } }],
    messages: [
      { role: 'user', content: 'Weather in Lisbon?' },
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', tool_call_id: call.id, content: '{"temperature": 21}' },
    ],
  });
  assert.ok(followUp.choices[0]!.message.content);
});

const ANTHROPIC_TO = [
  { model: 'gpt-4o-mini', provider: 'openai' },
  { model: 'gemini-2.0-flash', provider: 'gemini' },
];

for (const { model, provider } of ANTHROPIC_TO) {
  test(`Anthropic client → ${provider}: whole and streamed, tools, usage in the ledger`, async () => {
    const { data, response } = await stack
      .anthropic()
      .messages.create({ model, max_tokens: 30, system: 'Be brief.', messages: [{ role: 'user', content: 'Hello there' }] })
      .withResponse();
    assert.equal(data.type, 'message');
    assert.equal(data.content[0]?.type, 'text');
    const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
    assert.equal(row.request.provider, provider);
    assert.equal(row.request.clientProtocol, 'anthropic-messages');
    assert.equal(data.usage.output_tokens, row.request.usage.output + row.request.usage.reasoning);

    const stream = stack.anthropic().messages.stream({
      model,
      max_tokens: 300,
      tools: [{ name: 'get_weather', input_schema: WEATHER_TOOL_PARAMETERS }],
      tool_choice: { type: 'tool', name: 'get_weather' },
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Weather here?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PIXEL_PNG_BASE64 } }] }],
    });
    const message = await stream.finalMessage();
    const call = message.content.find((block) => block.type === 'tool_use');
    assert.equal(call?.type === 'tool_use' && call.name, 'get_weather');
    const { response: streamed } = await stream.withResponse();
    const streamRow = await ledgerRow(stack, streamed.headers.get('x-frugal-request-id'));
    assert.equal(streamRow.request.streamed, true);
    assert.equal(streamRow.request.errorClass, null);
    assert.equal(message.usage.output_tokens, streamRow.request.usage.output + streamRow.request.usage.reasoning);
  });
}
