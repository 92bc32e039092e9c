import { startStack } from './support/start-stack.ts';
const stack = await startStack();
for (const model of ['gpt-4o-mini', 'claude-sonnet-4-6']) {
  stack.emulator.faults.add({ rates: [], scripts: [{ model, sequence: ['stream_cut'] }] });
  const t = performance.now();
  try {
    const s = await stack.openai().chat.completions.create({ model, max_tokens: 60, stream: true, messages: [{ role: 'user', content: 'x' }] });
    for await (const c of s) { }
  } catch (e) { console.log(model, (e as Error).message, performance.now() - t); }
}
await stack.close();
