// Small array and number helpers (indexing and bookkeeping, no maths a lesson teaches).

export function mean(values) {
  let s = 0;
  for (const v of values) s += v;
  return values.length ? s / values.length : NaN;
}

export function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
