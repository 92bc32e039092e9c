import type { Ledger, LedgerErrorReport } from '../ledger/ledger.ts';

/**
 * Whether the ledger's storage keeps up, for /readyz: a failed write makes the gateway
 * unready until a later write succeeds.
 */
export class StorageHealth {
  readonly #log: (line: string) => void;
  #ledger: Ledger | undefined;
  #failing = false;
  #writtenAtFailure = 0;
  #lastError = '';

  constructor(log: (line: string) => void) {
    this.#log = log;
  }

  /** The ledger whose writes are watched (it is created with `onError` below). */
  watch(ledger: Ledger): void {
    this.#ledger = ledger;
  }

  readonly onError = (report: LedgerErrorReport): void => {
    this.#failing = true;
    this.#writtenAtFailure = this.#ledger?.stats().written ?? 0;
    this.#lastError = report.error instanceof Error ? report.error.message : String(report.error);
    const retry = report.willRetry ? ', will retry' : ', giving up';
    this.#log(`frugal ledger: ${report.entries} entries not written (failure ${report.failures}${retry}): ${this.#lastError}`);
  };

  /** Undefined when healthy, else why not. */
  problem(): string | undefined {
    if (this.#failing && (this.#ledger?.stats().written ?? 0) > this.#writtenAtFailure) this.#failing = false;
    return this.#failing ? `ledger storage is failing: ${this.#lastError}` : undefined;
  }
}
