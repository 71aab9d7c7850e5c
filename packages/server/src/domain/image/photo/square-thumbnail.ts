/** Decoded pixels: 8-bit RGBA, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

interface Tap {
  readonly from: number;
  readonly weights: Float32Array;
}

/**
 * For each of `size` output pixels along one axis, the source pixels (from `offset`, `span` long) it
 * averages and their weights: a tent as wide as one output pixel covers, so shrinking averages every
 * source pixel (no aliasing) and enlarging interpolates linearly.
 */
function taps(offset: number, span: number, size: number): Tap[] {
  const scale = span / size;
  const support = Math.max(1, scale);
  return Array.from({ length: size }, (_, index) => {
    const centre = (index + 0.5) * scale - 0.5;
    const first = Math.max(0, Math.ceil(centre - support));
    const last = Math.min(span - 1, Math.floor(centre + support));
    const weights = new Float32Array(Math.max(1, last - first + 1));
    let total = 0;
    for (let source = first; source <= last; source += 1) {
      const weight = Math.max(0, 1 - Math.abs(source - centre) / support);
      weights[source - first] = weight;
      total += weight;
    }
    if (total === 0) weights[0] = 1;
    else for (let k = 0; k < weights.length; k += 1) weights[k] = (weights[k] ?? 0) / total;
    return { from: offset + first, weights };
  });
}

/**
 * The centred square of `image`, scaled to `size`×`size`, opaque: transparent parts are laid on white
 * (a JPEG has no alpha, and a dark default would turn a cut-out portrait into a black square).
 */
export function squareThumbnail(image: RgbaImage, size: number): Uint8Array {
  const side = Math.min(image.width, image.height);
  const across = taps(Math.floor((image.width - side) / 2), side, size);
  const down = taps(Math.floor((image.height - side) / 2), side, size);
  // Premultiplied by alpha, so a transparent pixel's hidden colour does not bleed into its neighbours.
  const rows = new Float32Array(side * size * 4);
  const top = down[0]?.from ?? 0;
  for (let row = 0; row < side; row += 1) {
    const line = (top + row) * image.width;
    for (let x = 0; x < size; x += 1) {
      const tap = across[x] as Tap;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0; k < tap.weights.length; k += 1) {
        const at = (line + tap.from + k) * 4;
        const weight = (tap.weights[k] ?? 0) * ((image.data[at + 3] ?? 0) / 255);
        r += (image.data[at] ?? 0) * weight;
        g += (image.data[at + 1] ?? 0) * weight;
        b += (image.data[at + 2] ?? 0) * weight;
        a += weight;
      }
      const out = (row * size + x) * 4;
      rows[out] = r;
      rows[out + 1] = g;
      rows[out + 2] = b;
      rows[out + 3] = a;
    }
  }
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    const tap = down[y] as Tap;
    for (let x = 0; x < size; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0; k < tap.weights.length; k += 1) {
        const at = ((tap.from - top + k) * size + x) * 4;
        const weight = tap.weights[k] ?? 0;
        r += (rows[at] ?? 0) * weight;
        g += (rows[at + 1] ?? 0) * weight;
        b += (rows[at + 2] ?? 0) * weight;
        a += (rows[at + 3] ?? 0) * weight;
      }
      const white = 255 * (1 - Math.min(1, a));
      const out = (y * size + x) * 4;
      pixels[out] = Math.round(Math.min(255, r + white));
      pixels[out + 1] = Math.round(Math.min(255, g + white));
      pixels[out + 2] = Math.round(Math.min(255, b + white));
      pixels[out + 3] = 255;
    }
  }
  return pixels;
}
