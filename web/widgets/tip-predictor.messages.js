// Every word the tip-predictor widget shows a learner (English). Numbers (and dollar amounts)
// arrive formatted (web/lib/format.js, formatMoney()); another language adds the same keys with
// addMessages (web/lib/messages.js).
// "a" or "an" before a dollar amount, by how its whole dollars are said: an $8.15, an $80.00, an
// $11.00, an $18 000.00 tip; a $50.00 bill.
function article(amount) {
  const dollars = String(amount).replace(/[^\d.]/g, '').split('.')[0].replace(/^0+(?=\d)/, '');
  const eleven = dollars.length % 3 === 2 && /^1[18]/.test(dollars);
  return dollars.startsWith('8') || eleven ? 'an' : 'a';
}

export const messages = {
  'tip-predictor.title': 'Predict a tip',
  'tip-predictor.hint': 'Type a bill amount (or click the chart) to see the tip the line predicts. Nudge w and b to see the MSE on the example bills change.',
  'tip-predictor.bill.empty': 'Type a bill amount in dollars, for example 42.50.',
  'tip-predictor.bill.refused': 'The bill is not read: {reason}. Type it in dollars, like 42.50.',
  'tip-predictor.bill.negative': 'A bill cannot be negative: there is nothing to tip on a refund.',
  'tip-predictor.bill.absurd': 'A bill of {bill} is absurd for a restaurant. The line was trained on bills between {low} and {high}; it would still answer, but nobody should trust that answer.',
  'tip-predictor.bill.label': 'bill x (dollars)',
  'tip-predictor.plot': 'Bill versus tip with the model line',
  'tip-predictor.table.bill': 'bill x ($)',
  'tip-predictor.table.tip': 'tip y ($)',
  'tip-predictor.table.prediction': 'ŷ ($)',
  'tip-predictor.table.error': 'ŷ\u00a0−\u00a0y ($)',
  'tip-predictor.table.squared': '(ŷ\u00a0−\u00a0y)² ($²)',
  'tip-predictor.table.caption': 'Example bills, their real tips, the line\'s predictions and errors',
  'tip-predictor.slider.w': 'slope w (tip per dollar)',
  'tip-predictor.slider.b': 'intercept b (base tip, $)',
  'tip-predictor.useTrained': 'Use w = {w}, b = {b}',
  'tip-predictor.bestLine': 'Best line for these tips',
  'tip-predictor.stat.tip': 'predicted tip',
  'tip-predictor.stat.mse': 'MSE on examples',
  'tip-predictor.stat.best': 'best possible MSE',
  'tip-predictor.unit.squaredDollars': '$²',
  'tip-predictor.predict.question': 'The best line for these receipts will have a base tip b…',
  'tip-predictor.predict.above': 'above $0.50',
  'tip-predictor.predict.between': 'between $0 and $0.50',
  'tip-predictor.predict.negative': 'below $0, a negative base tip',
  'tip-predictor.predict.seen': 'The best line for these receipts was on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'tip-predictor.predict.next': 'Now press “Best line for these tips” and read b.',
  'tip-predictor.predict.why': 'The least-squares line for these {count} receipts has w = {w} and b = {b}. The receipts\' bills run from {first} to {last}, so they fix the slope well; b is the line\'s value at a $0 bill, far from all of them, and a little noise tilts the line enough to move it a lot.',
  'tip-predictor.table.mean': 'mean of the squared errors: MSE',
  'tip-predictor.sum': 'ŷ = {w} × {bill} {b} {equals} {tip}',
  'tip-predictor.negativeTip': 'With b = {b} the line predicts a negative tip ({tip}) for this bill — a sign the parameters are off, since nobody tips a negative amount.',
  'tip-predictor.zeroBill': 'A bill of $0 gets just the intercept: b = {b}, the “base tip” the line adds to every bill. It lies outside the bills the line was trained on ({low} to {high}): extrapolation, which nothing in the data supports.',
  'tip-predictor.outside': '{bill} lies outside the bills the line was trained on ({low} to {high}). The line still answers, but this is extrapolation: nothing in the data says tipping stays linear out there.',
  'tip-predictor.predicts': ({ bill, tip, cents, b }) => `For ${article(bill)} ${bill} bill the line predicts ${article(tip)} ${tip} tip: ${cents} cents per dollar plus a base of ${b}.`,
  'tip-predictor.waiting': 'ŷ = w × bill + b — waiting for a valid bill.',
  'tip-predictor.figure': 'Bill versus tip: {count} example bills and the line tip = {w} × bill {b}',
  'tip-predictor.axis.x': 'bill ($)',
  'tip-predictor.axis.y': 'tip ($)',
  'tip-predictor.mark': 'ŷ = {tip}',
  'tip-predictor.reset': 'The settings changed: the prediction no longer applies. Predict again.',
};
