// Defaults and pure helpers of the likelihood-fit widget, kept free of the DOM and the engine so the
// lesson's claims test (lessons/likelihood-and-kl.claims.test.mjs) can import them.

import { asShown } from '../../lib/format.js';

export const DEFAULT_POINTS = [1, 2, 6];          // the lesson's worked example
export const DEFAULT_GUESS = { mu: 1, s: 1 };
export const X_RANGE = [-4, 10];
export const S_RANGE = [0.2, 6];
export const GRID = { nMu: 140, nS: 90 };
export const MAX_POINTS = 40;
export const DEFAULT_FLIPS = 'HTHHHTHHTH';       // 7 heads, 3 tails
// The coin's p slider: its ends and its step.
export const P_RANGE = [0.01, 0.99];
export const P_STEP = 0.01;
// The coin plot shows ℓ(p) from its maximum down to COIN_WINDOW nats below it, whatever the number
// of flips, so that more flips visibly narrow the curve (a window growing with n, as before, drew
// every curve with the same share of heads the same shape). 12 = the old window at the default 10 flips.
export const COIN_WINDOW = 12;
export const DEFAULT_KL = { P: { mu: 0, s: 1 }, Q: { mu: 1, s: 2 } };
export const KL_X_RANGE = [-8, 8];
export const KL_S_RANGE = [0.3, 4];
// ŝ counts as unchanged when it moves by less than this fraction (the predict-then-check box).
export const SAME_SPREAD = 0.005;

// What a change of ŝ from `before` to `after` was: 'grow', 'shrink' or 'same'.
export function spreadChange(before, after) {
  if (!(before > 0) || !Number.isFinite(after)) return 'same';
  const r = (after - before) / before;
  return r > SAME_SPREAD ? 'grow' : r < -SAME_SPREAD ? 'shrink' : 'same';
}

// Where ŝ lies against the spreads the map and the s slider reach, compared as the readout shows it
// (3 decimals, the formatter's rounding): 'low' below the smallest, 'high' above the largest, null inside (the ends count
// as inside: the controls reach them).
export function spreadOutside(sHat) {
  const shown = asShown(sHat, 3, { grouping: false });
  return shown < S_RANGE[0] ? 'low' : shown > S_RANGE[1] ? 'high' : null;
}

// The same for p̂ = heads/n against the p slider's ends.
export function shareOutside(hat) {
  const shown = asShown(hat, 3, { grouping: false });
  return shown < P_RANGE[0] ? 'low' : shown > P_RANGE[1] ? 'high' : null;
}

// The best p the slider reaches for these flips (n ≥ 1): ℓ(p) rises up to p̂ and falls after it, so
// it is whichever of the two stops either side of p̂ (each kept within the slider) has the higher ℓ.
export function bestCoinStop(heads, tails) {
  const hat = heads / (heads + tails);
  const k = hat / P_STEP;
  const stop = (v) => Math.min(P_RANGE[1], Math.max(P_RANGE[0], Number((v * P_STEP).toFixed(6))));
  const lo = stop(Math.floor(k + 1e-9));
  const hi = stop(Math.ceil(k - 1e-9));
  const ll = (q) => (heads ? heads * Math.log(q) : 0) + (tails ? tails * Math.log(1 - q) : 0);
  return ll(hi) > ll(lo) ? hi : lo;
}

export function countFlips(text) {
  let heads = 0;
  for (const ch of text) if (ch === 'H') heads += 1;
  return { heads, tails: text.length - heads };
}
