// The badge's pass rule, stated once: the share of an attempt's questions that must be right.
// Everything that states or applies it reads it from here: the ml-badge widget's scoring
// (web/widgets/ml-badge/attempt.js) and words (its messages.js), the home page's "pass with …"
// (web/js/progress.js), and the lesson's figures, which lessons/badge.claims.test.mjs checks
// against it. It lives in web/lib, not in the widget's folder, because page code (progress.js)
// reads it and page code imports no widget; it imports nothing, so the home page does not load
// the question bank.
export const PASS_FRACTION = 0.8;

// Right answers needed out of `total`: 18 of 22.
export function passMark(total) {
  return Math.ceil(PASS_FRACTION * total);
}
