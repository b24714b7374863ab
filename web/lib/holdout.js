// Hold-out splits and polynomial errors, computed by the engine: JS only indexes rows.
export function take(values, indices) {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}

// Seeded hold-out from the engine: `train` comes back shuffled, so its first n rows are a random
// subset (what a learning curve needs).
export function holdout(ml, n, validationFraction, seed) {
  const s = ml.trainValidationTestSplit(n, validationFraction, 0, seed, false);
  return { train: Array.from(s.train), validation: Array.from(s.validation) };
}

// Fits `poly` (a PolynomialRegression) exactly on the rows `trainRows` of (x, y) and returns the
// engine's mean squared errors on those rows and on `valRows`. The exact least-squares solve is
// used because gradient descent (what fit() runs) needs millions of steps at degree 12.
export function polyErrors(ml, poly, x, y, trainRows, valRows) {
  const xt = take(x, trainRows);
  const yt = take(y, trainRows);
  poly.setData(xt, 1, yt);
  poly.solve();
  const trainMse = ml.meanSquaredError(yt, poly.predict(xt).slice());
  let valMse = NaN;
  if (valRows && valRows.length) {
    const xv = take(x, valRows);
    valMse = ml.meanSquaredError(take(y, valRows), poly.predict(xv).slice());
  }
  return { trainMse, valMse };
}
