import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument } from 'yaml';
import schema from './frugal.schema.json' with { type: 'json' };
import { FrugalError } from '../errors/frugal-error.ts';
import { locate } from './yaml-locations.ts';
import { applyDefaults, type RawConfig } from './apply-defaults.ts';
import type { FrugalConfig } from './types.ts';

const validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

export interface ConfigProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * Parses and validates a frugal.yaml (YAML or JSON text). Every problem is reported with
 * its line and column; the first error aborts start-up with all problems listed.
 */
export function parseConfig(text: string, sourceName = 'frugal.yaml'): FrugalConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return { path: '', message: error.message.split('\n')[0] ?? error.message, line: position.line, column: position.col };
    });
    throw configError(sourceName, problems);
  }
  const raw = (document.toJS() ?? {}) as unknown;
  if (!validateSchema(raw)) {
    const problems = (validateSchema.errors ?? []).map((error) => describe(error, document, lineCounter));
    throw configError(sourceName, problems);
  }
  const problems: ConfigProblem[] = [];
  const config = applyDefaults(raw as RawConfig, (path, message) => {
    problems.push({ path: path.join('.'), message, ...locate(document, lineCounter, path) });
  });
  if (problems.length > 0) throw configError(sourceName, problems);
  return { ...config, source: sourceName };
}

function describe(error: ErrorObject, document: ReturnType<typeof parseDocument>, lineCounter: LineCounter): ConfigProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const unexpected = error.keyword === 'additionalProperties' ? String(error.params['additionalProperty']) : undefined;
  const where = [...path, ...(unexpected === undefined ? [] : [unexpected])].join('.') || '(top level)';
  const message =
    unexpected !== undefined
      ? `unknown property "${unexpected}"`
      : error.keyword === 'enum'
        ? `must be one of ${(error.params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
        : (error.message ?? 'is invalid');
  return { path: where, message, ...locate(document, lineCounter, path, unexpected) };
}

function configError(sourceName: string, problems: ConfigProblem[]): FrugalError {
  const lines = problems.map((problem) => {
    const position = problem.line === undefined ? '' : `:${problem.line}:${problem.column}`;
    const subject = problem.path === '' ? '' : `${problem.path} `;
    return `${sourceName}${position}: ${subject}${problem.message}`;
  });
  return new FrugalError('FRUGAL_INVALID_CONFIG', `invalid configuration:\n${lines.join('\n')}`, { problems });
}
