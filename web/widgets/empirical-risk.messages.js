// Every word the empirical-risk widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'empirical-risk.title': 'Three houses: the empirical risk of a line',
  'empirical-risk.hint': 'Set w and b with their sliders or by pulling the round handles on the chart (the arrow keys work too once the figure has focus). Each bar is a miss; the table squares the misses and averages them.',
  'empirical-risk.plot': 'Three houses and the line',
  'empirical-risk.table.caption': 'Area x in square feet; price y, prediction ŷ and miss ŷ − y in thousands',
  'empirical-risk.table.house': 'house',
  'empirical-risk.table.x': 'x',
  'empirical-risk.table.y': 'y',
  'empirical-risk.table.prediction': 'ŷ',
  'empirical-risk.table.miss': 'ŷ − y',
  'empirical-risk.table.squared': '(ŷ − y)²',
  'empirical-risk.table.mean': 'mean = empirical risk',
  'empirical-risk.slider.w': 'slope w',
  'empirical-risk.slider.b': 'intercept b',
  'empirical-risk.showBest': 'Show the best line',
  'empirical-risk.reset': 'Reset',
  'empirical-risk.stat.risk': 'empirical risk',
  'empirical-risk.stat.best': 'best so far',
  'empirical-risk.predict.question': 'At w = 0.1, raising b from 0 to 50 halves every miss. The empirical risk will be',
  'empirical-risk.predict.unit': 'thousands²',
  'empirical-risk.predict.next': 'Now set w to 0.1 and b to 50.',
  'empirical-risk.predict.seen': 'The risk at w = 0.1, b = 50 has been on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'empirical-risk.predict.why': 'Every miss is now {miss} instead of {before}, and squared that is {squared} instead of {squaredBefore}: half the miss, a quarter of the risk, because each miss counts squared.',
  // Show the best line: no score for it, and the houses never change, so a round after Reset is
  // practice (recorded: a win of the learner's own is recorded, this round's or the lesson's).
  'empirical-risk.revealed': ({ w, b, risk, recorded }) => `This is the least-squares line: ŷ = ${w}x ${b}, empirical risk ${risk}. It was shown, not found, so ${recorded ? 'it scores nothing; your own win is already recorded' : 'this round has no score'}. These three houses never change, so a round after Reset is practice and is not recorded.`,
  // Show the best line, then the line moved: still the round the reveal ended.
  'empirical-risk.revealedMoved': ({ risk, recorded }) => `Empirical risk ${risk}. The least-squares line was shown in this round, so it has no score${recorded ? ' (your own win is already recorded)' : ''}. These three houses never change, so a round after Reset is practice and is not recorded.`,
  // A round after Show the best line (Reset, or a reload of one): practice, never reported.
  'empirical-risk.reachedPractice': ({ risk, goal, recorded }) => `Empirical risk ${risk}: under the goal of ${goal}, but this round is practice: Show the best line has given the answer, and these three houses never change, so it is not recorded${recorded ? ' (your own win is already recorded)' : ''}.`,
  'empirical-risk.practiceNote': ({ recorded }) => ` This round is practice: Show the best line has given the answer, and these three houses never change, so a line you set now is not recorded${recorded ? ' (your own win is already recorded)' : ''}.`,
  // The lesson's text that names the best line, opened by the learner before a win was recorded:
  // every round on this page is practice, never reported.
  'empirical-risk.reachedRead': 'Empirical risk {risk}: under the goal of {goal}, but this round is practice: you opened “What the widget shows”, which names the best line, before winning, so it is not recorded.',
  'empirical-risk.readNote': ' This round is practice: you opened “What the widget shows”, which names the best line, before winning, so a line you set on this page is not recorded.',
  'empirical-risk.badShown': 'the mark for a round after Show the best line (s) must be 1 or left out',
  // A line under the goal that came with the page (its settings, its address or a Share link), before any move of the learner's.
  'empirical-risk.givenUnder': ({ risk, goal, recorded }) => `Empirical risk ${risk}: under the goal of ${goal}, but this line came with the page, not from your moves, so it is not scored${recorded ? ' (your own win, from an earlier visit, is already recorded)' : ''}. Move the line yourself: a line of yours under ${goal} counts.`,
  'empirical-risk.badMark': 'the mark for a round that Show the best line ended (r) must be 1 or left out',
  'empirical-risk.reached': ({ risk, goal, zero }) => `Empirical risk ${risk}: under the goal of ${goal}, with a line of your own: that completes this activity. ${zero ? 'No line can do better: every miss is zero.' : 'Can you bring it to 0?'}`,
  'empirical-risk.reportTitle': 'Empirical risk under {goal}',
  'empirical-risk.aboveGoal': 'Empirical risk {risk}. The goal is under {goal}: shorten the longest bars first, since a miss counts squared.',
  'empirical-risk.selected': 'Selected: the {end} handle, at x = {x} square feet. Up/Down move it (Shift for bigger moves).',
  'empirical-risk.end.0': 'left',
  'empirical-risk.end.1': 'right',
  'empirical-risk.figure.miss': 'house {house} {miss}',
  'empirical-risk.figure': 'The line ŷ = {w}x {b} through {n} houses; misses {misses}; empirical risk {risk}',
  'empirical-risk.axis.x': 'floor area x (square feet)',
  'empirical-risk.axis.y': 'price y (k)',
};
