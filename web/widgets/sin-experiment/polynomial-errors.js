// Train and test MSE of least-squares polynomials fitted to given points: what the engine's
// sinExperiment does for its own seeded dots, for dots that come as data (the NumPy run,
// numpy-run.js). The engine's PolynomialRegression fits (solve(): least squares in powers of x
// rescaled to [−1, 1], the same polynomials np.polyfit finds in raw powers of x) and predicts; the
// errors are the squared misses averaged, MSE = Σ (ŷᵢ − yᵢ)² / n.
// train and test are { X, y } with one x per row. Returns { degrees, train, test } (arrays by degree).
export function polynomialErrors(ml, train, test, degrees) {
  const model = new ml.PolynomialRegression();
  try {
    model.setData(train.X, 1, train.y);
    const out = { degrees: [...degrees], train: [], test: [] };
    for (const degree of degrees) {
      model.setDegree(degree);
      model.solve();
      // predict() returns a view into engine memory, valid until the next engine call: read it at once.
      out.train.push(meanSquaredMiss(train.y, model.predict(train.X)));
      out.test.push(meanSquaredMiss(test.y, model.predict(test.X)));
    }
    return out;
  } finally {
    model.delete();
  }
}

function meanSquaredMiss(y, yHat) {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (yHat[i] - y[i]) ** 2;
  return sum / y.length;
}
