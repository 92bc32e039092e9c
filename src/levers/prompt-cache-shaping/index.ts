/** Prompt-cache shaping: breakpoints and TTLs, prompt_cache_key, the prefix lint (docs/levers.md). */
export { PromptCacheLever, promptCacheKey, type PromptCacheLeverOptions, type ShapingReport } from './prompt-cache-lever.ts';
export { insertBreakpoints, MAXIMUM_BREAKPOINTS, type BreakpointContext, type BreakpointResult, type InsertedBreakpoint, type SkippedBoundary, type SkipReason } from './insert-breakpoints.ts';
export { ANTHROPIC_CACHE_MULTIPLIERS, chooseTtl, type PromptCachePrices, type TtlDecision } from './choose-ttl.ts';
export { ReuseTracker, type ReuseTrackerOptions } from './reuse-tracker.ts';
export { LINT_CODES, PrefixLinter, type LintCode, type LintSubject, type PrefixLinterOptions, type PrefixWarning } from './prefix-linter.ts';
export { BOUNDARIES, type Boundary } from './prefix-measure.ts';
