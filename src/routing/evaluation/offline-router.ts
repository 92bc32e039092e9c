import type { OutcomeTable } from '../data/outcome-table.ts';

/**
 * What a router does with one item at one setting of its parameter: the candidates it called, in
 * order (every call is paid for), and the candidate whose answer it returned.
 */
export interface ItemDecision {
  attempts: readonly number[];
  answered: number;
  /** Calls outside the candidates (samples for self-consistency, judges), integer pico-USD. */
  extraCostPico?: number;
}

/** A router fitted on training data, ready to decide items of any table with the same candidates. */
export interface FittedRouter {
  /** Candidate index counted as "premium" (strong) for premium share and APGR. */
  premium: number;
  prepare(table: OutcomeTable, onProgress?: (message: string) => void): Promise<PreparedRouter>;
}

/** A fitted router's decisions on one table, for every value of its parameter. */
export interface PreparedRouter {
  /** The sweep: parameter values from the cheapest setting to the most generous. */
  parameters: number[];
  decide(row: number, parameter: number): ItemDecision;
}

/** A router `frugal route eval` can evaluate offline. */
export interface OfflineRouter {
  name: string;
  description: string;
  /** What the sweep varies (lambda, threshold, …). */
  parameterName: string;
  fit(train: OutcomeTable, onProgress?: (message: string) => void): Promise<FittedRouter>;
}
