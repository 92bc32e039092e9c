import { createClient } from 'redis';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { CachedResponse, ResponseCacheBackend, StoredValue } from './backend.ts';

export interface RedisBackendOptions {
  /** `redis://host:port/db`. Credentials in it are never echoed in errors. */
  url: string;
  /** Prefix of every key, so one Redis can hold several caches. Default "frugal:response-cache:". */
  keyPrefix?: string;
  /** Milliseconds since the epoch, checked against each entry's expiry on read. Default Date.now. */
  clock?: () => number;
}

type Client = ReturnType<typeof createClient>;

/** Shared across gateway replicas: entries expire in Redis itself (PX) and are checked on read. */
export class RedisBackend implements ResponseCacheBackend {
  readonly #client: Client;
  readonly #prefix: string;
  readonly #clock: () => number;
  readonly #origin: string;

  private constructor(client: Client, options: RedisBackendOptions) {
    this.#client = client;
    this.#prefix = options.keyPrefix ?? 'frugal:response-cache:';
    this.#clock = options.clock ?? Date.now;
    this.#origin = safeOrigin(options.url);
  }

  static async connect(options: RedisBackendOptions): Promise<RedisBackend> {
    // No reconnect loop: a cache that cannot connect is reported, and the call goes upstream.
    const client = createClient({ url: options.url, socket: { reconnectStrategy: false, connectTimeout: 2_000 } });
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      throw storageError('connect to', safeOrigin(options.url), error);
    }
    return new RedisBackend(client, options);
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const text = await this.#run('read from', () => this.#client.get(this.#prefix + key));
    if (text === null) return undefined;
    const stored = JSON.parse(text) as StoredValue;
    return stored.expiresAt <= this.#clock() ? undefined : stored.entry;
  }

  async set(key: string, entry: CachedResponse, ttlMs: number): Promise<void> {
    const expiresAt = this.#clock() + ttlMs;
    const value = JSON.stringify({ entry, expiresAt } satisfies StoredValue);
    await this.#run('write to', () => this.#client.set(this.#prefix + key, value, { expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } }));
  }

  async delete(key: string): Promise<void> {
    await this.#run('delete from', () => this.#client.del(this.#prefix + key));
  }

  async close(): Promise<void> {
    if (this.#client.isOpen) await this.#client.close();
  }

  async #run<T>(action: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw storageError(action, this.#origin, error);
    }
  }
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'the configured Redis URL';
  }
}

function storageError(action: string, origin: string, error: unknown): FrugalError {
  const reason = error instanceof Error ? error.message : String(error);
  return new FrugalError('FRUGAL_CACHE_STORAGE', `response cache (Redis) could not ${action} ${origin}: ${reason}`, { backend: 'redis' });
}
