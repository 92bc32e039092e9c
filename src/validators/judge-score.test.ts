import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJudgeScore } from './judge-score.ts';

describe('parseJudgeScore', () => {
  const cases: Array<[string, number | undefined]> = [
    ['The answer is accurate and concise.\nScore: 8', 8],
    ['Rating: [[7]]', 7], // MT-Bench GPT-4 judge format
    ['I would rate it on a scale from 1 to 10.\nScore: 9', 9],
    ['{"score": 6, "explanation": "misses the refund policy"}', 6],
    ['Overall: 7/10', 7],
    ['**Score:** 4', 4],
    ['9', 9],
    ['Score: 7.5', 7.5],
    ['Score: 0', undefined], // below the scale
    ['Rating: [[12]]', undefined],
    ['The answer is fine.', undefined],
  ];
  for (const [reply, expected] of cases) {
    it(`${JSON.stringify(reply)} → ${expected ?? 'none'}`, () => assert.equal(parseJudgeScore(reply, 1, 10), expected));
  }
});
