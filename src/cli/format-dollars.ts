/** Exact USD with thousands separators: "1234.5" → "$1,234.5". */
export function dollars(usd: string): string {
  const [whole = '0', fraction] = usd.split('.');
  return `$${BigInt(whole).toLocaleString('en-US')}${fraction === undefined ? '' : `.${fraction}`}`;
}
