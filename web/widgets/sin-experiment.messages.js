// Every word the sin-experiment widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
import { countOf } from '../lib/format.js';

const betterDegrees = (n) => `${countOf(n, 'other degree')} ${n === 1 ? 'does' : 'do'} a little better`;

export const messages = {
  'sin-experiment.title': 'Underfit, just right, overfit',
  'sin-experiment.hint': 'Slide the polynomial degree from 1 to 11 and watch the curve and the train and test errors. Which degree does best on the 200 test points it never saw? Find the one with the lowest test error and press Choose this degree.',
  'sin-experiment.plot': 'Training points, true curve and fitted polynomial',
  'sin-experiment.legend.fit': 'Blue dots: the 12 noisy training points. Dashed grey: the true sin(x), where the 200 clean test points lie. Solid black (white in dark mode): the fitted polynomial.',
  'sin-experiment.errPlot': 'Train and test error for every degree',
  'sin-experiment.legend.errors': 'Error against degree (log scale), for each degree you have set on these dots. Solid: training MSE. Dashed with hollow dots: test MSE.',
  'sin-experiment.table.model': 'model',
  'sin-experiment.table.train': 'train MSE',
  'sin-experiment.table.test': 'test MSE',
  'sin-experiment.table.verdict': 'verdict',
  'sin-experiment.table.caption': 'Training and test mean squared error by polynomial degree',
  'sin-experiment.table.degree': 'degree {degree}',
  'sin-experiment.slider.degree': 'degree',
  'sin-experiment.choose': 'Choose this degree',
  'sin-experiment.degreeButton': 'Degree {degree}',
  'sin-experiment.newNoise': 'New noise',
  // The two sets of training dots: the engine's noise for a seed, or the original NumPy run's twelve.
  'sin-experiment.dots': 'dots',
  'sin-experiment.dots.seeded': 'seeded noise',
  'sin-experiment.dots.numpy': 'NumPy run',
  'sin-experiment.stat.degree': 'degree',
  'sin-experiment.stat.train': 'train MSE',
  'sin-experiment.stat.test': 'test MSE',
  'sin-experiment.stat.best': 'best so far',
  'sin-experiment.predict.question': 'Degree 11 passes through all 12 dots. Its test MSE, against degree 3’s, will be…',
  'sin-experiment.predict.lower': 'lower',
  'sin-experiment.predict.similar': 'up to twice as high',
  'sin-experiment.predict.few': '2 to 10 times as high',
  'sin-experiment.predict.far': 'more than 10 times as high',
  'sin-experiment.predict.seen': 'Degrees 3 and 11 have both been on screen with these dots, so their test errors are already known. Press New noise for twelve fresh dots, then predict before you set either degree.',
  'sin-experiment.predict.glimpsed': 'The lowest test MSE has been on screen beside degree 11’s before a prediction was locked in, so a prediction on this page now is practice and is not recorded.',
  'sin-experiment.predict.again': 'Now move the slider away from 11 and back to degree 11.',
  'sin-experiment.predict.set11': 'Now set the degree to 11.',
  'sin-experiment.predict.timesHigher': '{ratio} times as high',
  'sin-experiment.predict.timesLower': '{ratio} times lower',
  'sin-experiment.predict.why': 'On the 200 test points degree 11 scores {test11} and degree 3 {test3}: {ratio}, although degree 11\'s training MSE is {train11}. Twelve coefficients can thread every noisy dot, and between the dots the curve swings far from the wave.',
  'sin-experiment.verdict.failed': 'failed',
  'sin-experiment.verdict.justRight': 'just right',
  'sin-experiment.verdict.overfit': 'overfit',
  'sin-experiment.verdict.underfit': 'underfit',
  'sin-experiment.says.best': 'Degree {degree} is just right: its test MSE {test} is the lowest any degree reaches. It follows the wave, not the noise.',
  // {better}: how many degrees have a lower test MSE as shown (one fixed "one degree" was wrong
  // whenever two or more did better).
  'sin-experiment.says.justRight': ({ degree, test, margin, lowest, better }) => `Degree ${degree} is just right: test MSE ${test} is within ${margin} of the lowest any degree reaches, ${lowest}. It follows the wave, not the noise; ${betterDegrees(better)}.`,
  'sin-experiment.says.overfit': 'Degree {degree} overfits: it fits the training points at least as closely as the degree with the lowest test MSE (training MSE {train} against {bestTrain}), but its test MSE {test} is {times}× the lowest any degree reaches ({lowest}). The curve bends to pass through the noise and swings between the points.',
  // Degree 11's test MSE on screen, degree 3's not, nothing predicted: the lowest is left out, as
  // beside degree 11's error it would answer the Predict box (sin-experiment.js, lowestWithheld).
  'sin-experiment.says.overfitAlone': 'Degree {degree} overfits: it fits the training points at least as closely as the degree with the lowest test MSE (its training MSE is {train}), but its test MSE {test} is more than {margin} above the lowest any degree reaches. The curve bends to pass through the noise and swings between the points.',
  'sin-experiment.says.justRightAlone': ({ degree, test, margin, better }) => `Degree ${degree} is just right: test MSE ${test} is within ${margin} of the lowest any degree reaches. It follows the wave, not the noise; ${betterDegrees(better)}.`,
  'sin-experiment.says.underfit': 'Degree {degree} underfits: training MSE {train} and test MSE {test} are both high. The curve is too stiff to follow the wave.',
  'sin-experiment.says.failed': 'The engine could not fit this degree.',
  'sin-experiment.figure': 'Degree {degree} polynomial through 12 noisy points of sin(x): train MSE {train}, test MSE {test}, {verdict}',
  // `tied`: the other degrees whose test MSE reads the same to three decimals (formatted); either pick counts.
  'sin-experiment.found': ({ degree, test, tied }) => `Found it: degree ${degree} has the lowest test MSE of all eleven degrees (${test}${tied && tied.length ? `, as ${tied.length === 1 ? 'does degree' : 'do degrees'} ${tied.length === 1 ? tied[0] : `${tied.slice(0, -1).join(', ')} and ${tied[tied.length - 1]}`}: to the three decimals shown they are equally low, so either pick counts` : ''}). It generalises best to these 200 points, although degree 11 fits the training points better. Picking it by them has used them as a validation set: a real project would still score it once on a fresh test set, kept untouched until then.`,
  'sin-experiment.foundLate': 'It was not your first pick, so it completes the check without scoring: your first pick is the one your progress records. Later picks, on these dots or after New noise, are practice.',
  'sin-experiment.practice': '(Practice: your first pick is the one your progress records.)',
  // The lesson's text that names the best degree, opened by the learner before any pick was recorded.
  'sin-experiment.readFirst': 'You opened “What the widget shows” before your first pick, and it names the best degree: picks on this page are practice and are not recorded.',
  'sin-experiment.practiceRead': '(Practice: you opened “What the widget shows”, which names the best degree, before your first pick, so this pick is not recorded.)',
  'sin-experiment.report': 'Find the degree with the lowest test error',
  'sin-experiment.close': 'Close: degree {degree} is just right (test MSE {test}, within {margin} of the lowest), but another degree does a little better on the test points.',
  'sin-experiment.notThis': ({ degree, test, times, lowest, overfit }) => `Not degree ${degree}: its test MSE ${test} is ${times}× the lowest, ${lowest} (it ${overfit ? 'overfits' : 'underfits'}).`,
  'sin-experiment.follow': '{why} Follow the dashed test-error curve to its lowest point.',
  'sin-experiment.axis.x': 'x',
  'sin-experiment.axis.y': 'y',
  'sin-experiment.errAxis.x': 'degree',
  'sin-experiment.errAxis.y': 'log₁₀ MSE',
};
