/** One model's recorded result on one prompt. */
export interface ModelOutcome {
  /** Quality in [0, 1] (1 = the answer passed). */
  score: number;
  /** The cost of the call in integer pico-USD (recorded by the source, or computed: see `costSource`). */
  costPico: number;
  costSource: 'recorded' | 'computed';
  response?: string;
}

/** A chat message as the outcomes files write it. */
export interface OutcomeMessage {
  role: string;
  content: string;
}

/** One prompt with every model's outcome on it. */
export interface OutcomeItem {
  id: string;
  source: string;
  messages: OutcomeMessage[];
  /** All user turns of a multi-turn item (MT-Bench); absent for single-turn items. */
  turns?: string[];
  outcomes: Map<string, ModelOutcome>;
}

/** How costs were obtained where the file had none. */
export interface CostNote {
  model: string;
  /** Outcomes of this model whose cost was computed from token counts and catalog prices. */
  computed: number;
  /** Of those, outcomes without a response: their cost counts the prompt tokens only. */
  promptOnly: number;
  catalogModel: string;
  catalogVersion: string;
}

export interface OutcomesDataset {
  path: string;
  items: OutcomeItem[];
  /** Every model seen, in first-seen order. */
  models: string[];
  /** Lines whose id repeats an earlier line's: their outcomes were merged into the first. */
  mergedDuplicates: number;
  costNotes: CostNote[];
}
