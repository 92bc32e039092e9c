import type { ImageReference } from './prompt-view.ts';

/** The size assumed when an image's size cannot be read (a URL, an unknown format). */
export const ASSUMED_IMAGE_SIZE = { width: 1024, height: 1024 } as const;

function sizeOf(image: ImageReference): { width: number; height: number } {
  return image.width !== undefined && image.height !== undefined ? { width: image.width, height: image.height } : ASSUMED_IMAGE_SIZE;
}

/**
 * OpenAI's published costs per image: a base for the low-resolution view plus a cost per 512 px
 * tile of the high-resolution view. gpt-4o-mini charges about 33 × more tokens per image at a
 * price 33 × lower, so an image costs the same money on both.
 */
function openAITileCosts(model: string): { base: number; tile: number } {
  return model.toLowerCase().includes('gpt-4o-mini') ? { base: 2833, tile: 5667 } : { base: 85, tile: 170 };
}

/**
 * OpenAI (gpt-4o style tiles): `detail: "low"` costs the base; otherwise ("high", and "auto",
 * counted as high) the image is scaled to fit 2048 × 2048, then down so its shortest side is at
 * most 768 px, and each 512 px tile costs `tile` on top of the base.
 */
export function openAIImageTokens(image: ImageReference, model: string): number {
  const { base, tile } = openAITileCosts(model);
  if (image.detail === 'low') return base;
  let { width, height } = sizeOf(image);
  const fit = Math.min(1, 2048 / Math.max(width, height));
  width *= fit;
  height *= fit;
  const shortest = Math.min(1, 768 / Math.min(width, height));
  width = Math.floor(width * shortest);
  height = Math.floor(height * shortest);
  return base + tile * Math.ceil(width / 512) * Math.ceil(height / 512);
}

/**
 * Anthropic: about width × height / 750 tokens, after scaling the image down so its long edge
 * is at most 1568 px and it holds at most about 1,600 tokens (1.2 megapixels).
 */
export function anthropicImageTokens(image: ImageReference): number {
  const { width, height } = sizeOf(image);
  const scale = Math.min(1, 1568 / Math.max(width, height), Math.sqrt(1_200_000 / (width * height)));
  return Math.ceil((Math.floor(width * scale) * Math.floor(height * scale)) / 750);
}

/** Gemini: 258 tokens when both sides are at most 384 px, else 258 per 768 × 768 tile. */
export function geminiImageTokens(image: ImageReference): number {
  const { width, height } = sizeOf(image);
  if (width <= 384 && height <= 384) return 258;
  return 258 * Math.ceil(width / 768) * Math.ceil(height / 768);
}
