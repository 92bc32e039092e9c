import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anthropicImageTokens, geminiImageTokens, openAIImageTokens } from './image-tokens.ts';

test('OpenAI tiles: the worked examples of OpenAI vision guide', () => {
  // 1024×1024 high: shortest side → 768 (768×768), 2×2 tiles: 85 + 4 × 170 = 765.
  assert.equal(openAIImageTokens({ width: 1024, height: 1024, detail: 'high' }, 'gpt-4o'), 765);
  // 2048×4096: fit 2048 → 1024×2048, shortest → 768×1536, 2×3 tiles: 85 + 6 × 170 = 1105.
  assert.equal(openAIImageTokens({ width: 2048, height: 4096, detail: 'high' }, 'gpt-4o'), 1105);
  // Low detail is the base whatever the size.
  assert.equal(openAIImageTokens({ width: 4096, height: 8192, detail: 'low' }, 'gpt-4o'), 85);
  // 128×64 is never scaled up: one tile, 85 + 170 = 255. "auto" counts as high.
  assert.equal(openAIImageTokens({ width: 128, height: 64, detail: 'auto' }, 'gpt-4.1'), 255);
});

test('OpenAI: unknown size assumes 1024×1024; gpt-4o-mini has its own base and tile', () => {
  assert.equal(openAIImageTokens({ detail: 'auto' }, 'gpt-4o'), 765);
  // gpt-4o-mini: 2833 + 4 × 5667 = 25,501 for 1024×1024; low detail 2833.
  assert.equal(openAIImageTokens({ width: 1024, height: 1024, detail: 'high' }, 'gpt-4o-mini'), 25_501);
  assert.equal(openAIImageTokens({ width: 1024, height: 1024, detail: 'low' }, 'gpt-4o-mini'), 2833);
});

test('Anthropic: width × height / 750 after scaling to 1568 px and 1.2 megapixels', () => {
  // 200×200: 40,000 / 750 = 53.3 → 54.
  assert.equal(anthropicImageTokens({ width: 200, height: 200 }), 54);
  // 1000×1000: 1,000,000 / 750 = 1333.3 → 1334.
  assert.equal(anthropicImageTokens({ width: 1000, height: 1000 }), 1334);
  // 4000×3000 is scaled to 1.2 MP (1264×948 = 1,198,272 px) → 1,598 tokens, never above 1,600.
  assert.equal(anthropicImageTokens({ width: 4000, height: 3000 }), 1598);
  // Unknown size: 1024×1024 → 1,048,576 / 750 = 1398.1 → 1399.
  assert.equal(anthropicImageTokens({}), 1399);
});

test('Gemini: 258 tokens up to 384 px, else 258 per 768 px tile', () => {
  assert.equal(geminiImageTokens({ width: 384, height: 300 }), 258);
  // 1024×1024: 2×2 tiles → 1032.
  assert.equal(geminiImageTokens({ width: 1024, height: 1024 }), 1032);
  assert.equal(geminiImageTokens({ width: 800, height: 200 }), 516);
});
