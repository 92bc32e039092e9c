/**
 * An optional second opinion on a candidate hit that the pair classifier accepted — for
 * example a cheap LLM asked through the gateway "do these two questions ask the same thing?".
 * It only ever removes hits: a hit needs the classifier and the judge to agree.
 */
export interface PairJudge {
  readonly name: string;
  sameQuestion(query: string, candidate: string): Promise<boolean>;
}
