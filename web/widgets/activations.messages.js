// Every word the activations widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); counts with their noun come from format.js countOf; another language adds
// the same keys with addMessages (web/lib/messages.js).
import { countOf, listedInWords } from '../lib/format.js';

export const messages = {
  'activations.title': 'Activation functions and vanishing gradients',
  'activations.hint': 'Pick an activation φ and drag along the curve (or use the arrow keys) to read φ(z) and its slope φ′(z). Below, a chain of layers multiplies one slope per layer: watch the gradient vanish with sigmoid and survive with ReLU. Softmax: drag the logit bars.',
  'activations.name.sigmoid': 'sigmoid',
  'activations.name.tanh': 'tanh',
  'activations.name.relu': 'ReLU',
  'activations.name.leaky-relu': 'leaky ReLU',
  'activations.name.gelu': 'GELU',
  'activations.name.softmax': 'softmax',
  'activations.plot': 'Activation and its derivative',
  'activations.legend.value': 'φ(z)',
  'activations.legend.slope': 'φ′(z), the slope',
  'activations.legend.logits': 'logits z (drag)',
  'activations.legend.probabilities': 'softmax probabilities',
  'activations.chainPlot': 'Gradient reaching each layer of a deep chain (log scale)',
  'activations.select': 'activation',
  'activations.slider.depth': 'layers',
  'activations.slider.weight': 'weight w',
  'activations.slider.temperature': 'temperature T',
  'activations.stat.z': 'z',
  'activations.stat.value': 'φ(z)',
  'activations.stat.slope': 'φ′(z)',
  'activations.stat.gradient': 'gradient at layer 0',
  'activations.predict.question': ({ layers }) => `With sigmoid through ${countOf(layers, 'layer')}, raising w from 1 to 4 makes the gradient at layer 0…`,
  'activations.predict.larger': 'larger',
  'activations.predict.same': 'about the same',
  'activations.predict.smaller': 'smaller',
  // activation / depth / weight: the learner's setting where it differs from the question's, else ''.
  'activations.predict.setUp': ({ layers, activation, depth, weight }) => `The question is about sigmoid through ${countOf(layers, 'layer')}, starting from w = 1. Before locking in, ${listedInWords([
    activation && `choose sigmoid (now ${activation})`,
    depth && `set layers to ${layers} (now ${depth})`,
    weight && `set w to 1 (now ${weight})`,
  ].filter(Boolean))}.`,
  'activations.predict.seen': ({ layers }) => `The gradient of the sigmoid chain through ${countOf(layers, 'layer')} at w = 4 was on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.`,
  'activations.predict.next': 'Now raise the weight w to 4 and read the gradient at layer 0.',
  'activations.predict.off': ({ layers, activation, depth }) => `This chain does not test your prediction, which is about sigmoid through ${countOf(layers, 'layer')}: ${listedInWords([
    activation && `choose sigmoid again (now ${activation})`,
    depth && `set layers back to ${layers} (now ${depth})`,
  ].filter(Boolean))}, then read the gradient at layer 0 with w at 4.`,
  'activations.predict.back': ({ layers }) => `Back on the sigmoid chain through ${countOf(layers, 'layer')}: raise the weight w to 4 and read the gradient at layer 0.`,
  'activations.predict.why': ({ depth, before, after }) => `Through ${countOf(depth, 'layer')} the gradient went from ${before} at w = 1 to ${after} at w = 4. The first factor is 4·σ′(2) ≈ 0.42, but the big weight pushes every later z up to about 3.9, where the sigmoid is flat, so each later factor w·σ′(z) falls to about 0.08.`,
  'activations.logit': '{value} (class {index})',
  // softmaxSays (activations.js) picks the sentence: "nearly an arg-max" only when one class holds 99 % or more.
  'activations.softmax': ({ T, classes, tied, share, says }) => `softmax(z/T) with T = ${T}: ${tied ? `classes ${classes} get ${share} each` : `class ${classes} gets ${share}`}. ${{
    argmax: 'A low temperature makes it nearly an arg-max.',
    sharper: 'A low temperature sharpens it towards the largest logit: lower T further, or widen that logit\'s lead, and it nears an arg-max.',
    tie: 'Equal logits get equal shares, however low the temperature.',
    flat: 'A high temperature flattens it towards uniform.',
    shift: 'Adding the same number to every logit changes nothing.',
  }[says]}`,
  // The verdicts follow gradientVerdict (activations.js): the gradient leaves the output at 1.
  'activations.verdict.vanished': 'Vanished: less than a millionth of the gradient at the output is left, so the first layers would learn essentially nothing.',
  'activations.verdict.exploded': 'Exploded: more than a million times the gradient at the output, so the first layers would take enormous steps.',
  'activations.verdict.shrinking': 'Shrinking: it arrives more than 10 times smaller than the 1 it left the output with, so the layers near the input learn far more slowly than those near the output.',
  'activations.verdict.exploding': 'Exploding: it arrives more than 10 times larger than the 1 it left the output with, so the layers near the input would take far larger steps than those near the output.',
  'activations.verdict.survives': 'The gradient survives the trip back through the layers: it arrives within a factor of 10 of the 1 it left the output with.',
  'activations.chain': ({ name, depth, w, gradient, verdict }) => `${name} through ${countOf(depth, 'layer')} with w = ${w}: each layer multiplies the gradient by w·φ′(z). It reaches layer 0 at ${gradient}. ${verdict}`,
  'activations.softAxis.y': 'logit z  ·  probability × 5',
  'activations.class': 'class {index}',
  'activations.axis.x': 'z',
  'activations.chainAxis.x': 'layer (0 = input, gradient flows right to left)',
  'activations.chainAxis.y': 'log₁₀ |∂a_L/∂a_l|',
};
