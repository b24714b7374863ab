// The distribution-shift widget's data bookkeeping: a train/test split of engine blobs and the
// shift applied to the test rows (moving numbers; the model and its scores are the engine's).

// Splits engine blobs (labels alternate 0, 1, 0, 1, …) into two halves that each keep both
// classes: rows 0, 1, 4, 5, … train; rows 2, 3, 6, 7, … test.
export function splitBlobs(blobs) {
  const trainX = []; const trainY = []; const testX = []; const testY = [];
  for (let i = 0; i < blobs.rows; i++) {
    const toTrain = Math.floor(i / 2) % 2 === 0;
    (toTrain ? trainX : testX).push(blobs.X[2 * i], blobs.X[2 * i + 1]);
    (toTrain ? trainY : testY).push(blobs.y[i]);
  }
  return { trainX, trainY, testX, testY };
}

// Unit directions for the shift, from the model's weight vector w (normal to its boundary).
export const DIRECTIONS = {
  across: ([a, b]) => unit([a, b]),
  along: ([a, b]) => unit([-b, a]),
  diagonal: ([a, b]) => unit([a - b, b + a]),
};
function unit([a, b]) {
  const n = Math.hypot(a, b);
  return n > 0 ? [a / n, b / n] : [1, 0];
}

// Every row of a flat two-column table moved by shift × direction.
export function shiftRows(X, dir, shift) {
  const out = new Array(X.length);
  for (let i = 0; i < X.length; i += 2) { out[i] = X[i] + dir[0] * shift; out[i + 1] = X[i + 1] + dir[1] * shift; }
  return out;
}
