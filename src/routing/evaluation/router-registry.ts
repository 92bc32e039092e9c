import { FrugalError } from '../../errors/frugal-error.ts';
import { agreementCascade, verdictCascade, type CascadeSamples } from '../cascade/cascade-routers.ts';
import type { Embedder } from '../embedders/embedder.ts';
import { learnedOfflineRouter } from '../learned/offline-learned-router.ts';
import type { LearnedRouterKind } from '../learned/router-model.ts';
import type { OfflineRouter } from './offline-router.ts';

/** The learned router a `learned` route uses when its configuration names none. */
export const DEFAULT_LEARNED_KIND: LearnedRouterKind = 'stacked';

export const ROUTER_NAMES = ['default', 'knn', 'logistic', 'stacked', 'cascade', 'cascade-agreement', 'cascade-verdict'] as const;
export type RouterName = (typeof ROUTER_NAMES)[number];

export interface RouterSettings {
  /** Decision rule of the learned routers (default utility: argmax P − λ·cost). */
  rule?: 'utility' | 'threshold';
  dimensions?: number;
  embedder?: Embedder;
  providerEmbedder?: { provider: string; model: string };
  samples?: CascadeSamples;
}

export function isRouterName(name: string): name is RouterName {
  return (ROUTER_NAMES as readonly string[]).includes(name);
}

/** The offline router called `name` (FRUGAL_INVALID_ARGUMENT listing the names when unknown). */
export function offlineRouter(name: string, settings: RouterSettings = {}): OfflineRouter {
  if (!isRouterName(name)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `unknown router "${name}"; routers: ${ROUTER_NAMES.join(', ')}`);
  }
  const rule = settings.rule ?? 'utility';
  const learnedOptions = {
    ...(settings.dimensions === undefined ? {} : { dimensions: settings.dimensions }),
    ...(settings.embedder === undefined ? {} : { embedder: settings.embedder }),
    ...(settings.providerEmbedder === undefined ? {} : { providerEmbedder: settings.providerEmbedder }),
  };
  const samples = settings.samples === undefined ? {} : { samples: settings.samples };
  switch (name) {
    case 'default':
      return learnedOfflineRouter('default', DEFAULT_LEARNED_KIND, rule, learnedOptions);
    case 'knn':
    case 'logistic':
    case 'stacked':
      return learnedOfflineRouter(name, name, rule, learnedOptions);
    case 'cascade':
      return agreementCascade(
        name,
        'cheap models first; code answers checked by their recorded test verdict, other answers accepted when the learned acceptance model (agreement of two cheap models, response checks, prompt features) clears the threshold',
        { verdictKinds: new Set(['code']), ...samples },
      );
    case 'cascade-agreement':
      return agreementCascade(
        name,
        'cheap models first; every answer accepted only on the learned acceptance model (agreement, response checks, prompt features), no recorded verdicts',
        { verdictKinds: new Set(), ...samples },
      );
    case 'cascade-verdict':
      return verdictCascade(name);
  }
}
