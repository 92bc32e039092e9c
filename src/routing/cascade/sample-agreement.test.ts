import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvLine, readSampleAgreement } from './sample-agreement.ts';

const directory = mkdtempSync(join(tmpdir(), 'frugal-samples-'));
after(() => rmSync(directory, { recursive: true, force: true }));

test('CSV fields with commas, quotes and newlines', () => {
  assert.deepEqual(parseCsvLine('a,"b, c","say ""hi""",'), ['a', 'b, c', 'say "hi"', '']);
});

test('votes are pooled over prompt styles, weighted by samples', async () => {
  const path = join(directory, 'samples.csv');
  writeFileSync(
    path,
    [
      'question,model,prompt_style,n_samples,majority_answer,vote_agreement,mean_generated_chars',
      '"How many, in total?",small,pot1,24,18.0,0.5,200',
      '"How many, in total?",small,pot2,8,18,1.0,100',
      '"How many, in total?",big,cot1,3,20,1.0,300',
      'Empty one,small,pot1,0,,0,',
    ].join('\n'),
  );
  const samples = await readSampleAgreement(path, 'small');
  // 24 × 0.5 + 8 × 1.0 = 20 votes for "18" out of 32 samples; chars (24 × 200 + 8 × 100) / 32 = 175.
  assert.deepEqual(samples.get('How many, in total?'), { model: 'small', samples: 32, majorityAnswer: '18', voteAgreement: 20 / 32, meanGeneratedChars: 175 });
  assert.equal(samples.has('Empty one'), false);
  await assert.rejects(readSampleAgreement(path, 'absent'), { code: 'FRUGAL_INVALID_ARGUMENT' });
  await assert.rejects(readSampleAgreement(join(directory, 'none.csv'), 'small'), { code: 'FRUGAL_DATA_MISSING' });
});
