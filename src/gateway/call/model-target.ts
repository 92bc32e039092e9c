import type { UpstreamProvider } from '../../providers/upstream-provider.ts';

/** Where a requested model name leads: a provider's deployment, and the baseline it is measured against. */
export interface ModelTarget {
  /** The name the client sent: a route, an alias, `provider/model` or a catalog model. */
  requested: string;
  /** The route's name when the client named a route. */
  route: string | null;
  provider: UpstreamProvider;
  /** The model id sent upstream. */
  model: string;
  /** The route's baseline model, else the target model itself: what savings are measured against. */
  baseline: { model: string; provider: string };
}
