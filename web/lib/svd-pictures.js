// The pictures the svd-compress widget decomposes, with no DOM: its lesson's claims test imports
// them too. A picture is { name, rows, cols, values }: values a Float64Array of rows·cols
// numbers, row by row from the top, 0 for paper and 1 for ink. Six are drawn here at 48 × 48 by
// plain formulas; the seventh is one 8 × 8 handwritten digit from the shipped digits set
// (web/lib/digits.js), scaled from 0–16 to 0–1.
import { DIGIT_MAX_INK, DIGIT_SIDE, DIGIT_PIXELS, loadDigits } from './digits.js';
import { formatNumber } from './format.js';

export const PICTURE_SIDE = 48;
// The widget's starting state (web/widgets/svd-compress.js reads its schema defaults from here).
export const SVD_DEFAULTS = { picture: 'smiley', digit: 3, k: 5 };
// The energy share the predict-then-check box asks about, and its answer buckets for a k.
export const PREDICT_ENERGY = 0.9;
export function energyBucket(k) { return k <= 1 ? '1' : k <= 5 ? '2-5' : k <= 15 ? '6-15' : 'more'; }

function draw(fn, side = PICTURE_SIDE) {
  const values = new Float64Array(side * side);
  for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) values[i * side + j] = fn(i, j);
  return { rows: side, cols: side, values };
}

// Pixel centre (i + ½, j + ½) measured from the picture's centre, in pixels.
function fromCentre(i, j, side = PICTURE_SIDE) {
  return [j + 0.5 - side / 2, i + 0.5 - side / 2];
}

const DRAWN = {
  // A face: an outline ring, two round eyes and a smile (the lower part of a circle).
  smiley: () => draw((i, j) => {
    const [x, y] = fromCentre(i, j);
    const r = Math.hypot(x, y);
    if (r >= 19 && r <= 22) return 1;
    if (Math.hypot(x + 7, y + 6) <= 3.5 || Math.hypot(x - 7, y + 6) <= 3.5) return 1;
    const m = Math.hypot(x, y + 1);
    return m >= 10 && m <= 12.5 && y >= 4 ? 1 : 0;
  }),
  // Vertical bars 4 pixels wide: every row is the same row, so the picture has rank 1.
  stripes: () => draw((i, j) => Math.floor(j / 4) % 2),
  // 6-pixel squares, black (1) and light grey (0.2): rank 2, an even grey layer 0.6·11ᵀ minus a
  // ± pattern 0.4·ssᵀ (s = ±1 by square), so σ₁ = 0.6·48 = 28.8 and σ₂ = 0.4·48 = 19.2. Pure black
  // and white would make the two σ equal, and the rank-1 copy would then depend on which of the
  // two layers the solver happened to pick.
  checkerboard: () => draw((i, j) => ((Math.floor(i / 6) + Math.floor(j / 6)) % 2 ? 1 : 0.2)),
  // Dark in one corner, light in the opposite one: (i + j)/94, a sum of a row and a column pattern.
  gradient: () => draw((i, j) => (i + j) / (2 * (PICTURE_SIDE - 1))),
  // Concentric rings 4 pixels wide: round shapes need many layers.
  rings: () => draw((i, j) => {
    const [x, y] = fromCentre(i, j);
    return Math.floor(Math.hypot(x, y) / 4) % 2;
  }),
  // A band 3 pixels wide along the diagonal: close to the identity matrix, the hardest case.
  diagonal: () => draw((i, j) => (Math.abs(i - j) <= 1 ? 1 : 0)),
};

export const PICTURE_NAMES = [...Object.keys(DRAWN), 'digit'];
// The pictures' names in the menu, and a picture's name in a sentence, in the words of the
// shared table (pictures.* in web/lib/messages-en.js) through the widget's `t`.
export function pictureMenuNames(t) {
  return {
    smiley: t('pictures.smiley'), stripes: t('pictures.stripes'), checkerboard: t('pictures.checkerboard'),
    gradient: t('pictures.gradient'), rings: t('pictures.rings'), diagonal: t('pictures.diagonal'), digit: t('pictures.digit'),
  };
}
export function pictureLabel(t, picture) {
  return picture.name === 'digit' ? t('pictures.digitShown', { digit: formatNumber(picture.digit, 0) }) : pictureMenuNames(t)[picture.name];
}

// The first test-set image of the digit `label` (0–9).
export function digitPicture(label) {
  const { test } = loadDigits();
  let index = 0;
  while (index < test.n && test.labels[index] !== label) index += 1;
  if (index === test.n) throw new RangeError(`the digits set holds no ${label}`);
  const values = new Float64Array(DIGIT_PIXELS);
  for (let p = 0; p < DIGIT_PIXELS; p++) values[p] = test.pixels[index * DIGIT_PIXELS + p] / DIGIT_MAX_INK;
  return { name: 'digit', rows: DIGIT_SIDE, cols: DIGIT_SIDE, values, digit: label, index };
}

// The picture called `name` (PICTURE_NAMES); `digit` picks the digit for 'digit'.
export function makePicture(name, { digit = 3 } = {}) {
  if (name === 'digit') return digitPicture(digit);
  const entry = DRAWN[name];
  if (!entry) throw new RangeError(`There is no picture called "${String(name).slice(0, 30)}". Pictures: ${PICTURE_NAMES.join(', ')}.`);
  return { name, ...entry() };
}

// Numbers stored for a rank-k copy of an m × n picture: k columns of U (m each), k rows of Vᵀ
// (n each) and k singular values. The engine's SVD.summary reports the same count.
export function storedNumbers(k, rows, cols) {
  return k * (rows + cols + 1);
}
