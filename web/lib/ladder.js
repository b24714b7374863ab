// Round-number stops for a slider that spans decades. A log track rounded to its step gives
// values such as 47.86 and 50.12, never the 50 a lesson names, and a readout rounded for show
// hides that the engine uses something else. A ladder of round values, one rung per arrow press,
// makes the value shown, the value used and the value a lesson quotes one and the same.

// 1–1.2–1.5–2–2.5–3–3.5–4–4.5–5–6–7–8 per decade: steps of at most 25%, every rung exact to two
// significant digits.
export const ROUND_MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8];

// The rungs from min to max (both included when they are round), smallest first.
export function roundLadder(min, max, mantissas = ROUND_MANTISSAS) {
  const rungs = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of mantissas) {
      const v = Number((m * 10 ** e).toPrecision(2));
      if (v >= min && v <= max) rungs.push(v);
    }
  }
  return rungs;
}

// The index of the rung nearest to v on a log scale: an option off the ladder (gamma=0.07 from a
// link) is used as the readout shows it, on the nearest rung.
export function nearestRung(rungs, v, fallback = 0) {
  if (!(v > 0)) return fallback;
  let best = 0;
  for (let i = 1; i < rungs.length; i++) {
    if (Math.abs(Math.log(rungs[i] / v)) < Math.abs(Math.log(rungs[best] / v))) best = i;
  }
  return best;
}

// The rung value nearest to v (the value a slider on the ladder shows and uses); when v is not a
// positive number, the rung nearest to `fallback` (the option's default).
export function nearestRungValue(rungs, v, fallback) {
  return rungs[nearestRung(rungs, v, nearestRung(rungs, fallback))];
}
