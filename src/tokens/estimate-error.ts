import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FrugalError } from '../errors/frugal-error.ts';
import { isObject } from './body-fields.ts';
import { estimateAnthropicRequest, estimateGeminiRequest } from './count-request.ts';

/** Recorded real provider traffic (request bodies with the usage the provider reported). */
export const FIXTURES_URL = new URL('../../../shared/data/fixtures/', import.meta.url);

export interface EstimateSample {
  /** Recording and interaction it comes from. */
  source: string;
  model: string;
  /** Prompt tokens the provider reported (what it billed). */
  reported: number;
  estimated: number;
  /** (estimated − reported) / reported. */
  relativeError: number;
}

export interface EstimateError {
  provider: 'anthropic' | 'gemini';
  samples: EstimateSample[];
  /** Mean of |relative error|. */
  meanAbsoluteRelativeError: number;
  /** Largest |relative error|. */
  worstAbsoluteRelativeError: number;
}

function readJson(relativePath: string): unknown {
  const url = new URL(relativePath, FIXTURES_URL);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch {
    throw new FrugalError('FRUGAL_DATA_MISSING', `recorded fixture ${fileURLToPath(url)} is missing (expected in shared/data/fixtures)`, {
      path: fileURLToPath(url),
    });
  }
  return JSON.parse(text);
}

function sample(source: string, model: string, reported: number, estimated: number): EstimateSample {
  return { source, model, reported, estimated, relativeError: (estimated - reported) / reported };
}

function summarize(provider: EstimateError['provider'], samples: EstimateSample[]): EstimateError {
  const absolute = samples.map((entry) => Math.abs(entry.relativeError));
  return {
    provider,
    samples,
    meanAbsoluteRelativeError: absolute.reduce((sum, value) => sum + value, 0) / absolute.length,
    worstAbsoluteRelativeError: Math.max(...absolute),
  };
}

/** Claude: every recorded Messages request whose response reports usage (the ToolRunner recording). */
export function anthropicEstimateError(): EstimateError {
  const path = 'anthropic/tests_lib_tools_nockFixtures_ToolRunner.json';
  const recordings = readJson(path) as unknown[];
  const samples: EstimateSample[] = [];
  recordings.forEach((recording, index) => {
    if (!isObject(recording) || !isObject(recording.body) || !isObject(recording.response) || !isObject(recording.response.usage)) return;
    const usage = recording.response.usage;
    const reported = Number(usage.input_tokens ?? 0) + Number(usage.cache_read_input_tokens ?? 0) + Number(usage.cache_creation_input_tokens ?? 0);
    const model = String(recording.body.model);
    samples.push(sample(`${path}#${index}`, model, reported, estimateAnthropicRequest(recording.body, model).total));
  });
  return summarize('anthropic', samples);
}

/** The prompt tokens a Gemini response reports: countTokens' total, or the last usageMetadata of a (streamed) answer. */
function reportedPromptTokens(segments: unknown[]): number | undefined {
  let reported: number | undefined;
  for (const segment of segments) {
    if (!isObject(segment)) continue;
    if (typeof segment.totalTokens === 'number') reported = segment.totalTokens;
    if (isObject(segment.usageMetadata) && typeof segment.usageMetadata.promptTokenCount === 'number') {
      reported = segment.usageMetadata.promptTokenCount;
    }
  }
  return reported;
}

/** Gemini: every successful recorded generateContent / streamGenerateContent / countTokens interaction. */
export function geminiEstimateError(): EstimateError {
  const directory = new URL('gemini/', FIXTURES_URL);
  let files: string[];
  try {
    files = readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  } catch {
    throw new FrugalError('FRUGAL_DATA_MISSING', `recorded fixtures ${fileURLToPath(directory)} are missing`, { path: fileURLToPath(directory) });
  }
  const samples: EstimateSample[] = [];
  for (const file of files) {
    const recording = readJson(`gemini/${file}`);
    const interactions = isObject(recording) && Array.isArray(recording.interactions) ? recording.interactions : [];
    interactions.forEach((interaction, index) => {
      if (!isObject(interaction) || !isObject(interaction.request) || !isObject(interaction.response)) return;
      if (interaction.response.statusCode !== 200) return;
      const body = (interaction.request.bodySegments as unknown[] | undefined)?.[0];
      const reported = reportedPromptTokens((interaction.response.bodySegments as unknown[] | undefined) ?? []);
      const model = /\/models\/([^:]+):/.exec(String(interaction.request.url))?.[1];
      if (body === undefined || reported === undefined || model === undefined) return;
      samples.push(sample(`gemini/${file}#${index}`, model, reported, estimateGeminiRequest(body, model).total));
    });
  }
  return summarize('gemini', samples);
}
