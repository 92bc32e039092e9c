/**
 * The ledger's tables, as numbered migrations applied in order at open. Never edit a
 * published migration: add the next one. Attribution columns in the rollups hold '' for
 * "none" because a NULL never matches an ON CONFLICT key.
 */
import type { SqlDialect } from './driver.ts';

interface ColumnTypes {
  bigint: string;
  real: string;
  sequence: string;
}

const TYPES: Record<SqlDialect['name'], ColumnTypes> = {
  sqlite: { bigint: 'INTEGER', real: 'REAL', sequence: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
  postgres: { bigint: 'BIGINT', real: 'DOUBLE PRECISION', sequence: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' },
};

export interface Migration {
  version: number;
  statements(types: ColumnTypes): string[];
}

export const TOKEN_COLUMN_NAMES = [
  'input_tokens', 'cache_read_tokens', 'cache_write_5m_tokens', 'cache_write_1h_tokens', 'output_tokens', 'reasoning_tokens',
] as const;

const tokenColumns = (bigint: string) => TOKEN_COLUMN_NAMES.map((column) => `${column} ${bigint} NOT NULL`).join(',\n    ');

/** What a request and an attempt both record of their metering: tokens per bucket, the raw usage and the priced cost. */
const meteringColumns = (bigint: string) =>
  [
    tokenColumns(bigint),
    'raw_usage TEXT',
    'cost_lines TEXT NOT NULL',
    `cost_pico ${bigint} NOT NULL`,
    'cost_complete INTEGER NOT NULL',
    'catalog_version TEXT',
    'pricing_mode TEXT',
  ].join(',\n    ');

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    statements: ({ bigint, real, sequence }) => [
      `CREATE TABLE ledger_requests (
    id TEXT PRIMARY KEY,
    started_at ${bigint} NOT NULL,
    finished_at ${bigint} NOT NULL,
    day TEXT NOT NULL,
    client_protocol TEXT NOT NULL,
    provider TEXT,
    model_requested TEXT NOT NULL,
    model_served TEXT,
    route TEXT,
    status INTEGER NOT NULL,
    error_class TEXT,
    streamed INTEGER NOT NULL,
    ${meteringColumns(bigint)},
    baseline_model TEXT NOT NULL,
    baseline_cost_pico ${bigint},
    time_to_first_token_ms ${real},
    latency_ms ${real} NOT NULL,
    upstream_latency_ms ${real},
    feature TEXT,
    user_id TEXT,
    customer TEXT,
    task_id TEXT,
    session_id TEXT,
    properties TEXT NOT NULL,
    cache_status TEXT,
    cache_avoided_cost_pico ${bigint},
    cache_similarity ${real},
    attempt_count INTEGER NOT NULL,
    success INTEGER NOT NULL,
    success_source TEXT NOT NULL
  )`,
      'CREATE INDEX ledger_requests_task ON ledger_requests (task_id) WHERE task_id IS NOT NULL',
      'CREATE INDEX ledger_requests_started ON ledger_requests (started_at)',
      `CREATE TABLE ledger_attempts (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL,
    attempt_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    deployment TEXT,
    status INTEGER,
    error_class TEXT,
    ${meteringColumns(bigint)},
    latency_ms ${real} NOT NULL,
    time_to_first_token_ms ${real},
    validation TEXT
  )`,
      'CREATE INDEX ledger_attempts_request ON ledger_attempts (request_id, attempt_index)',
      `CREATE TABLE ledger_outcomes (
    sequence ${sequence},
    subject_kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    success INTEGER NOT NULL,
    score ${real},
    note TEXT,
    source TEXT NOT NULL,
    recorded_at ${bigint} NOT NULL
  )`,
      'CREATE INDEX ledger_outcomes_subject ON ledger_outcomes (subject_kind, subject_id, sequence)',
      `CREATE TABLE ledger_daily_rollups (
    day TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    feature TEXT NOT NULL,
    user_id TEXT NOT NULL,
    customer TEXT NOT NULL,
    route TEXT NOT NULL,
    requests ${bigint} NOT NULL,
    successes ${bigint} NOT NULL,
    failures ${bigint} NOT NULL,
    attempts ${bigint} NOT NULL,
    incomplete_cost_requests ${bigint} NOT NULL,
    ${tokenColumns(bigint)},
    cost_pico ${bigint} NOT NULL,
    baseline_cost_pico ${bigint} NOT NULL,
    PRIMARY KEY (day, provider, model, feature, user_id, customer, route)
  )`,
      `CREATE TABLE ledger_tasks (
    task_id TEXT PRIMARY KEY,
    first_day TEXT NOT NULL,
    requests ${bigint} NOT NULL,
    cost_pico ${bigint} NOT NULL,
    baseline_cost_pico ${bigint} NOT NULL,
    success INTEGER
  )`,
      'CREATE INDEX ledger_tasks_day ON ledger_tasks (first_day)',
    ],
  },
];

/**
 * PostgreSQL type of each non-text ledger column, for the casts of unnest() in batch inserts;
 * the PostgreSQL store's test checks this list against the live schema.
 */
const ARRAY_TYPES: Record<string, string> = {
  ...Object.fromEntries(
    [
      'started_at', 'finished_at', 'recorded_at', 'sequence', 'cost_pico', 'baseline_cost_pico', 'cache_avoided_cost_pico', 'requests', 'successes',
      'failures', 'attempts', 'incomplete_cost_requests', ...TOKEN_COLUMN_NAMES,
    ].map((column) => [column, 'bigint']),
  ),
  ...Object.fromEntries(
    ['status', 'streamed', 'cost_complete', 'attempt_count', 'success', 'attempt_index'].map((column) => [column, 'integer']),
  ),
  ...Object.fromEntries(
    ['time_to_first_token_ms', 'latency_ms', 'upstream_latency_ms', 'cache_similarity', 'score'].map((column) => [column, 'double precision']),
  ),
};

export function arrayType(column: string): string {
  return ARRAY_TYPES[column] ?? 'text';
}

export function columnTypes(dialect: SqlDialect): ColumnTypes {
  return TYPES[dialect.name];
}
