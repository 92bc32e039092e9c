import { fileURLToPath } from 'node:url';

const ROUTING_DATA = new URL('../../../../shared/data/routing/', import.meta.url);

/** Absolute path of a file under shared/data/routing/ (read by path, never copied into the repository). */
export function routingDataPath(name: string): string {
  return fileURLToPath(new URL(name, ROUTING_DATA));
}
