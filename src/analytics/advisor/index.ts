/** The advisor's public surface: what `frugal advise` and GET /v1/frugal/advice import. */
export { advise, DETECTORS, type AdviseOptions } from './advise.ts';
export { daysInclusive, projectToMonth, utcDay } from './projection.ts';
export {
  RECOMMENDATION_KINDS,
  type Advice, type Detector, type DetectorInput, type Evidence, type Finding, type Recommendation, type RecommendationKind,
} from './types.ts';
