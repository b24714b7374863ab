// Where grid search and random search place their trials over the (log C, log γ) box
// (placement only; every score comes from the engine). Exported for the lesson's claims test.
import { seededRandom as rng } from '../../lib/rng.js';

// Grid search with a budget of B trials: g₁ × g₂ evenly spaced values (g₁ = ⌊√B⌋, g₂ = ⌊B/g₁⌋)
// over the log ranges, cell centres so no trial sits on the edge. Returns [{ logC, logG }].
export function gridTrials(budget, range) {
  const g1 = Math.max(1, Math.floor(Math.sqrt(budget)));
  const g2 = Math.max(1, Math.floor(budget / g1));
  const out = [];
  for (let i = 0; i < g2; i++) {
    for (let j = 0; j < g1; j++) {
      out.push({
        logC: range.c0 + ((i + 0.5) / g2) * (range.c1 - range.c0),
        logG: range.g0 + ((j + 0.5) / g1) * (range.g1 - range.g0),
      });
    }
  }
  return out;
}

// Random search: B points drawn uniformly over the log ranges with a seed.
export function randomTrials(budget, range, seed) {
  const r = rng(seed * 7919 + 17);
  return Array.from({ length: budget }, () => ({
    logC: range.c0 + r() * (range.c1 - range.c0),
    logG: range.g0 + r() * (range.g1 - range.g0),
  }));
}
