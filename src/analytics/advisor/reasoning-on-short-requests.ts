/** Reasoning tokens spent on short, simple requests: small prompt, short visible answer. */
import { exampleIds, groupBy, modelOf, promptTokens, unitPrice, workloadOf } from './request-facts.ts';
import type { Detector, Finding } from './types.ts';

/** A request counts as short and simple at or below both sizes. */
export const SHORT_PROMPT_TOKENS = 2_000;
export const SHORT_ANSWER_TOKENS = 200;

export const detectReasoningOnShortRequests: Detector = ({ requests }) => {
  const findings: Finding[] = [];
  const short = requests.filter((request) =>
    request.usage.reasoning > 0 && promptTokens(request) <= SHORT_PROMPT_TOKENS && request.usage.output <= SHORT_ANSWER_TOKENS);
  for (const [subject, group] of groupBy(short, (request) => `${modelOf(request)} ${workloadOf(request)}`)) {
    let savings = 0n;
    let reasoningTokens = 0;
    let unpriced = 0;
    for (const request of group) {
      reasoningTokens += request.usage.reasoning;
      const price = unitPrice(request, 'reasoning');
      if (price === null) unpriced += 1;
      else savings += BigInt(request.usage.reasoning) * BigInt(price);
    }
    findings.push({
      subject,
      kind: 'reasoning-on-short-requests',
      title: `Reasoning tokens on short, simple requests on ${subject}`,
      observedSavingsPicoUsd: savings,
      evidence: { requests: group.length, reasoningTokens, unpricedRequests: unpriced, exampleRequestIds: exampleIds(group) },
      configChange:
        'Send these requests with reasoning off or at its lowest setting: "reasoning_effort": "minimal" (OpenAI), ' +
        'no "thinking" block (Anthropic), or route them to a non-reasoning model.',
      method:
        `Requests with reasoning tokens, a prompt of at most ${SHORT_PROMPT_TOKENS} tokens and a visible answer of at most ` +
        `${SHORT_ANSWER_TOKENS} tokens. Savings = Σ reasoning tokens × the reasoning price these requests paid (all of it avoided).`,
    });
  }
  return findings;
};
