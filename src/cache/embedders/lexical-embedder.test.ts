import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitIdf, parseIdf, serializeIdf } from './idf-table.ts';
import { DEFAULT_LEXICAL_FEATURES, lexicalTerms, type LexicalFeatureOptions } from './lexical-features.ts';
import { LexicalEmbedder } from './lexical-embedder.ts';
import { shippedLexicalEmbedder } from './shipped-lexical-embedder.ts';
import { sparseDot } from './sparse-vector.ts';
import { words } from './words.ts';

const WORDS_ONLY: LexicalFeatureOptions = { ...DEFAULT_LEXICAL_FEATURES, bigramWeight: 0, charWeight: 0, maxDocumentShare: 1 };

test('words: lower case, inner apostrophes kept, C++ and C# kept apart from C', () => {
  assert.deepEqual(words("Why can't I learn C++, C# and C?"), ['why', "can't", 'i', 'learn', 'c++', 'c#', 'and', 'c']);
  assert.deepEqual(words('It’s'), ["it's"]);
});

test('fitIdf: smoothed IDF per bucket, ln((N + 1) / (df + 1)) + 1', () => {
  const table = fitIdf(['cats purr', 'cats bark', 'dogs bark'], WORDS_ONLY, 'three texts');
  const bucket = (word: string) => [...lexicalTerms(word, WORDS_ONLY).keys()][0]!;
  // N = 3. "cats": df 2 → ln(4/3) + 1 = 1.2877; "purr": df 1 → ln(4/2) + 1 = 1.6931; unseen: ln(4/1) + 1 = 2.3863.
  assert.ok(Math.abs(table.weights[bucket('cats')]! - 1.2877) < 1e-4);
  assert.ok(Math.abs(table.weights[bucket('purr')]! - 1.6931) < 1e-4);
  assert.ok(Math.abs(table.weights[bucket('zebra')]! - 2.3863) < 1e-4);
});

test('fitIdf: words in more than maxDocumentShare of the texts get no weight', () => {
  const table = fitIdf(['the cat', 'the dog', 'the bird', 'a fish'], { ...WORDS_ONLY, maxDocumentShare: 0.5 }, 'four texts');
  const bucket = (word: string) => [...lexicalTerms(word, WORDS_ONLY).keys()][0]!;
  // "the" is in 3 of 4 texts (75% > 50%): dropped. "cat" is in 1 (25%): kept.
  assert.equal(table.weights[bucket('the')], 0);
  assert.ok(table.weights[bucket('cat')]! > 0);
});

test('an IDF table survives serialization: same fingerprint, same vectors', () => {
  const table = fitIdf(['how to learn python', 'how to learn rust', 'best pizza in rome'], DEFAULT_LEXICAL_FEATURES, 'tiny');
  const reread = parseIdf(serializeIdf(table), 'memory');
  assert.equal(reread.fingerprint, table.fingerprint);
  const text = 'learn python fast';
  assert.deepEqual(new LexicalEmbedder(reread).sparse(text), new LexicalEmbedder(table).sparse(text));
});

test('parseIdf names what is wrong', () => {
  assert.throws(() => parseIdf('{"format":"other"}', 'x.json'), { code: 'FRUGAL_INVALID_DATA', message: /x\.json: "format" must be/ });
});

test('lexical vectors are unit length; identical texts score 1, texts without a shared word 0', async () => {
  const embedder = shippedLexicalEmbedder();
  const [a, b, c] = await embedder.embedSparse(['How do I learn Python quickly?', 'How do I learn Python quickly?', 'Best pizza in Rome']);
  const norm = Math.sqrt(a!.values.reduce((sum, value) => sum + value * value, 0));
  assert.ok(Math.abs(norm - 1) < 1e-6);
  assert.ok(Math.abs(sparseDot(a!, b!) - 1) < 1e-6);
  assert.equal(sparseDot(a!, c!), 0);
  const [dense] = await embedder.embed(['How do I learn Python quickly?']);
  assert.equal(dense!.length, embedder.dimensions);
  assert.match(embedder.name, /^lexical:[0-9a-f]{12}$/);
});
