/**
 * One server-sent event as text. `data` may span lines (each becomes a `data:` line);
 * JSON from JSON.stringify never does, so the common case is one concatenation.
 * Gemini ends its lines with CRLF, the others with LF.
 */
export function formatSseEvent(data: string, event?: string, newline = '\n'): string {
  const head = event === undefined ? '' : `event: ${event}${newline}`;
  if (data.indexOf('\n') === -1 && data.indexOf('\r') === -1) return `${head}data: ${data}${newline}${newline}`;
  let lines = '';
  for (const line of data.split(LINE_BREAK)) lines += `data: ${line}${newline}`;
  return `${head}${lines}${newline}`;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** An SSE comment line (`: text`), which clients ignore; used as a keep-alive. */
export function formatSseComment(text: string, newline = '\n'): string {
  return `: ${text}${newline}${newline}`;
}
