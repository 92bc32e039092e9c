/** Where the generated catalog is committed (src/catalog/data/catalog.json). */
export const SHIPPED_CATALOG_URL = new URL('./data/catalog.json', import.meta.url);
