// Defaults and pure helpers of the likelihood-fit widget, kept free of the DOM and the engine so the
// lesson's claims test (lessons/likelihood-and-kl.claims.test.mjs) can import them.

export const DEFAULT_POINTS = [1, 2, 6];          // the lesson's worked example
export const DEFAULT_GUESS = { mu: 1, s: 1 };
export const X_RANGE = [-4, 10];
export const S_RANGE = [0.2, 6];
export const GRID = { nMu: 140, nS: 90 };
export const MAX_POINTS = 40;
export const DEFAULT_FLIPS = 'HTHHHTHHTH';       // 7 heads, 3 tails
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

export function countFlips(text) {
  let heads = 0;
  for (const ch of text) if (ch === 'H') heads += 1;
  return { heads, tails: text.length - heads };
}
