import { readFile, writeFile } from 'node:fs/promises';
import { FrugalError } from '../../errors/frugal-error.ts';
import { LEARNED_ROUTER_KINDS, type RouterModelFile } from './router-model.ts';

function invalid(path: string, message: string): FrugalError {
  return new FrugalError('FRUGAL_INVALID_DATA', `router model ${path}: ${message}`, { path });
}

/** Checks the parts every loader relies on; bulk arrays are checked when decoded. */
export function validateRouterModel(value: unknown, path: string): RouterModelFile {
  const file = value as Partial<RouterModelFile>;
  if (file?.format !== 'frugal-router') throw invalid(path, '"format" must be "frugal-router" (is it a router trained by `frugal route train`?)');
  if (file.version !== 1) throw invalid(path, `version ${String(file.version)} is not supported (expected 1)`);
  if (!LEARNED_ROUTER_KINDS.includes(file.kind as never)) throw invalid(path, `"kind" must be one of ${LEARNED_ROUTER_KINDS.join(', ')}`);
  if (!Array.isArray(file.candidates) || file.candidates.length < 2 || !file.candidates.every((model) => typeof model === 'string')) {
    throw invalid(path, '"candidates" must list at least two model names');
  }
  if (typeof file.premium !== 'string' || !file.candidates.includes(file.premium)) throw invalid(path, '"premium" must be one of the candidates');
  const decision = file.decision;
  const validDecision =
    (decision?.rule === 'utility' && Number.isFinite(decision.lambda)) || (decision?.rule === 'threshold' && Number.isFinite(decision.threshold));
  if (!validDecision) throw invalid(path, '"decision" must be {"rule":"utility","lambda":L} or {"rule":"threshold","threshold":T}');
  if (file.kind === 'stacked' && (file.stacker === undefined || file.logistic === undefined || file.neighbours === undefined)) {
    throw invalid(path, 'a stacked router needs "stacker", "logistic" and "neighbours"');
  }
  return file as RouterModelFile;
}

export async function loadRouterModel(path: string): Promise<RouterModelFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FrugalError('FRUGAL_DATA_MISSING', `router model ${path} is absent (train one with \`frugal route train --data FILE --out ${path}\`)`, { path });
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalid(path, `not valid JSON (${(error as Error).message})`);
  }
  return validateRouterModel(parsed, path);
}

export async function saveRouterModel(path: string, file: RouterModelFile): Promise<void> {
  await writeFile(path, `${JSON.stringify(file)}\n`);
}
