import type { ImageSource } from '../canonical/parts.ts';

const DATA_PREFIX = 'data:';
const BASE64_MARKER = ';base64,';

/** `data:image/png;base64,AAAA` → a base64 source; any other URL stays a URL. */
export function imageSourceFromUrl(url: string): ImageSource {
  if (url.startsWith(DATA_PREFIX)) {
    const marker = url.indexOf(BASE64_MARKER);
    if (marker > 0) {
      return { kind: 'base64', mediaType: url.slice(DATA_PREFIX.length, marker), data: url.slice(marker + BASE64_MARKER.length) };
    }
  }
  return { kind: 'url', url };
}

export function urlFromImageSource(source: ImageSource): string {
  return source.kind === 'url' ? source.url : `${DATA_PREFIX}${source.mediaType}${BASE64_MARKER}${source.data}`;
}
