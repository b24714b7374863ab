// The shipped handwritten digits (web/data/digits.js), decoded once per page, with no DOM: the
// digits CNN, fine-tuning and quantisation widgets, their lessons' claims tests and node tests
// import these.
//
// Data: scikit-learn's load_digits, a copy of the UCI "Optical Recognition of Handwritten
// Digits" test set (Alpaydin & Kaynak 1998, CC BY 4.0), shipped with scikit-learn (BSD 3-clause);
// packed by scripts/make-digits-data.py: n images of 64 pixels at 5 bits each (most significant
// bit first), then n label bytes; the first DIGITS_TRAIN images are the training split.
import { DIGITS_BASE64, DIGITS_TRAIN, DIGITS_TEST, DIGITS_SPLIT_SEED } from '../data/digits.js';

export const DIGIT_SIDE = 8;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const DIGIT_MAX_INK = 16;   // pixel values count inked cells of a 4×4 block: 0…16
export { DIGITS_TRAIN, DIGITS_TEST, DIGITS_SPLIT_SEED };

function decodeBase64(text) {
  if (typeof atob === 'function') {
    const raw = atob(text);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}

let raw = null;
let scaledSplits = null;

// { train: { pixels, labels, n }, test: { … } }: pixels is a Uint8Array of n·64 values 0–16 (row
// by row), labels a Uint8Array of n digits. Read-only.
export function loadDigits() {
  if (raw) return raw;
  const bytes = decodeBase64(DIGITS_BASE64);
  const n = DIGITS_TRAIN + DIGITS_TEST;
  const bytesPerImage = (DIGIT_PIXELS * 5) / 8;
  if (bytes.length !== n * (bytesPerImage + 1)) throw new Error(`digits data: expected ${n * (bytesPerImage + 1)} bytes, found ${bytes.length}`);
  const pixels = new Uint8Array(n * DIGIT_PIXELS);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    let bits = 0;
    let p = 0;
    for (let b = 0; b < bytesPerImage; b++) {
      acc = (acc << 8) | bytes[i * bytesPerImage + b];
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        pixels[i * DIGIT_PIXELS + p] = (acc >> bits) & 31;
        p += 1;
      }
      acc &= (1 << bits) - 1;
    }
  }
  const labels = bytes.slice(n * bytesPerImage);
  const part = (from, count) => ({ pixels: pixels.subarray(from * DIGIT_PIXELS, (from + count) * DIGIT_PIXELS), labels: labels.subarray(from, from + count), n: count });
  raw = { train: part(0, DIGITS_TRAIN), test: part(DIGITS_TRAIN, DIGITS_TEST) };
  return raw;
}

// Pixel values scaled from 0–16 to 0–1, as a Float64Array: a network's inputs.
export function scaledPixels(pixels) {
  const out = new Float64Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i] / DIGIT_MAX_INK;
  return out;
}

// { train: { inputs, labels, n }, test: { … } } with inputs scaled to 0–1. Read-only.
export function digitSplits() {
  if (scaledSplits) return scaledSplits;
  const { train, test } = loadDigits();
  const part = (s) => ({ inputs: scaledPixels(s.pixels), labels: s.labels, n: s.n });
  scaledSplits = { train: part(train), test: part(test) };
  return scaledSplits;
}
