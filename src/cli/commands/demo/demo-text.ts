/**
 * Deterministic filler for the demo's prompts: a knowledge base, retrieved passages, tool
 * output. Sized in words (about 1.3 tokens each), so the stable prefixes clear the
 * providers' minimum cacheable lengths.
 */
const WORDS = (
  'order refund shipping delivery warehouse invoice account password subscription plan upgrade downgrade ' +
  'carrier tracking parcel return label exchange warranty repair replacement credit balance payment card ' +
  'billing address region customs duty tax receipt discount coupon loyalty points tier support agent ' +
  'escalation policy exception approval manager review window days business hours weekend holiday notice'
).split(' ');

/** `count` words drawn from a fixed vocabulary, the same for the same seed. */
export function words(count: number, seed: number): string {
  let state = (seed * 2_654_435_761) >>> 0 || 1;
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out.push(WORDS[state % WORDS.length]!);
    if (index % 12 === 11) out.push('.');
  }
  return out.join(' ');
}

export const SUPPORT_SYSTEM_PROMPT = [
  'You are the support assistant of Acme Outfitters. Answer in at most three sentences, cite the policy section you used,',
  'and never promise a refund the policy does not allow. Policy handbook follows.',
  ...Array.from({ length: 12 }, (_, section) => `Section ${section + 1}: ${words(90, section + 1)}`),
].join('\n');

export const AGENT_SYSTEM_PROMPT = [
  'You are an operations agent. Work step by step: search orders, fetch documents, then update the ticket.',
  'Call exactly one tool per step until you can write the final resolution. Operating manual follows.',
  ...Array.from({ length: 20 }, (_, section) => `Manual ${section + 1}: ${words(100, 100 + section)}`),
].join('\n');
