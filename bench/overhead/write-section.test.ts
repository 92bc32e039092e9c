import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeSection } from './write-section.ts';

function fileWith(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'write-section-')), 'benchmarks.md');
  writeFileSync(file, text);
  return file;
}

test('replaces only its own section and keeps the ones before and after', () => {
  const file = fileWith('# Benchmarks\n\n## Cost engine\n\ncost figures\n\n## Gateway overhead\n\nold figures\n\n### Targets\n\nold table\n\n## Ledger\n\nledger figures\n');
  writeSection(file, 'Gateway overhead', 'new figures\n\n### Targets\n\nnew table');
  assert.equal(
    readFileSync(file, 'utf8'),
    '# Benchmarks\n\n## Cost engine\n\ncost figures\n\n## Gateway overhead\n\nnew figures\n\n### Targets\n\nnew table\n\n## Ledger\n\nledger figures\n',
  );
});

test('appends the section when the file has none', () => {
  const file = fileWith('# Benchmarks\n\n## Emulator\n\nemulator figures\n');
  writeSection(file, 'Gateway overhead', 'figures');
  assert.equal(readFileSync(file, 'utf8'), '# Benchmarks\n\n## Emulator\n\nemulator figures\n\n## Gateway overhead\n\nfigures\n');
});

test('a last section is replaced up to the end of the file', () => {
  const file = fileWith('# Benchmarks\n\n## Gateway overhead\n\nold\n');
  writeSection(file, 'Gateway overhead', 'new');
  assert.equal(readFileSync(file, 'utf8'), '# Benchmarks\n\n## Gateway overhead\n\nnew\n');
});
