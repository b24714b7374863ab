// Every word the primer-slope widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'primer-slope.title': 'The slope of the loss: ∂L/∂w',
  'primer-slope.hint': 'Move w with the slider, or drag the dot along the curve (arrow keys when the figure has focus). The solid line touches the curve; its slope is ∂L/∂w. Shrink h and the dashed chord’s slope closes in on it.',
  'primer-slope.plot': 'The loss L(w) with its tangent',
  'primer-slope.slider.w': 'w',
  'primer-slope.slider.h': 'chord run h',
  'primer-slope.stat.loss': 'L(w)',
  'primer-slope.stat.grad': '∂L/∂w',
  'primer-slope.stat.chord': 'chord slope, w to w + h',
  'primer-slope.flat': '∂L/∂w = 0: the tangent is flat. This w is the bottom of the curve.',
  'primer-slope.falling': '∂L/∂w = {grad}: the loss falls as w grows, about {drop} for each unit (while the step is small). Increase w to go downhill.',
  'primer-slope.rising': '∂L/∂w = {grad}: the loss rises as w grows, about {grad} for each unit (while the step is small). Decrease w to go downhill.',
  'primer-slope.figure': 'Loss curve over w with b = {b}; at w = {w} the loss is {loss} and the slope {grad}',
  'primer-slope.axis.x': 'w',
  'primer-slope.axis.y': 'L(w)',
};
