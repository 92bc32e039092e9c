import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dimensionsFromBase64, dimensionsFromDataUrl } from './image-dimensions.ts';
import { pngHeader } from './test-images.ts';

function gifHeader(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(13);
  bytes.write('GIF89a', 0, 'latin1');
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);
  return bytes;
}

/** A JPEG whose size marker follows a large APP1 (EXIF-like) segment. */
function jpegWithMetadata(width: number, height: number): Buffer {
  const app1 = Buffer.alloc(4 + 60_000);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(60_002, 2);
  const frame = Buffer.alloc(19);
  frame.writeUInt16BE(0xffc0, 0);
  frame.writeUInt16BE(17, 2);
  frame[4] = 8;
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, frame]);
}

function webpLossless(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(30);
  bytes.write('RIFF', 0, 'latin1');
  bytes.write('WEBPVP8L', 8, 'latin1');
  bytes[20] = 0x2f;
  bytes.writeUInt32LE((width - 1) | ((height - 1) << 14), 21);
  return bytes;
}

test('reads the pixel size from PNG, GIF, JPEG and WebP headers', () => {
  assert.deepEqual(dimensionsFromBase64(pngHeader(1920, 1080).toString('base64')), { width: 1920, height: 1080 });
  assert.deepEqual(dimensionsFromBase64(gifHeader(320, 240).toString('base64')), { width: 320, height: 240 });
  assert.deepEqual(dimensionsFromBase64(jpegWithMetadata(800, 600).toString('base64')), { width: 800, height: 600 });
  assert.deepEqual(dimensionsFromBase64(webpLossless(640, 480).toString('base64')), { width: 640, height: 480 });
});

test('data URLs are read; remote URLs and unknown data give no size', () => {
  assert.deepEqual(dimensionsFromDataUrl(`data:image/png;base64,${pngHeader(64, 32).toString('base64')}`), { width: 64, height: 32 });
  assert.equal(dimensionsFromDataUrl('https://example.com/cat.png'), undefined);
  assert.equal(dimensionsFromBase64(Buffer.from('not an image at all').toString('base64')), undefined);
  assert.equal(dimensionsFromBase64(pngHeader(0, 0).toString('base64')), undefined);
});
