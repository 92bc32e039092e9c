import type { IdGenerator } from '../id-generator.ts';

export interface StoredFile {
  id: string;
  /** The key that uploaded it: files are visible to their organisation only. */
  apiKey: string;
  filename: string;
  purpose: string;
  createdAt: number;
  content: Buffer;
}

/** OpenAI's file object (without the bytes), as GET /v1/files/{id} returns it. */
export function fileObject(file: StoredFile) {
  return {
    id: file.id,
    object: 'file' as const,
    bytes: file.content.byteLength,
    created_at: Math.floor(file.createdAt / 1000),
    expires_at: null,
    filename: file.filename,
    purpose: file.purpose,
    status: 'processed' as const,
    status_details: null,
  };
}

const MAXIMUM_FILES = 10_000;

/** Uploaded files and batch output files, in memory (oldest dropped past 10,000). */
export class FileStore {
  readonly #files = new Map<string, StoredFile>();
  readonly #ids: IdGenerator;

  constructor(ids: IdGenerator) {
    this.#ids = ids;
  }

  create(apiKey: string, filename: string, purpose: string, content: Buffer, now: number): StoredFile {
    const file: StoredFile = { id: this.#ids.next('file-', 22), apiKey, filename, purpose, createdAt: now, content };
    this.#files.set(file.id, file);
    if (this.#files.size > MAXIMUM_FILES) this.#files.delete(this.#files.keys().next().value as string);
    return file;
  }

  get(apiKey: string, id: string): StoredFile | undefined {
    const file = this.#files.get(id);
    return file !== undefined && file.apiKey === apiKey ? file : undefined;
  }

  list(apiKey: string, purpose?: string): StoredFile[] {
    return [...this.#files.values()].filter((file) => file.apiKey === apiKey && (purpose === undefined || file.purpose === purpose));
  }

  delete(apiKey: string, id: string): boolean {
    return this.get(apiKey, id) !== undefined && this.#files.delete(id);
  }

  clear(): void {
    this.#files.clear();
  }
}
