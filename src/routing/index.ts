/**
 * The routing library's public entry points: what a gateway step or a command imports. Offline
 * evaluation lives in ./evaluation, training in ./learned/train-router.ts.
 */
export { LearnedRouter, type RouteChoice, type RouteFeatures } from './learned/learned-router.ts';
export { loadRouterModel, saveRouterModel, validateRouterModel } from './learned/router-file.ts';
export { chooseCandidate } from './learned/decision.ts';
export type { Calibration, DecisionRule, LearnedRouterKind, RouterModelFile } from './learned/router-model.ts';
export type { Embedder } from './embedders/embedder.ts';
export { LexicalEmbedder } from './embedders/lexical-embedder.ts';
export { ProviderEmbedder, providerEmbedderFromConfig } from './embedders/provider-embedder.ts';
export { focusText } from './features/focus-text.ts';
export { answerKind, handFeatures, HAND_FEATURE_NAMES, type AnswerKind } from './features/hand-features.ts';
export { extractAnswer, extractChoice, extractNumber } from './features/answer-extraction.ts';
export { DEFAULT_LEARNED_KIND } from './evaluation/router-registry.ts';
