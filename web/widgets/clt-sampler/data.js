// Settings and pure helpers of the clt-sampler widget (bins, histogram counts, the predict box's
// verdict), kept free of the DOM and the engine so the lesson's claims test
// (lessons/central-limit.claims.test.mjs) can import them.

export const POPULATIONS = ['exponential', 'two-bump', 'die', 'coin'];

// n values at which the standard-error plot measures the spread of 1000 sample means.
export const SE_SIZES = [1, 2, 4, 10, 25, 50, 100];
export const SE_SAMPLES = 1000;
// The predict-then-check box counts a spread as measured once this many means are drawn.
export const MIN_FOR_CHECK = 500;
// Spreads shown at n and 4n with this many means each already point to the verdict a check gives:
// at 50 means the ratio of the two readouts is nearest "halve" for every population, for n from 1
// to 25 and seeds 1, 2, 3 and 7 (128 cases), so a pair this far measured is the answer on screen.
export const MIN_FOR_SEEN = 50;
export const RATIOS = { same: 1, half: 0.5, quarter: 0.25 };


// The x range of the means' histogram: μ ± 4.5 standard errors, inside the population's range.
export function meanRange(pop, n) {
  const se = pop.sd / Math.sqrt(n);
  return [Math.max(pop.lo, pop.mean - 4.5 * se), Math.min(pop.hi, pop.mean + 4.5 * se)];
}

// Bins for the means: for a discrete population the means are multiples of 1/n (die, coin), so a
// bin is a whole number of those steps wide and centred on them; otherwise about 36 equal bins.
export function binsFor(pop, n) {
  const [lo, hi] = meanRange(pop, n);
  if (pop.discrete) {
    const step = 1 / n;
    const width = step * Math.max(1, Math.ceil((hi - lo) / step / 36));
    const first = Math.floor(lo / width) * width - width / 2;
    const count = Math.ceil((hi + width / 2 - first) / width);
    return { start: first, width, count };
  }
  const count = 36;
  return { start: lo, width: (hi - lo) / count, count };
}

// Counts of values[0 … upTo) per bin (values outside the bins are left out).
export function histogram(values, upTo, bins) {
  const counts = new Array(bins.count).fill(0);
  for (let i = 0; i < upTo; i++) {
    const k = Math.floor((values[i] - bins.start) / bins.width + 1e-9);
    if (k >= 0 && k < bins.count) counts[k] += 1;
  }
  return counts;
}

// Which of the RATIOS a measured spread ratio is nearest to (on a log scale).
export function nearestRatio(ratio) {
  let best = null;
  for (const [name, r] of Object.entries(RATIOS)) if (!best || Math.abs(Math.log(ratio / r)) < Math.abs(Math.log(ratio / RATIOS[best]))) best = name;
  return best;
}
