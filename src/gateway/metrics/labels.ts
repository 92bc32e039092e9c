/** A Prometheus label value escaped for the text format (backslash, quote, newline). */
export function escapeLabel(value: string): string {
  return value.replace(/[\\"\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

/** `{name="value",...}` for a series; empty when there are no labels. */
export function formatLabels(names: readonly string[], values: readonly string[], extra = ''): string {
  let text = '';
  for (let index = 0; index < names.length; index++) {
    text += `${index === 0 ? '' : ','}${names[index]}="${escapeLabel(values[index]!)}"`;
  }
  if (extra !== '') text += text === '' ? extra : `,${extra}`;
  return text === '' ? '' : `{${text}}`;
}

/** The map key of a series: its label values joined by a character no header can hold. */
export function seriesKey(values: readonly string[]): string {
  return values.join('\u0000');
}
