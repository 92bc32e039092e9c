import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { BoundedMap } from '../bounded-map/bounded-map.ts';
import { stableJson } from '../canonical-json/stable-json.ts';

export const LINT_CODES = ['volatile-timestamp', 'volatile-date', 'volatile-uuid', 'volatile-hex-id', 'volatile-user-name', 'unstable-tool-order', 'variable-before-static'] as const;
export type LintCode = (typeof LINT_CODES)[number];

/** One finding about the stable prefix (tools and system), stored with the request and counted per route. */
export interface PrefixWarning {
  code: LintCode;
  /** The block it was found in: "system[0]", "tools[2]", or "tools" for the tool order. */
  location: string;
  message: string;
  /** The offending text, at most 80 characters. */
  excerpt?: string;
}

export interface LintSubject {
  route: string;
  request: CanonicalRequest;
  /** Per-user identifiers known for the request (attribution user, customer): they must not sit in the shared prefix. */
  userNames: readonly string[];
}

const VOLATILE: ReadonlyArray<{ code: LintCode; pattern: RegExp; what: string }> = [
  { code: 'volatile-timestamp', pattern: /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/, what: 'a timestamp' },
  {
    code: 'volatile-date',
    pattern: /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2},? \d{4}\b/,
    what: 'a date',
  },
  { code: 'volatile-uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i, what: 'a UUID' },
  { code: 'volatile-hex-id', pattern: /\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{20,}\b/i, what: 'a long hexadecimal id' },
];

/** The shortest user name looked for: shorter ones match ordinary words. */
const MINIMUM_NAME_LENGTH = 3;
/** Unchanged text after a changed block, in characters, from which the order is worth a warning. */
const MINIMUM_STATIC_AFTER = 256;

interface Block {
  location: string;
  text: string;
}

interface RouteMemory {
  /** Sorted tool names → the order last seen. */
  toolOrders: Map<string, string>;
  previous: Block[] | undefined;
}

export interface PrefixLinterOptions {
  /** Routes remembered for the cross-request checks; the least recently seen is forgotten. Default 1,000. */
  routeCapacity?: number;
}

/**
 * Finds what keeps a prompt prefix from being cached: volatile content in tools and system,
 * tools sent in a different order than before on the same route, and content that changes
 * between requests placed before content that does not.
 */
export class PrefixLinter {
  readonly #routes: BoundedMap<string, RouteMemory>;

  constructor(options: PrefixLinterOptions = {}) {
    this.#routes = new BoundedMap(options.routeCapacity ?? 1_000);
  }

  lint(subject: LintSubject): PrefixWarning[] {
    const blocks = stableBlocks(subject.request);
    const warnings = blocks.flatMap((block) => volatileWarnings(block, subject.userNames));
    let memory = this.#routes.get(subject.route);
    if (memory === undefined) {
      memory = { toolOrders: new Map(), previous: undefined };
      this.#routes.set(subject.route, memory);
    }
    const order = toolOrderWarning(subject.request, memory);
    if (order !== undefined) warnings.push(order);
    // Reordered tools also change the text before unchanged content; one finding is enough.
    else if (memory.previous !== undefined) {
      const misplaced = variableBeforeStatic(memory.previous, blocks);
      if (misplaced !== undefined) warnings.push(misplaced);
    }
    memory.previous = blocks;
    return warnings;
  }
}

function stableBlocks(request: CanonicalRequest): Block[] {
  const blocks: Block[] = [];
  request.tools?.forEach((tool, index) => {
    blocks.push({ location: `tools[${index}]`, text: stableJson(tool.type === 'function' ? { ...tool, cache: undefined } : tool) });
  });
  request.system?.forEach((part, index) => blocks.push({ location: `system[${index}]`, text: part.text }));
  return blocks;
}

function excerpt(text: string, at: number, length: number): string {
  return text.slice(at, at + Math.min(length, 80));
}

function volatileWarnings(block: Block, userNames: readonly string[]): PrefixWarning[] {
  const warnings: PrefixWarning[] = [];
  let timestampFound = false;
  for (const { code, pattern, what } of VOLATILE) {
    const match = pattern.exec(block.text);
    if (match === null) continue;
    // A timestamp's date is the same finding; report it once.
    if (code === 'volatile-timestamp') timestampFound = true;
    else if (code === 'volatile-date' && timestampFound) continue;
    warnings.push({
      code,
      location: block.location,
      message: `${block.location} contains ${what} ("${match[0]}"): a value that changes between requests breaks the prompt cache at this point; move it after the stable prefix.`,
      excerpt: excerpt(block.text, match.index, match[0].length),
    });
  }
  for (const name of userNames) {
    if (name.length < MINIMUM_NAME_LENGTH) continue;
    const at = block.text.indexOf(name);
    if (at === -1) continue;
    warnings.push({
      code: 'volatile-user-name',
      location: block.location,
      message: `${block.location} contains the per-user value "${name}": every user then gets a prefix of their own; move it after the stable prefix.`,
      excerpt: excerpt(block.text, at, name.length),
    });
  }
  return warnings;
}

function toolOrderWarning(request: CanonicalRequest, memory: RouteMemory): PrefixWarning | undefined {
  const names = (request.tools ?? []).map((tool) => (tool.type === 'function' ? tool.name : stableJson(tool.value)));
  if (names.length < 2) return undefined;
  const set = stableJson([...names].sort());
  const order = stableJson(names);
  const before = memory.toolOrders.get(set);
  memory.toolOrders.set(set, order);
  if (before === undefined || before === order) return undefined;
  return {
    code: 'unstable-tool-order',
    location: 'tools',
    message: `tools arrive in a different order than on the previous request of this route (same ${names.length} tools): the prompt cache misses from the first tool on; send tools in a fixed order.`,
  };
}

function commonPrefixLength(left: string, right: string): number {
  const limit = Math.min(left.length, right.length);
  let index = 0;
  while (index < limit && left.charCodeAt(index) === right.charCodeAt(index)) index++;
  return index;
}

function commonSuffixLength(left: string, right: string, skip: number): number {
  const limit = Math.min(left.length, right.length) - skip;
  let length = 0;
  while (length < limit && left.charCodeAt(left.length - 1 - length) === right.charCodeAt(right.length - 1 - length)) length++;
  return length;
}

/** The first block that changed since the previous request, when a long unchanged stretch follows it. */
function variableBeforeStatic(previous: readonly Block[], current: readonly Block[]): PrefixWarning | undefined {
  const changed = current.findIndex((block, index) => previous[index]?.location !== block.location || previous[index]?.text !== block.text);
  if (changed === -1) return undefined;
  const block = current[changed]!;
  const before = previous[changed];
  let unchangedAfter = 0;
  if (before !== undefined && before.location === block.location) unchangedAfter += commonSuffixLength(before.text, block.text, commonPrefixLength(before.text, block.text));
  for (let index = changed + 1; index < current.length; index++) {
    const then = previous[index];
    if (then !== undefined && then.location === current[index]!.location && then.text === current[index]!.text) unchangedAfter += then.text.length;
  }
  if (unchangedAfter < MINIMUM_STATIC_AFTER) return undefined;
  return {
    code: 'variable-before-static',
    location: block.location,
    message: `${block.location} changed since the previous request of this route but ${unchangedAfter} characters after it did not: the cache can only reuse what precedes the first change; put variable content after static content.`,
  };
}
