// Every word the primer-dot widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'primer-dot.title': 'wᵀx: a weighted sum, term by term',
  'primer-dot.hint': 'Move the sliders. Each bar is one weight times its feature; the last bar adds them up.',
  'primer-dot.plot': 'The three products and their sum',
  'primer-dot.group.w': 'Weights',
  'primer-dot.group.x': 'Features',
  'primer-dot.slider.w': 'w{index}',
  'primer-dot.slider.x': 'x{index}',
  'primer-dot.product': 'w{index}x{index}',
  'primer-dot.sum': 'wᵀx',
  'primer-dot.term': '{w} × {x}',
  'primer-dot.working': 'wᵀx = {terms} = {products} = {sum}',
  'primer-dot.figure': 'Products {products}; sum wᵀx = {sum}',
};
