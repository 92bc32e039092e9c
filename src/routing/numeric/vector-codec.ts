import { FrugalError } from '../../errors/frugal-error.ts';

/** Float32 values as base64 of their little-endian bytes: a trained router's bulk data in JSON. */
export function encodeFloat32(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++) view.setFloat32(index * 4, values[index]!, true);
  return Buffer.from(bytes).toString('base64');
}

export function decodeFloat32(text: string, expectedLength: number, what: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== expectedLength * 4) {
    throw new FrugalError('FRUGAL_INVALID_DATA', `${what} holds ${bytes.length / 4} values, expected ${expectedLength}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float32Array(expectedLength);
  for (let index = 0; index < expectedLength; index++) values[index] = view.getFloat32(index * 4, true);
  return values;
}
