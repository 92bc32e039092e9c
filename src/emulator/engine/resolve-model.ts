import type { CatalogEntry, ModelKind } from '../../catalog/types.ts';
import type { EmulatorState } from './emulator-state.ts';

/**
 * The catalog entry this provider serves under `model`, or undefined: a model of another
 * provider (a Claude model on the OpenAI path) or of another kind (an embedding model asked to
 * chat) is not found, exactly as the real provider would say.
 */
export function resolveModel(state: EmulatorState, provider: string, model: string, kinds: readonly ModelKind[]): CatalogEntry | undefined {
  const entry = state.catalog.find(model, { provider });
  if (entry === undefined || entry.provider !== provider || !kinds.includes(entry.kind)) return undefined;
  return entry;
}
