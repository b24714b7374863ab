// Every word the kernel-svm widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
import { countOf, listedInWords } from '../lib/format.js';

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const offSettingsText = ({ data, kernel, C }) => listedInWords([data && 'the data are not the circles', kernel && 'the kernel is not RBF', C && `C is ${C}`].filter(Boolean));
const backToSettings = ({ data, kernel, C, predictC }) => listedInWords([data && 'choose circles in the data menu', kernel && 'choose the RBF kernel', C && `set C back to ${predictC}`].filter(Boolean));

export const messages = {
  'kernel-svm.title': 'Kernel SVM: a straight cut in a curved space',
  'kernel-svm.hint': 'Press Play to watch SMO train. Then slide γ: small γ gives smooth boundaries, large γ wraps each point. Switch to the polynomial kernel and change its degree. Click the map to read f(x) there.',
  'kernel-svm.plot': 'Decision heat map, boundary, margins and support vectors',
  'kernel-svm.legend.class0': 'class 0',
  'kernel-svm.legend.class1': 'class 1',
  'kernel-svm.legend.boundary': 'boundary f = 0',
  'kernel-svm.legend.margins': 'margins f = ±1',
  'kernel-svm.legend.support': 'support vector',
  'kernel-svm.step': 'Step',
  'kernel-svm.reset': 'Reset',
  'kernel-svm.select.data': 'data',
  'kernel-svm.select.kernel': 'kernel',
  'kernel-svm.kernel.rbf': 'RBF  exp(−γ‖a−b‖²)',
  'kernel-svm.kernel.poly': 'polynomial (γ a·b + 1)ᵖ',
  'kernel-svm.kernel.linear': 'linear a·b',
  'kernel-svm.slider.gamma': 'γ',
  'kernel-svm.slider.degree': 'degree p',
  'kernel-svm.slider.C': 'C',
  'kernel-svm.stat.accuracy': 'training accuracy',
  'kernel-svm.stat.support': 'support vectors',
  'kernel-svm.stat.updates': 'SMO updates',
  'kernel-svm.stat.gap': 'primal − dual',
  'kernel-svm.percent': '{value}%',
  'kernel-svm.supportOf': '{count} of {total}',
  'kernel-svm.predict.question': 'At C = {C}, slide γ down to {gamma} (wider bumps, a smoother boundary): the number of support vectors will…',
  'kernel-svm.predict.fewer': 'fall',
  'kernel-svm.predict.same': 'stay within 5',
  'kernel-svm.predict.more': 'rise',
  'kernel-svm.predict.ready': 'Train the RBF kernel at a γ above {gamma} to convergence first.',
  'kernel-svm.predict.seen': 'The support vectors at a γ of {gamma} or less were on screen before you predicted, so a prediction made on this page now is practice and is not recorded.',
  'kernel-svm.predict.glimpsed': 'The support vectors at γ = {gamma} were on screen before this prediction was locked in, and they show which way the count moves as γ comes down, so a prediction made on this page now is practice and is not recorded.',
  'kernel-svm.predict.next': 'Now slide γ down to {gamma}.',
  // The question is about the RBF kernel on the circles at C = {predictC}; `data`, `kernel` and `C`
  // (C as its readout shows it, or '') say which of these differ here.
  'kernel-svm.predict.offReady': ({ data, kernel, C, predictC }) => `This prediction is about the RBF kernel on the circles at C = ${predictC}, and here ${offSettingsText({ data, kernel, C })}. ${capitalised(backToSettings({ data, kernel, C, predictC }))} first, then lock in your prediction.`,
  'kernel-svm.predict.offRun': ({ data, kernel, C, predictC, gamma }) => `This run does not test your prediction: it is about the RBF kernel on the circles at C = ${predictC}, and here ${offSettingsText({ data, kernel, C })}. ${capitalised(backToSettings({ data, kernel, C, predictC }))}, and the run at γ = ${gamma} will settle it.`,
  'kernel-svm.predict.why': ({ C, startGamma, startCount, gamma, count, total, accuracy, more }) => `C = ${C}, γ = ${startGamma}: ${countOf(startCount, 'support vector')}; γ = ${gamma}: ${countOf(count, 'support vector')} of ${total}, with ${accuracy}% of the training points right. ${more ? 'So wide a kernel can only draw a nearly straight boundary, which cannot follow the classes: many points fall within the street or across the boundary, and every one of those is a support vector. A smooth boundary is not automatically a sparse one.' : ''}`,
  'kernel-svm.predict.newData': 'New data: predict again.',
  'kernel-svm.predict.changed': 'The settings changed: predict again.',
  // The kernel in a message.
  'kernel-svm.kernelText.rbf': 'RBF, γ = {gamma}',
  'kernel-svm.kernelText.poly': 'degree-{degree} polynomial, γ = {gamma}',
  'kernel-svm.kernelText.linear': 'linear',
  'kernel-svm.untrained': 'Untrained (all α = 0). Press Play or Step: each step makes up to 50 SMO pair updates.',
  'kernel-svm.note.largeGamma': ' With γ this large each point gets its own small bump: the boundary hugs the training points (overfitting).',
  'kernel-svm.note.smallGamma': ' With γ this small the kernel barely varies and the boundary is almost a straight line.',
  'kernel-svm.note.linear': ' No straight line separates these classes: a kernel is needed.',
  'kernel-svm.result': ({ accuracy, support }) => `${accuracy}% of training points right, ${countOf(support, 'support vector')} carry the whole boundary.`,
  'kernel-svm.converged': 'Converged ({kernel}, C = {C}): the solver\'s optimality test is met (KKT violation below {tolerance}) and primal − dual is down to {gap}. {result}{note}',
  'kernel-svm.stopped': ({ kernel, C, tolerance, gap, share, primal, largeC, result, note }) => `Stopped, not at the optimum (${kernel}, C = ${C}): the solver's KKT test is met (violation below ${tolerance}), but primal − dual is still ${gap}, ${share} of the primal ${primal}.${largeC ? ' With C this large each small margin violation the test leaves costs C times as much in the primal.' : ''} ${result}${note}`,
  'kernel-svm.training': 'Training ({kernel}): {updates} pair updates so far; KKT violation {violation} (stops below {tolerance}).',
  'kernel-svm.readAt': ({ x, y, f, cls, inside }) => `At (${x}, ${y}): f(x) = ${f}, so the SVM says class ${cls}${inside ? ' — inside the margin' : ''}.`,
  'kernel-svm.axis.x': 'x₁',
  'kernel-svm.axis.y': 'x₂',
};
