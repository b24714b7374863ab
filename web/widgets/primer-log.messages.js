// Every word the primer-log widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'primer-log.title': 'ln: turning products into sums',
  'primer-log.hint': 'Slide a and b. The curve is −ln p, the loss of one prediction; ln(a·b) always equals ln a + ln b.',
  'primer-log.plot': 'The curve −ln p with the points a, b and a·b',
  'primer-log.slider.a': 'a',
  'primer-log.slider.b': 'b',
  'primer-log.stat.lnA': 'ln a',
  'primer-log.stat.lnB': 'ln b',
  'primer-log.stat.sum': 'ln a + ln b',
  'primer-log.stat.ab': 'a·b',
  'primer-log.stat.lnAB': 'ln(a·b)',
  // "≈" when the two rounded terms do not add up to the rounded sum (−1.109 + (−1.109) ≈ −2.217).
  'primer-log.explain': ({ a, b, ab, lnAB, lnA, lnB, sum, loss, approx }) => `ln(${a} × ${b}) = ln ${ab} = ${lnAB}, and ln ${a} + ln ${b} = ${lnA} + (${lnB}) ${approx ? '≈' : '='} ${sum}. The loss of both examples, ${loss}, is the sum of their losses.`,
  'primer-log.figure': '−ln a = {lossA}, −ln b = {lossB}, −ln(a·b) = {lossAB}',
  'primer-log.axis.x': 'p',
  'primer-log.axis.y': '−ln p',
  'primer-log.mark.a': 'a',
  'primer-log.mark.b': 'b',
  'primer-log.mark.ab': 'a·b',
};
