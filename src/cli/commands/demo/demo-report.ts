/** The demo's closing report, read back through the gateway's own API as a user would. */

interface UsageRow {
  key: string | null;
  requests: number;
  successes: number;
  tokens: { input: number; cacheRead: number; cacheWrite5m: number; cacheWrite1h: number; output: number; reasoning: number };
  costPicoUsd: string;
  baselineCostPicoUsd: string;
}

interface TaskDetails {
  costPicoUsd: string;
  outcome: { success: boolean } | null;
}

/** Exact pico-USD (a decimal string) → "$0.012346", rounded half up to the micro-dollar. */
export function usd(picoUsd: string | bigint): string {
  const micro = (BigInt(picoUsd) + 500_000n) / 1_000_000n;
  const whole = micro / 1_000_000n;
  return `$${whole}.${(micro % 1_000_000n).toString().padStart(6, '0')}`;
}

/** Rows as aligned columns: the first left-aligned, the others right-aligned (figures). */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

function spendTable(title: string, rows: UsageRow[]): string[] {
  const sorted = [...rows].sort((left, right) => Number(BigInt(right.costPicoUsd) - BigInt(left.costPicoUsd)));
  return [
    title,
    ...table([
      ['', 'requests', 'input', 'cache read', 'cache write', 'output', 'spend', 'baseline'],
      ...sorted.map((row) => [
        row.key ?? '(none)',
        String(row.requests),
        String(row.tokens.input),
        String(row.tokens.cacheRead),
        String(row.tokens.cacheWrite5m + row.tokens.cacheWrite1h),
        String(row.tokens.output + row.tokens.reasoning),
        usd(row.costPicoUsd),
        usd(row.baselineCostPicoUsd),
      ]),
    ]),
  ];
}

/** Spend of a group of tasks divided by the ones that succeeded: failures are paid for too. */
async function costPerTask(gatewayUrl: string, label: string, taskIds: string[]): Promise<string> {
  let spend = 0n;
  let successes = 0;
  for (const id of taskIds) {
    const task = await getJson<TaskDetails>(`${gatewayUrl}/v1/frugal/tasks/${encodeURIComponent(id)}`);
    spend += BigInt(task.costPicoUsd);
    if (task.outcome?.success === true) successes += 1;
  }
  const perSuccess = successes === 0 ? 'no successful task' : `${usd((spend + BigInt(successes >> 1)) / BigInt(successes))} per successful task`;
  return `  ${label}: ${taskIds.length} tasks, ${successes} succeeded, ${usd(spend)} spent → ${perSuccess}`;
}

export interface DemoTasks {
  tickets: string[];
  agentRuns: string[];
}

export async function demoReport(gatewayUrl: string, tasks: DemoTasks): Promise<string[]> {
  const byFeature = await getJson<{ rows: UsageRow[] }>(`${gatewayUrl}/v1/frugal/usage?groupBy=feature`);
  const byModel = await getJson<{ rows: UsageRow[] }>(`${gatewayUrl}/v1/frugal/usage?groupBy=model`);
  let prompt = 0;
  let cached = 0;
  for (const row of byModel.rows) {
    prompt += row.tokens.input + row.tokens.cacheRead + row.tokens.cacheWrite5m + row.tokens.cacheWrite1h;
    cached += row.tokens.cacheRead;
  }
  const share = prompt === 0 ? '0' : ((cached * 100) / prompt).toFixed(1);
  const next = [
    [`curl '${gatewayUrl}/v1/frugal/usage?groupBy=customer'`, 'spend per customer (also user, route, provider, day)'],
    [`curl ${gatewayUrl}/v1/frugal/tasks/${tasks.agentRuns[0] ?? 'TASK'}`, 'one task: its requests, attempts and cost lines'],
    [`curl ${gatewayUrl}/metrics`, 'Prometheus: requests, tokens per bucket, cost, latency'],
    ['frugal serve --emulate', 'the same gateway, offline, for your own app (docs/gateway.md)'],
  ];
  const width = Math.max(...next.map(([command]) => command!.length));
  return [
    '',
    ...spendTable("Spend by feature (baseline: the same calls on each route's baseline model, nothing cached)", byFeature.rows),
    '',
    ...spendTable('Spend by model', byModel.rows),
    '',
    `Cached share of input: ${share}% (${cached} of ${prompt} prompt tokens were cache reads)`,
    '',
    'Cost per task',
    await costPerTask(gatewayUrl, 'support tickets', tasks.tickets),
    await costPerTask(gatewayUrl, 'agent runs', tasks.agentRuns),
    '',
    'Where to look next',
    ...next.map(([command, what]) => `  ${command!.padEnd(width)}  ${what}`),
  ];
}
