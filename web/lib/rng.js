// Seeded randomness for the web side, written once: mulberry32 (by Tommy Ettinger, public
// domain). Used only for bookkeeping and made-up example tables (the order game cards are dealt,
// noise tables, trial placements); every model and data set a lesson measures comes from the
// engine's own RNG (engine/include/dw/rng.hpp). The same seed gives the same numbers everywhere.

// A generator of uniform numbers in [0, 1) from a 32-bit seed.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A seeded Fisher–Yates shuffle (a copy; `items` is left as it was).
export function seededShuffle(items, seed) {
  const rand = mulberry32(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// The generator for made-up example tables: mulberry32 with a zero seed counted as 1.
export function seededRandom(seed) {
  return mulberry32((seed >>> 0) || 1);
}
