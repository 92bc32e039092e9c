import type { AttemptRecord, RequestRecord } from '../../ledger/records.ts';
import { BUCKET_NAMES } from '../../usage/buckets.ts';
import { Counter, MoneyCounter } from './counter.ts';
import { Histogram } from './histogram.ts';
import { seriesKey } from './labels.ts';

const SERIES = ['provider', 'model', 'route'] as const;

/** Point-in-time values read when /metrics is scraped. */
export interface MetricsGauges {
  inFlight: number;
  ledgerQueued: number;
  ledgerWritten: number;
  ledgerFailedWrites: number;
}

/**
 * The gateway's Prometheus metrics, updated from each finished request's ledger record:
 * requests, errors, tokens per bucket, cost and baseline cost, latency histograms, by
 * provider, model and route. Requests that failed before a provider was chosen carry
 * provider "none"; those whose model name was never resolved carry model "unresolved", so
 * a client sending made-up names cannot multiply the series.
 */
export class GatewayMetrics {
  readonly #requests = new Counter('frugal_requests_total', 'Requests answered, by client protocol, provider, model, route and HTTP status.', ['protocol', ...SERIES, 'status']);
  readonly #errors = new Counter('frugal_request_errors_total', 'Requests that failed, by error class.', [...SERIES, 'error_class']);
  readonly #attempts = new Counter('frugal_upstream_attempts_total', 'Upstream calls, by upstream status ("none" when no answer came) and error class.', ['provider', 'model', 'status', 'error_class']);
  readonly #tokens = new Counter('frugal_tokens_total', 'Tokens billed, by usage bucket.', [...SERIES, 'bucket']);
  readonly #cost = new MoneyCounter('frugal_cost_usd_total', 'Spend in USD (exact; a lower bound where something was unpriced).', SERIES);
  readonly #baseline = new MoneyCounter('frugal_baseline_cost_usd_total', 'What the same usage would have cost on the baseline model, in USD.', SERIES);
  readonly #unpriced = new Counter('frugal_unpriced_requests_total', 'Requests with usage the catalog has no price for.', SERIES);
  readonly #duration = new Histogram('frugal_request_duration_seconds', 'Time from request to the end of the response.', SERIES);
  readonly #firstToken = new Histogram('frugal_time_to_first_token_seconds', 'Time from request to the first generated content of a stream.', SERIES);
  readonly #upstream = new Histogram('frugal_upstream_duration_seconds', 'Time spent on upstream calls per request.', SERIES);
  #ledgerRejected = 0;

  observe(request: RequestRecord, attempts: readonly AttemptRecord[], resolved: boolean): void {
    const model = resolved ? (request.modelServed ?? request.modelRequested) : 'unresolved';
    const series = [request.provider ?? 'none', model, request.route ?? ''];
    // The series' key is built once; the keys of the series with more labels extend it.
    const key = seriesKey(series);
    const status = String(request.status);
    this.#requests.add([request.clientProtocol, series[0]!, series[1]!, series[2]!, status], 1, `${request.clientProtocol}\u0000${key}\u0000${status}`);
    if (request.errorClass !== null) this.#errors.add([...series, request.errorClass], 1, `${key}\u0000${request.errorClass}`);
    for (const attempt of attempts) {
      this.#attempts.add([attempt.provider, attempt.model, attempt.status === null ? 'none' : String(attempt.status), attempt.errorClass ?? '']);
    }
    for (const bucket of BUCKET_NAMES) {
      const tokens = request.usage[bucket];
      if (tokens > 0) this.#tokens.add([...series, bucket], tokens, `${key}\u0000${bucket}`);
    }
    if (request.cost.totalPicoUsd > 0) this.#cost.add(series, request.cost.totalPicoUsd, key);
    if (request.baselineCostPicoUsd !== null && request.baselineCostPicoUsd > 0) this.#baseline.add(series, request.baselineCostPicoUsd, key);
    if (!request.cost.complete) this.#unpriced.add(series, 1, key);
    this.#duration.observe(series, request.latencyMs / 1000, key);
    if (request.timeToFirstTokenMs !== null) this.#firstToken.observe(series, request.timeToFirstTokenMs / 1000, key);
    if (request.upstreamLatencyMs !== null) this.#upstream.observe(series, request.upstreamLatencyMs / 1000, key);
  }

  /** The ledger refused a record (queue full or closed). */
  ledgerRejected(): void {
    this.#ledgerRejected += 1;
  }

  render(gauges: MetricsGauges): string {
    return [
      this.#requests.render(),
      this.#errors.render(),
      this.#attempts.render(),
      this.#tokens.render(),
      this.#cost.render(),
      this.#baseline.render(),
      this.#unpriced.render(),
      this.#duration.render(),
      this.#firstToken.render(),
      this.#upstream.render(),
      gauge('frugal_requests_in_flight', 'Model requests being handled now.', gauges.inFlight),
      gauge('frugal_ledger_queued', 'Ledger entries acknowledged and not yet written.', gauges.ledgerQueued),
      counter('frugal_ledger_written_total', 'Ledger entries written to storage.', gauges.ledgerWritten),
      counter('frugal_ledger_failed_writes_total', 'Ledger batch writes that failed (and were retried).', gauges.ledgerFailedWrites),
      counter('frugal_ledger_rejected_total', 'Records the ledger refused (queue full or closed).', this.#ledgerRejected),
    ].join('');
  }
}

function gauge(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}\n`;
}

function counter(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}\n`;
}
