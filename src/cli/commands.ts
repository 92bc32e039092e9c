import type { Command } from './command.ts';

/** Lazily loaded so `frugal prices` does not pay for the emulator's imports. */
export const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  prices: () => import('./commands/prices.ts'),
  cost: () => import('./commands/cost.ts'),
  estimate: () => import('./commands/estimate.ts'),
  emulate: () => import('./commands/emulate.ts'),
  serve: () => import('./commands/serve.ts'),
  demo: () => import('./commands/demo.ts'),
  route: () => import('./commands/route.ts'),
  cache: () => import('./commands/cache.ts'),
  report: () => import('./commands/report.ts'),
  advise: () => import('./commands/advise.ts'),
};
