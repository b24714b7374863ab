// Every word the feature-scaling widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'feature-scaling.title': 'Feature scaling: who counts as a neighbour?',
  'feature-scaling.hint': 'The same k-NN, the same points, two features in very different units. Toggle standardisation and watch the boundary and the circled neighbours of the query change. Click (or use the arrow keys) to move the query.',
  'feature-scaling.plot': 'k-NN boundary on age and income',
  'feature-scaling.newPoints': 'New points',
  'feature-scaling.slider.k': 'k (neighbours)',
  'feature-scaling.stat.mode': 'features',
  'feature-scaling.stat.raw': 'test accuracy, raw',
  'feature-scaling.stat.scaled': 'test accuracy, standardised',
  'feature-scaling.toggle.raw': 'Show raw units',
  'feature-scaling.toggle.scaled': 'Standardise features',
  'feature-scaling.mode.scaled': 'standardised',
  'feature-scaling.mode.raw': 'raw units',
  'feature-scaling.note.scaled': 'Standardised: age\' = (age − {ageMean}) / {ageSd} and income\' = (income − {incomeMean}) / {incomeSd}. One standard deviation of either feature now counts the same, so the neighbours are close in both.',
  'feature-scaling.scaled': 'Standardised: {scaled} of fresh test points right, against {raw} in raw units. The boundary follows both features.',
  'feature-scaling.note.raw': 'Raw units: a gap of 1 year of age counts as much as 1 euro of income. Incomes differ by thousands, so the “nearest” points are simply those with the closest income — look how the circled neighbours spread across all ages.',
  'feature-scaling.raw': 'Raw units: {raw} of fresh test points right. The boundary runs in horizontal stripes: age is effectively ignored.',
  'feature-scaling.figure': ({ scaled, age, income }) => `k-NN boundary on ${scaled ? 'standardised' : 'raw'} features; query at age ${age}, income ${income}`,
  'feature-scaling.axis.x': 'age (years)',
  'feature-scaling.axis.y': 'income (thousand €)',
};
