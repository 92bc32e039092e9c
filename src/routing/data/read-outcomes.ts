import { readFile } from 'node:fs/promises';
import type { Catalog } from '../../catalog/catalog.ts';
import { loadShippedCatalog } from '../../catalog/load.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { computedCostPico } from './computed-cost.ts';
import type { CostNote, ModelOutcome, OutcomeItem, OutcomeMessage, OutcomesDataset } from './outcome-types.ts';

export interface ReadOutcomesOptions {
  /** Prices outcomes that carry no `cost_usd` (default: the shipped catalog). */
  catalog?: Catalog;
}

const PICO_PER_USD = 1e12;

function invalid(path: string, line: number, message: string): FrugalError {
  return new FrugalError('FRUGAL_INVALID_DATA', `${path} line ${line}: ${message}`, { path, line });
}

/** Everything the user said: all turns of a multi-turn item, else every user message. */
export function promptTextOf(item: Pick<OutcomeItem, 'messages' | 'turns'>): string {
  if (item.turns !== undefined && item.turns.length > 0) return item.turns.join('\n\n');
  return item.messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n\n');
}

function readMessages(value: unknown, path: string, line: number): OutcomeMessage[] {
  if (!Array.isArray(value) || value.length === 0) throw invalid(path, line, '"messages" must be a non-empty array');
  return value.map((message, index) => {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if (typeof role !== 'string' || typeof content !== 'string') {
      throw invalid(path, line, `messages[${index}] must have string "role" and "content"`);
    }
    return { role, content };
  });
}

interface RawOutcome {
  score: number;
  costUsd?: number;
  response?: string;
}

function readOutcome(model: string, value: unknown, path: string, line: number): RawOutcome {
  const { score, cost_usd: costUsd, response } = (value ?? {}) as Record<string, unknown>;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
    throw invalid(path, line, `outcomes["${model}"].score must be a number from 0 to 1, got ${JSON.stringify(score)}`);
  }
  if (costUsd !== undefined && (typeof costUsd !== 'number' || !(costUsd >= 0))) {
    throw invalid(path, line, `outcomes["${model}"].cost_usd must be a non-negative number, got ${JSON.stringify(costUsd)}`);
  }
  if (response !== undefined && typeof response !== 'string') {
    throw invalid(path, line, `outcomes["${model}"].response must be a string`);
  }
  const outcome: RawOutcome = { score };
  if (costUsd !== undefined) outcome.costUsd = costUsd;
  if (response !== undefined) outcome.response = response;
  return outcome;
}

/**
 * Reads an outcomes file (one JSON object per line:
 * `{"id","source","messages","turns"?,"outcomes":{"<model>":{"score","cost_usd"?,"response"?}}}`).
 * Recorded costs (USD floats) become integer pico-USD here; where `cost_usd` is absent the cost
 * is computed from the prompt and response token counts with the catalog, and `costNotes` says so.
 * A line repeating an earlier id adds its models to the earlier item (the source split some
 * items across lines). A missing file is FRUGAL_DATA_MISSING naming the path.
 */
export async function readOutcomes(path: string, options: ReadOutcomesOptions = {}): Promise<OutcomesDataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FrugalError('FRUGAL_DATA_MISSING', `outcomes file ${path} is absent (expected JSONL outcomes, see shared/data/README.md)`, { path });
    }
    throw error;
  }
  const byId = new Map<string, { item: OutcomeItem; raw: Map<string, RawOutcome> }>();
  const models: string[] = [];
  const seenModels = new Set<string>();
  let mergedDuplicates = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const body = lines[index]!.trim();
    if (body === '') continue;
    const lineNumber = index + 1;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch (error) {
      throw invalid(path, lineNumber, `not valid JSON (${(error as Error).message})`);
    }
    const { id, source, messages, turns, outcomes } = parsed;
    if (typeof id !== 'string' || id === '') throw invalid(path, lineNumber, '"id" must be a non-empty string');
    if (typeof outcomes !== 'object' || outcomes === null || Array.isArray(outcomes)) {
      throw invalid(path, lineNumber, '"outcomes" must be an object of model → {score, cost_usd?, response?}');
    }
    const raw = new Map<string, RawOutcome>();
    for (const [model, value] of Object.entries(outcomes)) {
      raw.set(model, readOutcome(model, value, path, lineNumber));
      if (!seenModels.has(model)) {
        seenModels.add(model);
        models.push(model);
      }
    }
    const existing = byId.get(id);
    if (existing !== undefined) {
      mergedDuplicates++;
      for (const [model, outcome] of raw) if (!existing.raw.has(model)) existing.raw.set(model, outcome);
      continue;
    }
    const item: OutcomeItem = {
      id,
      source: typeof source === 'string' ? source : '',
      messages: readMessages(messages, path, lineNumber),
      outcomes: new Map(),
    };
    if (Array.isArray(turns) && turns.every((turn) => typeof turn === 'string')) item.turns = turns as string[];
    byId.set(id, { item, raw });
  }
  const pricing = new OutcomePricing(options.catalog);
  for (const { item, raw } of byId.values()) {
    const prompt = promptTextOf(item);
    for (const [model, outcome] of raw) item.outcomes.set(model, pricing.price(model, prompt, outcome));
  }
  return { path, items: [...byId.values()].map(({ item }) => item), models, mergedDuplicates, costNotes: pricing.notes() };
}

/** Turns recorded USD costs into pico-USD and computes the missing ones, counting what it computed. */
class OutcomePricing {
  #catalog: Catalog | undefined;
  readonly #entries = new Map<string, CatalogEntry>();
  readonly #notes = new Map<string, CostNote>();

  constructor(catalog: Catalog | undefined) {
    this.#catalog = catalog;
  }

  price(model: string, prompt: string, outcome: RawOutcome): ModelOutcome {
    const result: ModelOutcome =
      outcome.costUsd !== undefined
        ? { score: outcome.score, costPico: Math.round(outcome.costUsd * PICO_PER_USD), costSource: 'recorded' }
        : this.#computed(model, prompt, outcome);
    if (outcome.response !== undefined) result.response = outcome.response;
    return result;
  }

  #computed(model: string, prompt: string, outcome: RawOutcome): ModelOutcome {
    this.#catalog ??= loadShippedCatalog();
    let entry = this.#entries.get(model);
    if (entry === undefined) {
      entry = this.#catalog.resolve(model);
      this.#entries.set(model, entry);
    }
    let note = this.#notes.get(model);
    if (note === undefined) {
      note = { model, computed: 0, promptOnly: 0, catalogModel: `${entry.provider}/${entry.model}`, catalogVersion: this.#catalog.version };
      this.#notes.set(model, note);
    }
    note.computed++;
    if (outcome.response === undefined) note.promptOnly++;
    const costPico = computedCostPico(entry, this.#catalog.version, prompt, outcome.response);
    return { score: outcome.score, costPico, costSource: 'computed' };
  }

  notes(): CostNote[] {
    return [...this.#notes.values()];
  }
}
