// Recurrent networks: one-unit recurrent steps and the fading of the gradient through time.

import { need, opt, whole, scoped } from './args.js';

// A one-unit Elman network θ = [w_x, w_h, b, w_y, b_y] (readout w_y = 1, b_y = 0 unless given;
// w_x is required when the inputs matter, else 0 unless given).
function oneUnit(ml, make, a, { inputsMatter = true } = {}) {
  const net = make(new ml.RecurrentNet());
  net.setCell('rnn');
  net.setHiddenSize(1);
  net.setParams([inputsMatter ? need(a, 'wx') : opt(a, 'wx', 0), need(a, 'wh'), opt(a, 'b', 0), opt(a, 'wy', 1), opt(a, 'by', 0)]);
  return net;
}

export const computations = {
  // The inputs x= (a comma list) read one by one from h_0 (default 0): the last hidden state h
  // and prediction yhat, by RecurrentNet.forwardFrom.
  'rnn-step': (ml, a) => scoped((make) => {
    const x = need(a, 'x', 'list');
    const net = oneUnit(ml, make, a);
    const run = net.forwardFrom(x, [opt(a, 'h0', 0)], null);
    return { h: run.hidden[x.length - 1], yhat: run.predictions[x.length - 1] };
  }),
  // How much of the last step's gradient ‖∂L_T/∂h‖ is left `steps` steps back in a one-unit RNN
  // fed x (default 0) at every step, by RecurrentNet.gradientFlow. With x = 0 and b = 0 the state
  // stays 0, tanh′ = 1, and the ratio is |w_h|^steps.
  'rnn-gradient': (ml, a) => scoped((make) => {
    const steps = whole(a, 'steps', 1, 500);
    const net = oneUnit(ml, make, a, { inputsMatter: false });
    const x = opt(a, 'x', 0);
    const series = new Array(steps + 2).fill(x);
    series[steps + 1] = x + 1; // a target the net misses, so the gradient at the end is not 0
    net.setSeries(series);
    const flow = net.gradientFlow(steps + 1);
    return { ratio: flow[steps] / flow[0], end: flow[0] };
  }),
};
