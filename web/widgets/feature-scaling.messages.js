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
  // k = 1 is one neighbour deciding alone (as knn-vote says it); an even k can tie, and the engine
  // gives a tie to the lower label.
  'feature-scaling.neighbours': ({ age, income, k, youngest, oldest, votes, one, many, called }) => (k === 1
    ? `The query (age ${age}, income ${income} €) takes the class of its single nearest neighbour, ${one} aged ${youngest}, so it is called ${called}.`
    : `The query (age ${age}, income ${income} €) has its ${k} nearest neighbours ${youngest === oldest ? `all aged ${youngest}` : `aged ${youngest} to ${oldest}`}; ${2 * votes === k
      ? `the vote ties ${votes}–${votes}, and a tie goes to the lower label, so it is called ${called}.`
      : `${votes} of ${k} are ${many}, so it is called ${called}.`}`),
  'feature-scaling.class.0': 'orange',
  'feature-scaling.class.1': 'blue',
  'feature-scaling.classOne.0': 'an orange triangle',
  'feature-scaling.classOne.1': 'a blue circle',
  'feature-scaling.classMany.0': 'orange triangles',
  'feature-scaling.classMany.1': 'blue circles',
  'feature-scaling.legend': 'p(blue circle), the share of blue votes:',
  'feature-scaling.legend.low': '0 (▲ orange)',
  'feature-scaling.legend.high': '1 (● blue)',
  'feature-scaling.legend.boundary': 'the model’s boundary, p = 0.5',
  'feature-scaling.axis.x': 'age (years)',
  'feature-scaling.axis.y': 'income (thousand €)',
};
