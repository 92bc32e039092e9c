import { fileObject } from '../batches/file-store.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { OPENAI_EDGE } from '../http/provider-edge.ts';

function send(exchange: Exchange, state: EmulatorState, status: number, body: unknown): void {
  sendJson(exchange, status, OPENAI_EDGE.headers(state, 'application/json'), body);
}

function missingFile(exchange: Exchange, state: EmulatorState, id: string): void {
  const { status, body } = OPENAI_EDGE.error('not_found', `No such File object: ${id}`, { param: 'id' });
  send(exchange, state, status, body);
}

/** POST /v1/files (multipart: `file`, `purpose`). */
export async function uploadFile(exchange: Exchange, state: EmulatorState, apiKey: string): Promise<void> {
  const contentType = exchange.headers['content-type'] ?? '';
  let form: FormData;
  try {
    form = await new Response(exchange.body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    const { status, body } = OPENAI_EDGE.error('invalid_request', 'The request must be multipart/form-data with a `file` and a `purpose`.');
    send(exchange, state, status, body);
    return;
  }
  const file = form.get('file');
  const purpose = form.get('purpose');
  if (!(file instanceof Blob) || typeof purpose !== 'string') {
    const missing = file instanceof Blob ? 'purpose' : 'file';
    const { status, body } = OPENAI_EDGE.error('invalid_request', `Missing required parameter: '${missing}'.`, { param: missing });
    send(exchange, state, status, body);
    return;
  }
  const content = Buffer.from(await file.arrayBuffer());
  const filename = file instanceof File ? file.name : 'upload';
  send(exchange, state, 200, fileObject(state.files.create(apiKey, filename, purpose, content, state.clock.now())));
}

export function listFiles(exchange: Exchange, state: EmulatorState, apiKey: string): void {
  const purpose = exchange.query.get('purpose') ?? undefined;
  const data = state.files.list(apiKey, purpose).map(fileObject);
  send(exchange, state, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
}

export function retrieveFile(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): void {
  const file = state.files.get(apiKey, id);
  if (file === undefined) missingFile(exchange, state, id);
  else send(exchange, state, 200, fileObject(file));
}

export function fileContent(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): void {
  const file = state.files.get(apiKey, id);
  if (file === undefined) {
    missingFile(exchange, state, id);
    return;
  }
  exchange.reply.send(200, OPENAI_EDGE.headers(state, 'application/octet-stream'), file.content);
}

export function deleteFile(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): void {
  if (!state.files.delete(apiKey, id)) missingFile(exchange, state, id);
  else send(exchange, state, 200, { id, object: 'file', deleted: true });
}
