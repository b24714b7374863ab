// The badge's pass rule, stated once: the share of an attempt's questions that must be right.
// Everything that states or applies it reads it from here: the scoring (attempt.js), the card's
// hint and messages (messages.js), the home page's "pass with …" (web/js/progress.js), and the
// lesson's figures, which lessons/badge.claims.test.mjs checks against it. This module imports
// nothing, so the home page can read the rule without loading the question bank.
export const PASS_FRACTION = 0.8;

// Right answers needed out of `total`: 18 of 22.
export function passMark(total) {
  return Math.ceil(PASS_FRACTION * total);
}
