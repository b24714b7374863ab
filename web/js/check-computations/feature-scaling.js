// Feature scaling: z-scores and a value after the standard, min–max and robust scalers.

import { need, scoped } from './args.js';

// One scaler fitted to a list of values; `x` (default: the first value) is then transformed.
function scaled(ml, a, Scaler) {
  const values = need(a, 'values', 'list');
  const x = a.x === undefined ? values[0] : need(a, 'x');
  return scoped((own) => {
    const s = own(new ml[Scaler]());
    s.fit(values, 1);
    return { value: s.transform([x], 1)[0] };
  });
}

export const computations = {
  // The z-score of x among values (population standard deviation, as the engine's scaler).
  'z-score': (ml, a) => scoped((track) => {
    const scaler = track(new ml.StandardScaler());
    scaler.fit(need(a, 'values', 'list'), 1);
    return { value: scaler.transform([need(a, 'x')], 1)[0], mean: scaler.mean()[0], sd: scaler.scale()[0] };
  }),
  'standard-scale': (ml, a) => scaled(ml, a, 'StandardScaler'),
  'minmax-scale': (ml, a) => scaled(ml, a, 'MinMaxScaler'),
  // A value after each scaler fitted to `values`.
  'robust-scale': (ml, a) => scaled(ml, a, 'RobustScaler'),
};
