import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FrugalError } from '../../errors/frugal-error.ts';

const FIXTURES = new URL('../../../../shared/data/fixtures/', import.meta.url);

/** A recorded-traffic file from ../shared/data/fixtures, or FRUGAL_DATA_MISSING naming its path. */
export function readFixture(relativePath: string): string {
  const url = new URL(relativePath, FIXTURES);
  try {
    return readFileSync(url, 'utf8');
  } catch {
    throw new FrugalError('FRUGAL_DATA_MISSING', `fixture ${fileURLToPath(url)} is missing; it comes from shared/data/fixtures (see its README)`, {
      path: fileURLToPath(url),
    });
  }
}

const SNAPSHOT_ENTRY = /^exports\[`(.+?)`\] = `\n"([\s\S]*?)"\n`;$/gm;
const SNAPSHOT_ESCAPE = /\\([`\\$])/g;

/** Jest snapshot entries by name: the printed string, with the template-literal escapes undone. */
export function snapshotEntries(relativePath: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const match of readFixture(relativePath).matchAll(SNAPSHOT_ENTRY)) {
    entries.set(match[1] as string, (match[2] as string).replace(SNAPSHOT_ESCAPE, '$1'));
  }
  return entries;
}

/** One recorded REST interaction of the @google/genai test suite. */
export interface GeminiRecording {
  url: string;
  requestBody: unknown;
  status: number;
  /** The response body, or for streams each SSE chunk's JSON. */
  responseSegments: unknown[];
}

export function geminiRecording(file: string): GeminiRecording {
  const recording = JSON.parse(readFixture(`gemini/${file}`)) as {
    interactions: Array<{ request: { url: string; bodySegments: unknown[] }; response: { statusCode: number; bodySegments: unknown[] } }>;
  };
  const interaction = recording.interactions[0];
  if (interaction === undefined) throw new FrugalError('FRUGAL_DATA_MISSING', `fixture gemini/${file} has no interaction`);
  return {
    url: interaction.request.url,
    requestBody: interaction.request.bodySegments[0],
    status: interaction.response.statusCode,
    responseSegments: interaction.response.bodySegments,
  };
}

/** The recorded multi-turn tool exchanges of the Anthropic SDK's ToolRunner tests. */
export function anthropicToolRunnerRecordings(): Array<{ body: Record<string, unknown>; response: Record<string, unknown> }> {
  return JSON.parse(readFixture('anthropic/tests_lib_tools_nockFixtures_ToolRunner.json')) as Array<{
    body: Record<string, unknown>;
    response: Record<string, unknown>;
  }>;
}

/** Gemini SSE as the API writes it (`data: <json>` and CRLF CRLF) from recorded chunks. */
export function geminiSse(segments: unknown[]): string {
  return segments.map((segment) => `data: ${JSON.stringify(segment)}\r\n\r\n`).join('');
}
