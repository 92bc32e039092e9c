/**
 * Regenerates src/catalog/data/catalog.json from a LiteLLM price snapshot.
 * usage: node scripts/build-catalog.ts [--from FILE] [--out FILE] [--previous FILE] [--date YYYY-MM-DD]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FrugalError } from '../src/errors/frugal-error.ts';
import { parseOptions } from '../src/cli/parse-options.ts';
import { buildCatalog, serializeCatalog } from '../src/catalog/import/build.ts';
import { DEFAULT_SNAPSHOT_PATH, readSnapshot } from '../src/catalog/import/read-snapshot.ts';
import { SHIPPED_CATALOG_URL } from '../src/catalog/shipped-path.ts';
import type { CatalogFile } from '../src/catalog/types.ts';

const USAGE = 'node scripts/build-catalog.ts [--from FILE] [--out FILE] [--previous FILE] [--date YYYY-MM-DD]';

async function run(): Promise<void> {
  const { values } = parseOptions(
    process.argv.slice(2),
    { from: { type: 'string' }, out: { type: 'string' }, previous: { type: 'string' }, date: { type: 'string' } },
    USAGE,
  );
  const out = values.out ?? fileURLToPath(SHIPPED_CATALOG_URL);
  const previousPath = values.previous ?? out;
  const previous = existsSync(previousPath) ? (JSON.parse(readFileSync(previousPath, 'utf8')) as CatalogFile) : undefined;
  const snapshot = await readSnapshot(values.from ?? DEFAULT_SNAPSHOT_PATH, values.date);
  const file = buildCatalog(snapshot, { previous });
  writeFileSync(out, serializeCatalog(file));
  process.stdout.write(`wrote ${file.entries.length} entries (${file.version}) to ${out}\n`);
}

try {
  await run();
} catch (error) {
  if (!FrugalError.isInstance(error)) throw error;
  process.stderr.write(`build-catalog: ${error.message}\n`);
  process.exitCode = 2;
}
