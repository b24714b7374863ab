// Check-yourself computations for the GAN lesson (lessons/gan.md). Same contract as
// check-computations.js: each takes the loaded engine and an object of named arguments and
// returns an object of named results, every number from the engine. Kept free of the DOM.

import { need, scoped } from './args.js';

function probability(args, name) {
  const p = need(args, name);
  if (!(p > 0 && p < 1)) throw new RangeError(`needs ${name}= a probability strictly between 0 and 1`);
  return p;
}
const logit = (p) => Math.log(p / (1 - p));

export const computations = {
  // Both GAN losses for one real point on which the discriminator says `real` and one fake on
  // which it says `fake`, by the engine's Gan with one neuron each: the real point is (0, 0), the
  // generator maps its noise to the fake (1, 0), and the discriminator's weights are chosen so
  // its outputs there are the given probabilities.
  'gan-losses': (ml, a) => scoped((track) => {
    const pReal = probability(a, 'real');
    const pFake = probability(a, 'fake');
    const gan = track(new ml.Gan());
    gan.setNoiseDimension(1);
    gan.setGeneratorShape(0, 1);
    gan.setDiscriminatorShape(0, 1);
    gan.reset(0);
    gan.setGeneratorParams([0, 0, 1, 0]);                              // G(u) = (1, 0)
    gan.setDiscriminatorParams([logit(pFake) - logit(pReal), 0, logit(pReal)]); // a = w₁x + c
    const real = [0, 0];
    const noise = [0.5];
    return {
      discriminator: gan.discriminatorLossOn(real, noise),
      generator: gan.generatorLossOn(noise),
      dReal: gan.discriminate(real)[0],
      dFake: gan.discriminate([1, 0])[0],
    };
  }),
};
