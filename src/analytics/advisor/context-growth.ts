/**
 * Sessions whose prompt grows turn after turn: each turn resends the whole history. Trimming
 * the history to the size of the session's first prompt is the saving projected.
 */
import type { RequestRecord } from '../../ledger/records.ts';
import { exampleIds, groupBy, promptTokens, unitPrice } from './request-facts.ts';
import type { Detector, Finding } from './types.ts';

/** A session needs at least this many requests, each prompt larger than the one before. */
export const MINIMUM_TURNS = 3;

function growsEveryTurn(turns: readonly RequestRecord[]): boolean {
  return turns.every((turn, index) => index === 0 || promptTokens(turn) > promptTokens(turns[index - 1]!));
}

export const detectContextGrowth: Detector = ({ requests }) => {
  const sessions = groupBy(requests.filter((request) => request.attribution.session !== null), (request) => request.attribution.session!);
  const growing = [...sessions.values()].filter((turns) => turns.length >= MINIMUM_TURNS && growsEveryTurn(turns));
  if (growing.length === 0) return [];
  let savings = 0n;
  let trimmableTokens = 0;
  let unpriced = 0;
  let turns = 0;
  for (const session of growing) {
    const budget = promptTokens(session[0]!);
    turns += session.length;
    for (const turn of session.slice(1)) {
      // Only uncached input is trimmed at the input price; cache reads are already cheap and left alone.
      const excess = Math.min(turn.usage.input, promptTokens(turn) - budget);
      trimmableTokens += excess;
      const price = unitPrice(turn, 'input');
      if (price === null) unpriced += 1;
      else savings += BigInt(excess) * BigInt(price);
    }
  }
  const finding: Finding = {
    subject: 'sessions',
    kind: 'context-growth',
    title: `Context grows turn after turn in ${growing.length} session(s)`,
    observedSavingsPicoUsd: savings,
    evidence: {
      sessions: growing.length,
      requests: turns,
      trimmableInputTokens: trimmableTokens,
      unpricedRequests: unpriced,
      exampleRequestIds: exampleIds(growing.flatMap((session) => session.slice(-1))),
    },
    configChange:
      'Trim or summarize the history these sessions resend: keep the system prompt and the last turns within the size ' +
      'of the first prompt (the x-frugal-session header already groups the turns).',
    method:
      `Sessions (x-frugal-session) of at least ${MINIMUM_TURNS} requests whose prompt grows every turn. For each turn after the ` +
      'first, the tokens above the first prompt\'s size (at most its uncached input) × the input price it paid.',
  };
  return [finding];
};
