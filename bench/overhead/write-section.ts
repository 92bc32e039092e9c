import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the `## <heading>` section of a Markdown file (up to the next `## ` heading) with
 * `body`, or appends the section when the file has none; other sections are left as they are.
 */
export function writeSection(file: string, heading: string, body: string): void {
  const text = readFileSync(file, 'utf8');
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === `## ${heading}`);
  if (start === -1) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  let end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  if (end === -1) end = lines.length;
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = lines.slice(end).join('\n').trim();
  writeFileSync(file, `${before}\n\n${section}${after === '' ? '' : `\n${after}\n`}`);
}
