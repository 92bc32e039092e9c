import { readFile } from 'node:fs/promises';
import { FrugalError } from '../../errors/frugal-error.ts';

/** One model's recorded result on one prompt. */
export interface RecordedOutcome {
  score: number;
  response?: string;
  costUsd?: number;
}

export interface ReplayItem {
  id: string;
  /** Dataset model name → its outcome, in the file's order. */
  outcomes: Map<string, RecordedOutcome>;
}

/** What a replayed answer carries: the recorded text (if any) and score. */
export interface ReplayHit {
  itemId: string;
  datasetModel: string;
  score: number;
  response?: string;
}

/**
 * An outcomes dataset (format of shared/data/routing/*.jsonl) indexed by the text of each item's
 * last user message, so a request whose last user message is a dataset prompt gets the recorded
 * answer of the model it maps to.
 */
export class ReplayDataset {
  readonly #items = new Map<string, ReplayItem>();
  readonly #modelMap: Record<string, string>;

  constructor(items: Iterable<[string, ReplayItem]>, modelMap: Record<string, string> = {}) {
    for (const [prompt, item] of items) this.#items.set(prompt, item);
    this.#modelMap = modelMap;
  }

  get size(): number {
    return this.#items.size;
  }

  /**
   * The recorded outcome for this prompt: of the configured dataset model for `requestedModel`,
   * else of the model with the requested name, else of the item's first model with a response.
   */
  lookup(lastUserMessage: string, requestedModel: string): ReplayHit | undefined {
    const item = this.#items.get(lastUserMessage.trim());
    if (item === undefined) return undefined;
    const mapped = this.#modelMap[requestedModel];
    let datasetModel = mapped !== undefined && item.outcomes.has(mapped) ? mapped : undefined;
    if (datasetModel === undefined && item.outcomes.has(requestedModel)) datasetModel = requestedModel;
    if (datasetModel === undefined) {
      for (const [name, outcome] of item.outcomes) {
        if (outcome.response !== undefined) {
          datasetModel = name;
          break;
        }
      }
    }
    datasetModel ??= item.outcomes.keys().next().value;
    if (datasetModel === undefined) return undefined;
    const outcome = item.outcomes.get(datasetModel) as RecordedOutcome;
    const hit: ReplayHit = { itemId: item.id, datasetModel, score: outcome.score };
    if (outcome.response !== undefined) hit.response = outcome.response;
    return hit;
  }
}

function lastUserContent(messages: unknown): string | undefined {
  if (!Array.isArray(messages)) return undefined;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index] as { role?: unknown; content?: unknown };
    if (message?.role === 'user' && typeof message.content === 'string') return message.content;
  }
  return undefined;
}

export function parseReplayLines(text: string, path: string, modelMap: Record<string, string> = {}): ReplayDataset {
  const entries: [string, ReplayItem][] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).trim();
    if (line === '') continue;
    let record: { id?: unknown; messages?: unknown; outcomes?: unknown };
    try {
      record = JSON.parse(line);
    } catch {
      throw new FrugalError('FRUGAL_INVALID_CONFIG', `${path} line ${index + 1} is not valid JSON`);
    }
    const prompt = lastUserContent(record.messages);
    if (prompt === undefined || typeof record.outcomes !== 'object' || record.outcomes === null) {
      throw new FrugalError(
        'FRUGAL_INVALID_CONFIG',
        `${path} line ${index + 1} needs "messages" with a user message and an "outcomes" object`,
      );
    }
    const outcomes = new Map<string, RecordedOutcome>();
    for (const [model, value] of Object.entries(record.outcomes as Record<string, Record<string, unknown>>)) {
      const outcome: RecordedOutcome = { score: typeof value.score === 'number' ? value.score : 0 };
      if (typeof value.response === 'string') outcome.response = value.response;
      if (typeof value.cost_usd === 'number') outcome.costUsd = value.cost_usd;
      outcomes.set(model, outcome);
    }
    entries.push([prompt.trim(), { id: typeof record.id === 'string' ? record.id : `line-${index + 1}`, outcomes }]);
  }
  return new ReplayDataset(entries, modelMap);
}

export async function loadReplayDataset(path: string, modelMap: Record<string, string> = {}): Promise<ReplayDataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new FrugalError('FRUGAL_DATA_MISSING', `replay dataset ${path} cannot be read: no such file`, { path });
  }
  return parseReplayLines(text, path, modelMap);
}
