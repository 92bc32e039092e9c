import type { Agent } from 'undici';
import type { Catalog } from '../catalog/catalog.ts';
import type { FrugalConfig } from '../config/types.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { UpstreamProvider } from '../providers/upstream-provider.ts';
import type { Lever } from './levers/lever.ts';
import type { GatewayMetrics } from './metrics/gateway-metrics.ts';
import type { ModelResolver } from './steps/resolve-model.ts';

/** Everything a request handler needs, built once at start-up and shared by every request. */
export interface Gateway {
  readonly config: FrugalConfig;
  readonly catalog: Catalog;
  readonly providers: ReadonlyMap<string, UpstreamProvider>;
  readonly models: ModelResolver;
  readonly pool: Agent;
  readonly ledger: Ledger;
  readonly metrics: GatewayMetrics;
  readonly levers: readonly Lever[];
  /** The key clients must present, when one is configured. */
  readonly gatewayKey: Buffer | undefined;
  /** Where provider keys are read, at call time. */
  readonly env: Record<string, string | undefined>;
  /** Providers point at an emulator: a provider without a configured key uses a placeholder. */
  readonly emulated: boolean;
  /** One line to the operator's log (stderr by default); never given a secret. */
  readonly log: (line: string) => void;
  /** Shutdown has begun: new model calls are refused, /readyz says so. */
  draining: boolean;
  /** Model calls being handled now. */
  inFlight: number;
}
