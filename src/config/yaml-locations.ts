import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

/**
 * Finds the line and column of a value (or of a key, for "unexpected property" errors)
 * in a parsed YAML document, so configuration errors can point at the exact line.
 */
export function locate(
  document: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  key?: string,
): { line: number; column: number } | undefined {
  let node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    node = pair?.key;
  }
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  const position = lineCounter.linePos(range[0]);
  return { line: position.line, column: position.col };
}
