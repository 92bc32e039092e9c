import { ERROR_CODES } from './codes.ts';

/** Renders docs/errors.md from the code list, so the documentation cannot drift from the code. */
export function renderErrorDocs(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { status, summary }]) => `| \`${code}\` | ${status} | ${summary} |`);
  return [
    '# Error codes',
    '',
    'Every error Frugal raises on purpose carries one of these stable codes (`FrugalError.code`). Codes are',
    'never renamed or reused. On the command line an error prints `frugal <command>: <message>` and exits 2.',
    'Through the gateway, errors are answered in the client\'s own protocol shape (OpenAI, Anthropic or',
    'Gemini error body) with the status below unless the upstream\'s own status is passed through.',
    '',
    'Generated from `src/errors/codes.ts` by `node scripts/render-error-docs.ts`; a test fails when it is stale.',
    '',
    '| code | HTTP status | meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
