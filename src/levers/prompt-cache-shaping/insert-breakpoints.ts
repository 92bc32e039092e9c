import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { cacheSlots, clientBreakpointCount, type CacheSlot } from './cache-slots.ts';
import { chooseTtl, type PromptCachePrices } from './choose-ttl.ts';
import { boundaryTokens, prefixAt, prefixHash, type Boundary } from './prefix-measure.ts';
import type { ReuseTracker } from './reuse-tracker.ts';

/** Anthropic accepts at most four `cache_control` breakpoints per request. */
export const MAXIMUM_BREAKPOINTS = 4;

/** Boundaries are filled in this order while slots remain: the system end covers tools too; then the conversation; then tools alone. */
const PRIORITY: readonly Boundary[] = ['system', 'messages', 'tools'];

export interface BreakpointContext {
  /** Route (or requested model) the request came through: reuse is tracked per route. */
  route: string;
  /** The model's minimum cacheable prompt (catalog `promptCacheMinTokens`); undefined: unknown, nothing is inserted. */
  minimumCacheableTokens: number | undefined;
  prices: PromptCachePrices;
  tracker: ReuseTracker;
}

export interface InsertedBreakpoint {
  boundary: Boundary;
  location: string;
  ttl: '5m' | '1h';
  prefixTokens: number;
}

export type SkipReason = 'minimum-unknown' | 'below-minimum' | 'client-breakpoint' | 'not-worth-writing' | 'no-breakpoint-left';

export interface SkippedBoundary {
  boundary: Boundary;
  reason: SkipReason;
}

export interface BreakpointResult {
  /** The request with the inserted breakpoints (a copy; the input is never changed). */
  request: CanonicalRequest;
  inserted: InsertedBreakpoint[];
  skipped: SkippedBoundary[];
  /** Breakpoints the client set itself, all kept. */
  clientBreakpoints: number;
}

interface Candidate {
  boundary: Boundary;
  slot: CacheSlot;
  tokens: number;
  ttl: '5m' | '1h' | null;
}

/**
 * Sets Anthropic `cache_control` breakpoints at the end of tools, the end of system and the
 * last stable message boundary (the end of the last message before the newest one), each
 * only when its prefix reaches the model's minimum cacheable size and its TTL pays off;
 * the client's own breakpoints are kept and count against the four allowed.
 */
export function insertBreakpoints(request: CanonicalRequest, context: BreakpointContext): BreakpointResult {
  const copy = structuredClone(request);
  const slots = cacheSlots(copy);
  const clientBreakpoints = clientBreakpointCount(copy, slots);
  const ends = boundarySlots(copy, slots);
  const result: BreakpointResult = { request: copy, inserted: [], skipped: [], clientBreakpoints };
  if (ends.size === 0) return result;
  const minimum = context.minimumCacheableTokens;
  if (minimum === undefined) {
    for (const boundary of ends.keys()) result.skipped.push({ boundary, reason: 'minimum-unknown' });
    return result;
  }
  const lastMessage = ends.get('messages')?.message ?? -1;
  const tokens = boundaryTokens(copy, lastMessage);
  const candidates: Candidate[] = [];
  for (const [boundary, slot] of ends) {
    const interval = context.tracker.observe(context.route, prefixHash(prefixAt(copy, boundary, lastMessage)));
    candidates.push({ boundary, slot, tokens: tokens[boundary] ?? 0, ttl: chooseTtl(interval, context.prices).ttl });
  }
  let left = MAXIMUM_BREAKPOINTS - clientBreakpoints;
  const chosen = new Map<CacheSlot, Candidate & { ttl: '5m' | '1h' }>();
  for (const boundary of PRIORITY) {
    const candidate = candidates.find((item) => item.boundary === boundary);
    if (candidate === undefined) continue;
    const reason = skipReason(candidate, minimum, left);
    if (reason !== undefined) result.skipped.push({ boundary, reason });
    else {
      chosen.set(candidate.slot, { ...candidate, ttl: candidate.ttl! });
      left -= 1;
    }
  }
  // Anthropic requires 1-hour entries before 5-minute ones: after any 5m breakpoint, ours are 5m too.
  let seenFiveMinutes = false;
  for (const slot of slots) {
    const candidate = chosen.get(slot);
    if (candidate !== undefined) {
      const ttl = seenFiveMinutes ? '5m' : candidate.ttl;
      slot.holder.cache = { ttl };
      result.inserted.push({ boundary: candidate.boundary, location: slot.location, ttl, prefixTokens: candidate.tokens });
    }
    if (slot.holder.cache?.ttl === '5m') seenFiveMinutes = true;
  }
  return result;
}

function skipReason(candidate: Candidate, minimum: number, left: number): SkipReason | undefined {
  if (candidate.slot.holder.cache !== undefined) return 'client-breakpoint';
  if (candidate.tokens < minimum) return 'below-minimum';
  if (candidate.ttl === null) return 'not-worth-writing';
  if (left <= 0) return 'no-breakpoint-left';
  return undefined;
}

/** The last slot of tools, of system, and of the messages before the newest one, in prefix order. */
function boundarySlots(request: CanonicalRequest, slots: readonly CacheSlot[]): Map<Boundary, CacheSlot> {
  const ends = new Map<Boundary, CacheSlot>();
  const stableMessages = request.messages.length - 1;
  // A trailing built-in tool cannot carry a breakpoint; marking an earlier one would misstate the prefix counted.
  const lastTool = `tools[${(request.tools?.length ?? 0) - 1}]`;
  for (const slot of slots) {
    if (slot.nested) continue;
    if (slot.section === 'tools') {
      if (slot.location === lastTool) ends.set('tools', slot);
    } else if (slot.section === 'system') ends.set('system', slot);
    else if (slot.message! < stableMessages) ends.set('messages', slot);
  }
  return ends;
}
