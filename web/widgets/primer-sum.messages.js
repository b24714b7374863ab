// Every word the primer-sum widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'primer-sum.title': 'Σ: adding up the squared errors',
  'primer-sum.hint': 'Drag a point up or down (or focus the figure: Up/Down move a point, Left/Right pick another). Each square is one term; Σ adds the three.',
  'primer-sum.plot': 'Three points, a line and their squared errors',
  'primer-sum.stat.term': '(ŷ{i} − y{i})²',
  'primer-sum.stat.sum': 'Σ',
  'primer-sum.sum': 'Σ (ŷᵢ − yᵢ)² for i = 1 to 3 = {terms} = {total}',
  'primer-sum.figure': 'Points at y = {ys}; line ŷ = {w}x + {b}; sum of squared errors {total}',
  'primer-sum.axis.x': 'x',
  'primer-sum.axis.y': 'y',
};
