// Every word the primer-sum widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'primer-sum.title': 'Σ: adding up the squared errors',
  'primer-sum.hint': 'Drag a point up or down (or focus the figure: Up/Down move a point, Left/Right pick another). Each square is one term; Σ adds the three.',
  'primer-sum.plot': 'Three points, a line and their squared errors',
  'primer-sum.stat.term': '(ŷ{i} − y{i})²',
  'primer-sum.stat.sum': 'Σ',
  'primer-sum.sum': 'Σ (ŷᵢ − yᵢ)² for i = 1 to 3 = {terms} = {total}',
  'primer-sum.figure': 'Points at y = {ys}; line ŷ = {w}x + {b}; sum of squared errors {total}; point {selected} selected',
  // The keyboard's selected point is drawn as a highlighted handle; the status says it in words.
  'primer-sum.keys': 'Up/Down move the selected point, point {number} (x = {x}, y = {y}), by 0.1 (Shift: 1); Left/Right pick another point; Escape puts the points back.',
  'primer-sum.selected': 'Point {number} (x = {x}, y = {y}) selected: Up/Down move it, Left/Right pick another.',
  'primer-sum.axis.x': 'x',
  'primer-sum.axis.y': 'y',
};
