/**
 * Pixel size of an inline image, read from its header (PNG, JPEG, GIF, WebP) without decoding
 * the picture. Undefined for other formats or damaged data: callers then assume a size.
 */
export interface Dimensions {
  width: number;
  height: number;
}

/** Enough base64 for every header but a JPEG's, whose size marker may follow large metadata. */
const HEADER_BASE64_CHARACTERS = 64;
const JPEG_SCAN_BASE64_CHARACTERS = 1_048_576;

function png(bytes: Buffer): Dimensions | undefined {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function gif(bytes: Buffer): Dimensions | undefined {
  if (bytes.length < 10 || bytes.toString('latin1', 0, 4) !== 'GIF8') return undefined;
  return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
}

function webp(bytes: Buffer): Dimensions | undefined {
  if (bytes.length < 30 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  return undefined;
}

/** Start-of-frame markers (SOF0–SOF15 except DHT, JPG and DAC) carry the frame size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpeg(bytes: Buffer): Dimensions | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (isStartOfFrame(marker)) return { width: bytes.readUInt16BE(offset + 7), height: bytes.readUInt16BE(offset + 5) };
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return undefined;
}

function positive(found: Dimensions | undefined): Dimensions | undefined {
  return found !== undefined && found.width > 0 && found.height > 0 ? found : undefined;
}

/** Size of a base64-encoded image, decoding only as much as its header needs. */
export function dimensionsFromBase64(data: string): Dimensions | undefined {
  const head = Buffer.from(data.slice(0, HEADER_BASE64_CHARACTERS), 'base64');
  const fixedHeader = png(head) ?? gif(head) ?? webp(head);
  if (fixedHeader !== undefined) return positive(fixedHeader);
  if (head[0] !== 0xff || head[1] !== 0xd8) return undefined;
  return positive(jpeg(Buffer.from(data.slice(0, JPEG_SCAN_BASE64_CHARACTERS), 'base64')));
}

/** Size of the image in a `data:image/...;base64,` URL; undefined for remote URLs. */
export function dimensionsFromDataUrl(url: string): Dimensions | undefined {
  if (!url.startsWith('data:')) return undefined;
  const comma = url.indexOf(',');
  if (comma === -1 || !url.slice(0, comma).endsWith(';base64')) return undefined;
  return dimensionsFromBase64(url.slice(comma + 1));
}
