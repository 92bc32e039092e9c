import type { AttemptKind } from '../../ledger/records.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { PricedUsage } from '../record/price-usage.ts';

/** One upstream call made for a request, filled in as it runs; the ledger's AttemptRecord is built from it. */
export class Attempt {
  readonly id: string;
  readonly index: number;
  readonly kind: AttemptKind;
  readonly provider: string;
  readonly model: string;
  /** performance.now() when the upstream call started. */
  readonly started: number;
  status: number | null = null;
  errorClass: string | null = null;
  usage: NormalizedUsage | undefined;
  priced: PricedUsage | undefined;
  latencyMs = 0;
  timeToFirstTokenMs: number | null = null;

  constructor(requestId: string, index: number, kind: AttemptKind, provider: string, model: string) {
    this.id = `${requestId}.${index}`;
    this.index = index;
    this.kind = kind;
    this.provider = provider;
    this.model = model;
    this.started = performance.now();
  }

  /** Marks the upstream call done; the latency runs to here. */
  finish(): void {
    this.latencyMs = performance.now() - this.started;
  }
}
