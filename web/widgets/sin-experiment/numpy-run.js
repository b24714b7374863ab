// The twelve training dots of the sin(x) experiment's original NumPy run (seed 000's listing):
// x = np.linspace(0, 2π, 12) and y = sin(x) + np.random.default_rng(0).normal(0, 0.3, 12).
// NumPy's generator cannot be replayed by the engine's, so the dots are data: written by
// tests/fixtures/generators/sin_experiment.py into tests/fixtures/sin_experiment.json and copied
// here digit for digit (lessons/ml-foundations.claims.test.mjs checks they match). The run's 200
// test points are the clean wave at np.linspace(0, 2π, 200), which the engine's
// makeNoisySin(200, 0, seed) draws at the same x (checked there too).
export const NUMPY_RUN = Object.freeze({
  x: Object.freeze([
    0,
    0.5711986642890533,
    1.1423973285781066,
    1.7135959928671598,
    2.284794657156213,
    2.8559933214452666,
    3.4271919857343196,
    3.998390650023373,
    4.569589314312426,
    5.140787978601479,
    5.711986642890533,
    6.283185307179586,
  ]),
  y: Object.freeze([
    0.03771906632801799,
    0.5010093584682069,
    1.1017587904875028,
    1.0212914770268446,
    0.5950487624059251,
    0.39021107331427507,
    0.10946745669761171,
    -0.47162528541548565,
    -1.2009420126230304,
    -1.2892584366683342,
    -0.7276231562168031,
    0.012397793804172835,
  ]),
});
