import { percentile } from '../load/percentile.ts';
import type { LatencySamples } from './measure-latency.ts';
import type { MemoryResult } from './measure-memory.ts';
import type { ThroughputResult } from './measure-throughput.ts';
import type { Scenario } from './scenarios.ts';
import type { PathName } from './targets.ts';

export interface ScenarioFigures {
  scenario: Scenario;
  latency: Map<PathName, LatencySamples>;
  throughput: Map<PathName, ThroughputResult>;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const MEGABYTE = 1024 * 1024;

function milliseconds(value: number): string {
  if (Number.isNaN(value)) return '–';
  const magnitude = Math.abs(value);
  const text = magnitude < 1 ? magnitude.toFixed(3) : magnitude < 10 ? magnitude.toFixed(2) : magnitude.toFixed(1);
  return value < 0 ? `−${text}` : text;
}

function perSecond(result: ThroughputResult | undefined): string {
  if (result === undefined) return '–';
  const text = Math.round(result.completed / result.seconds).toLocaleString('en-US');
  return result.failures === 0 ? text : `${text} (${result.failures} failed)`;
}

function rate(result: ThroughputResult | undefined): number {
  return result === undefined ? Number.NaN : result.completed / result.seconds;
}

/** Microseconds of the server process's CPU per answered request. */
function cpuPerRequest(result: ThroughputResult | undefined): number {
  return result === undefined || result.completed === 0 ? Number.NaN : (result.cpuSeconds * 1e6) / result.completed;
}

function microseconds(value: number): string {
  return Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en-US');
}

function times(value: number): string {
  return Number.isNaN(value) ? '–' : `${value.toFixed(2)}×`;
}

function megabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(0)} MB`;
}

/** p50 and p99 of a path, and what it adds over the direct path. */
function latencyFigures(figures: ScenarioFigures, path: PathName, kind: 'total' | 'firstToken') {
  const own = figures.latency.get(path)?.[kind];
  const direct = figures.latency.get('direct')![kind];
  if (own === undefined) return undefined;
  const p50 = percentile(own, 50);
  const p99 = percentile(own, 99);
  return { p50, p99, addedP50: p50 - percentile(direct, 50), addedP99: p99 - percentile(direct, 99), samples: own.length };
}

function pair(left: number, right: number): string {
  return `${milliseconds(left)} / ${milliseconds(right)}`;
}

export function latencyTable(all: readonly ScenarioFigures[]): string {
  const lines = [
    '| scenario | samples per path | direct p50 / p99 | Frugal p50 / p99 | Frugal added p50 / p99 | Portkey p50 / p99 | Portkey added p50 / p99 |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const figures of all) {
    const direct = latencyFigures(figures, 'direct', 'total')!;
    const frugal = latencyFigures(figures, 'frugal', 'total')!;
    const portkey = latencyFigures(figures, 'portkey', 'total');
    lines.push(
      `| ${figures.scenario.name} | ${direct.samples} | ${pair(direct.p50, direct.p99)} | ${pair(frugal.p50, frugal.p99)} | **${pair(frugal.addedP50, frugal.addedP99)}** | ` +
        `${portkey === undefined ? '–' : pair(portkey.p50, portkey.p99)} | ${portkey === undefined ? '–' : pair(portkey.addedP50, portkey.addedP99)} |`,
    );
  }
  return lines.join('\n');
}

export function firstTokenTable(all: readonly ScenarioFigures[]): string {
  const lines = ['| scenario | direct p50 / p99 | Frugal added p50 / p99 | Portkey added p50 / p99 |', '|---|---:|---:|---:|'];
  for (const figures of all) {
    if (!figures.scenario.stream) continue;
    const direct = latencyFigures(figures, 'direct', 'firstToken')!;
    const frugal = latencyFigures(figures, 'frugal', 'firstToken')!;
    const portkey = latencyFigures(figures, 'portkey', 'firstToken');
    lines.push(
      `| ${figures.scenario.name} | ${pair(direct.p50, direct.p99)} | **${pair(frugal.addedP50, frugal.addedP99)}** | ${portkey === undefined ? '–' : pair(portkey.addedP50, portkey.addedP99)} |`,
    );
  }
  return lines.join('\n');
}

export function throughputTable(all: readonly ScenarioFigures[]): string {
  const lines = [
    '| scenario | direct (ceiling) | Frugal | Portkey | Frugal ÷ Portkey | server CPU µs per request: emulator / Frugal / Portkey | Frugal ÷ Portkey by CPU |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const figures of all) {
    const direct = figures.throughput.get('direct');
    const frugal = figures.throughput.get('frugal');
    const portkey = figures.throughput.get('portkey');
    const cpu = [cpuPerRequest(direct), cpuPerRequest(frugal), cpuPerRequest(portkey)];
    lines.push(
      `| ${figures.scenario.name} | ${perSecond(direct)} | ${perSecond(frugal)} | ${perSecond(portkey)} | **${times(rate(frugal) / rate(portkey))}** | ` +
        `${cpu.map(microseconds).join(' / ')} | ${times(cpu[2]! / cpu[1]!)} |`,
    );
  }
  return lines.join('\n');
}

export function memoryTable(memory: ReadonlyMap<string, MemoryResult>): string {
  const lines = ['| gateway process | streams sent | open at once (peak) | valid answers | RSS idle | RSS peak | stream length |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const [name, result] of memory) {
    lines.push(
      `| ${name} | ${result.streams.toLocaleString('en-US')} | ${result.peakOpen.toLocaleString('en-US')} | ${result.valid.toLocaleString('en-US')} | ` +
        `${megabytes(result.idleResidentBytes)} | **${megabytes(result.peakResidentBytes)}** | ${result.seconds.toFixed(1)} s for all |`,
    );
  }
  return lines.join('\n');
}

function worst<T>(items: readonly T[], value: (item: T) => number, pick: 'highest' | 'lowest'): { item: T; value: number } {
  const first = items[0] as T;
  let best = { item: first, value: value(first) };
  for (const item of items.slice(1)) {
    const candidate = value(item);
    if (pick === 'highest' ? candidate > best.value : candidate < best.value) best = { item, value: candidate };
  }
  return best;
}

/** The targets, each judged on its worst scenario. */
export function targetChecks(all: readonly ScenarioFigures[], frugalMemory: MemoryResult): TargetCheck[] {
  const addedP50 = worst(all, (figures) => latencyFigures(figures, 'frugal', 'total')!.addedP50, 'highest');
  const addedP99 = worst(all, (figures) => latencyFigures(figures, 'frugal', 'total')!.addedP99, 'highest');
  const withPortkey = all.filter((figures) => figures.throughput.has('portkey'));
  const ratio = worst(withPortkey, (figures) => rate(figures.throughput.get('frugal')) / rate(figures.throughput.get('portkey')), 'lowest');
  const cpuRatio = worst(withPortkey, (figures) => cpuPerRequest(figures.throughput.get('portkey')) / cpuPerRequest(figures.throughput.get('frugal')), 'lowest');
  const streams = all.filter((figures) => figures.scenario.stream);
  const firstToken = worst(streams, (figures) => latencyFigures(figures, 'frugal', 'firstToken')!.addedP50, 'highest');
  const allOpen = frugalMemory.peakOpen >= frugalMemory.streams;
  return [
    { target: 'added latency p50 < 0.5 ms at concurrency 1, ledger on', measured: `${milliseconds(addedP50.value)} ms at worst (${addedP50.item.scenario.name})`, met: addedP50.value < 0.5 },
    { target: 'added latency p99 < 3 ms at concurrency 1, ledger on', measured: `${milliseconds(addedP99.value)} ms at worst (${addedP99.item.scenario.name})`, met: addedP99.value < 3 },
    {
      target: "throughput at concurrency 32 ≥ 3× Portkey's",
      measured: `${ratio.value.toFixed(2)}× at worst (${ratio.item.scenario.name}); by gateway CPU per request ${times(cpuRatio.value)} at worst (${cpuRatio.item.scenario.name})`,
      met: ratio.value >= 3,
    },
    { target: 'time to first token added < 1 ms (p50)', measured: `${milliseconds(firstToken.value)} ms at worst (${firstToken.item.scenario.name})`, met: firstToken.value < 1 },
    {
      target: `resident memory < 200 MB with ${frugalMemory.streams.toLocaleString('en-US')} concurrent streams`,
      measured: `${megabytes(frugalMemory.peakResidentBytes)} peak with ${frugalMemory.peakOpen.toLocaleString('en-US')} open at once${allOpen ? '' : ' (not all were open at once)'}`,
      met: allOpen && frugalMemory.peakResidentBytes < 200 * MEGABYTE,
    },
  ];
}

export function targetTable(checks: readonly TargetCheck[]): string {
  return ['| target | measured | verdict |', '|---|---|---|', ...checks.map((check) => `| ${check.target} | ${check.measured} | ${check.met ? 'met' : '**not met**'} |`)].join('\n');
}

/** The busiest the load client was during any path's throughput slices, as a share of one core. */
export function clientLoadNote(all: readonly ScenarioFigures[]): string {
  let busiest = { share: 0, scenario: '', path: '' };
  for (const figures of all) {
    for (const [path, result] of figures.throughput) {
      const share = result.clientCpuSeconds / result.seconds;
      if (share > busiest.share) busiest = { share, scenario: figures.scenario.name, path };
    }
  }
  return (
    `- Load client: at most ${(busiest.share * 100).toFixed(0)}% of one core during a throughput measurement ` +
    `(${busiest.path}, ${busiest.scenario})` +
    (busiest.share < 0.8 ? ': it had spare capacity throughout.' : ': near a full core, so that rate may be the client\'s limit rather than the server\'s.')
  );
}
