import { readFile } from 'node:fs/promises';
import { FrugalError } from '../../errors/frugal-error.ts';

/**
 * Self-consistency of one sampling model on one question: several answers were sampled, and
 * the share that voted for the majority answer is the signal (MoT cascade, ICLR 2024).
 */
export interface SampleAgreement {
  model: string;
  samples: number;
  majorityAnswer: string | undefined;
  voteAgreement: number;
  /** Mean generated characters per sample (to price the sampling calls). */
  meanGeneratedChars: number;
}

/** Parses one CSV line with quoted fields ("" escapes a quote). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      fields.push(field);
      field = '';
    } else field += character;
  }
  fields.push(field);
  return fields;
}

/** Splits CSV text into records, keeping newlines inside quoted fields. */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let current = '';
  let quotes = 0;
  for (const line of text.split('\n')) {
    current = current === '' ? line : `${current}\n${line}`;
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      if (current.trim() !== '') records.push(current.replace(/\r$/, ''));
      current = '';
      quotes = 0;
    }
  }
  return records;
}

function normalizeAnswer(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : text.trim();
}

/**
 * Reads MoT-style sample summaries (`question, model, prompt_style, n_samples, majority_answer,
 * vote_agreement, mean_generated_chars`) for one sampling model, pooled over prompt styles
 * (votes are weighted by samples), keyed by question text.
 */
export async function readSampleAgreement(path: string, model: string): Promise<Map<string, SampleAgreement>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FrugalError('FRUGAL_DATA_MISSING', `agreement samples file ${path} is absent (expected the MoT cascade CSV, see shared/data/README.md)`, { path });
    }
    throw error;
  }
  const records = csvRecords(text);
  const header = parseCsvLine(records[0] ?? '');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index === -1) throw new FrugalError('FRUGAL_INVALID_DATA', `${path}: column "${name}" is missing (header: ${header.join(', ')})`, { path });
    return index;
  };
  const [question, modelColumn, samples, majority, agreement, generated] = [
    column('question'), column('model'), column('n_samples'), column('majority_answer'), column('vote_agreement'), column('mean_generated_chars'),
  ];
  const pooled = new Map<string, { samples: number; votes: Map<string, number>; agreeing: number; chars: number }>();
  const models = new Set<string>();
  for (const record of records.slice(1)) {
    const fields = parseCsvLine(record);
    models.add(fields[modelColumn]!);
    if (fields[modelColumn] !== model) continue;
    const count = Number(fields[samples]);
    if (!(count > 0)) continue;
    const key = fields[question]!.trim();
    const entry = pooled.get(key) ?? { samples: 0, votes: new Map<string, number>(), agreeing: 0, chars: 0 };
    const answer = normalizeAnswer(fields[majority]!);
    const agreeing = count * (Number(fields[agreement]) || 0);
    if (answer !== undefined) entry.votes.set(answer, (entry.votes.get(answer) ?? 0) + agreeing);
    entry.samples += count;
    entry.agreeing += agreeing;
    entry.chars += count * (Number(fields[generated]) || 0);
    pooled.set(key, entry);
  }
  if (!models.has(model)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `${path} has no samples of model "${model}" (models: ${[...models].join(', ')})`);
  }
  const result = new Map<string, SampleAgreement>();
  for (const [key, entry] of pooled) {
    let majorityAnswer: string | undefined;
    let majorityVotes = 0;
    for (const [answer, votes] of entry.votes) if (votes > majorityVotes) [majorityAnswer, majorityVotes] = [answer, votes];
    result.set(key, {
      model,
      samples: entry.samples,
      majorityAnswer,
      voteAgreement: entry.samples > 0 ? majorityVotes / entry.samples : 0,
      meanGeneratedChars: entry.samples > 0 ? entry.chars / entry.samples : 0,
    });
  }
  return result;
}
