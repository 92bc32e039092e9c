import { createHash } from 'node:crypto';
import { FrugalError } from '../../errors/frugal-error.ts';
import { lexicalTerms, type LexicalFeatureOptions } from './lexical-features.ts';

const FORMAT = 'frugal-lexical-idf/1';

/** Inverse document frequencies per hash bucket, fitted on a corpus of texts. */
export interface IdfTable {
  features: LexicalFeatureOptions;
  /** What the table was fitted on, for people reading the file. */
  corpus: string;
  documentCount: number;
  documentFrequency: Uint32Array;
  /** Smoothed IDF per bucket, ln((N + 1) / (df + 1)) + 1, or 0 above features.maxDocumentShare. */
  weights: Float32Array;
  /** Short digest of the table: vectors made with different tables live in different spaces. */
  fingerprint: string;
}

interface IdfFile {
  format: typeof FORMAT;
  corpus: string;
  features: LexicalFeatureOptions;
  documentCount: number;
  /** Little-endian Uint32 per bucket, base64. */
  documentFrequency: string;
}

function buildTable(features: LexicalFeatureOptions, corpus: string, documentCount: number, documentFrequency: Uint32Array): IdfTable {
  const weights = new Float32Array(features.dimensions);
  const commonAbove = features.maxDocumentShare * documentCount;
  for (let bucket = 0; bucket < features.dimensions; bucket++) {
    const frequency = documentFrequency[bucket]!;
    weights[bucket] = frequency > commonAbove ? 0 : Math.log((documentCount + 1) / (frequency + 1)) + 1;
  }
  const digest = createHash('sha256')
    .update(JSON.stringify(features))
    .update(String(documentCount))
    .update(new Uint8Array(documentFrequency.buffer, documentFrequency.byteOffset, documentFrequency.byteLength))
    .digest('hex');
  return { features, corpus, documentCount, documentFrequency, weights, fingerprint: digest.slice(0, 12) };
}

export function fitIdf(texts: Iterable<string>, features: LexicalFeatureOptions, corpus: string): IdfTable {
  const documentFrequency = new Uint32Array(features.dimensions);
  let documentCount = 0;
  for (const text of texts) {
    documentCount += 1;
    for (const bucket of lexicalTerms(text, features).keys()) documentFrequency[bucket]! += 1;
  }
  return buildTable(features, corpus, documentCount, documentFrequency);
}

export function serializeIdf(table: IdfTable): string {
  const bytes = new Uint8Array(table.features.dimensions * 4);
  const view = new DataView(bytes.buffer);
  table.documentFrequency.forEach((count, bucket) => view.setUint32(bucket * 4, count, true));
  const file: IdfFile = {
    format: FORMAT,
    corpus: table.corpus,
    features: table.features,
    documentCount: table.documentCount,
    documentFrequency: Buffer.from(bytes).toString('base64'),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export function parseIdf(text: string, source: string): IdfTable {
  const invalid = (detail: string) =>
    new FrugalError('FRUGAL_INVALID_DATA', `IDF table ${source}: ${detail}`, { source });
  let file: IdfFile;
  try {
    file = JSON.parse(text) as IdfFile;
  } catch (error) {
    throw invalid(`not valid JSON (${(error as Error).message})`);
  }
  if (file.format !== FORMAT) throw invalid(`"format" must be "${FORMAT}", got ${JSON.stringify(file.format)}`);
  const features = file.features;
  if (!Number.isInteger(features?.dimensions) || features.dimensions < 1) throw invalid('"features.dimensions" must be a positive integer');
  if (!Number.isInteger(file.documentCount) || file.documentCount < 1) throw invalid('"documentCount" must be a positive integer');
  if (typeof features.maxDocumentShare !== 'number') throw invalid('"features.maxDocumentShare" must be a number');
  const bytes = Buffer.from(file.documentFrequency ?? '', 'base64');
  if (bytes.length !== features.dimensions * 4) {
    throw invalid(`"documentFrequency" must hold ${features.dimensions} Uint32 values, got ${bytes.length} bytes`);
  }
  const documentFrequency = new Uint32Array(features.dimensions);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let bucket = 0; bucket < features.dimensions; bucket++) documentFrequency[bucket] = view.getUint32(bucket * 4, true);
  return buildTable(features, String(file.corpus ?? ''), file.documentCount, documentFrequency);
}
