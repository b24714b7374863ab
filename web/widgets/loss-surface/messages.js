// Every word the loss-surface widget shows a learner (English), its verdicts on a path
// (surfaces.js describePath) included. Numbers arrive formatted (web/lib/format.js); another
// language adds the same keys with addMessages (web/lib/messages.js). Counts arrive as numbers
// and agree with their noun through format.js countOf ("after 1 step", "after 2 steps").
import { countOf } from '../../lib/format.js';

export const messages = {
  'loss-surface.title': 'Gradient descent on the loss surface',
  'loss-surface.hint': 'Click the map (or focus it and press Enter) to drop the ball, then press Play. Try a smaller and a larger learning rate and compare how the ball gets down, or whether it does.',
  'loss-surface.plot': 'Loss surface heat map',
  'loss-surface.legend.initial': 'loss (MSE):',
  'loss-surface.legend.bowl': 'MSE of the line (log scale):',
  'loss-surface.legend.other': 'loss (log scale):',
  'loss-surface.step': 'Step',
  'loss-surface.reset': 'Reset',
  'loss-surface.slider.eta': 'learning rate η',
  'loss-surface.select.optimizer': 'optimiser',
  'loss-surface.choice.optimizer.sgd': 'SGD (plain gradient descent)',
  'loss-surface.choice.optimizer.momentum': 'Momentum',
  'loss-surface.choice.optimizer.rmsprop': 'RMSProp',
  'loss-surface.choice.optimizer.adam': 'Adam',
  'loss-surface.choice.optimizer.race': 'Race all four',
  'loss-surface.select.surface': 'surface',
  'loss-surface.choice.surface.bowl': 'MSE bowl of a line fit',
  'loss-surface.choice.surface.ravine': 'Ravine (narrow valley)',
  'loss-surface.choice.surface.rosenbrock': 'Rosenbrock banana',
  'loss-surface.choice.surface.saddle': 'Saddle',
  // An optimiser's short name in messages, the race and its legend.
  'loss-surface.optimizer.sgd': 'SGD',
  'loss-surface.optimizer.momentum': 'Momentum',
  'loss-surface.optimizer.rmsprop': 'RMSProp',
  'loss-surface.optimizer.adam': 'Adam',
  'loss-surface.stat.loss': 'loss',
  'loss-surface.stat.step': 'step',
  'loss-surface.stat.w': 'w',
  'loss-surface.stat.b': 'b',
  'loss-surface.stat.x': 'x',
  'loss-surface.stat.y': 'y',
  'loss-surface.stat.minimum': 'minimum loss',
  'loss-surface.diverged': 'diverged',
  'loss-surface.predict.question': 'On the saddle surface, from its starting spot, the ball will end…',
  'loss-surface.predict.valley': 'in one of the two valleys',
  'loss-surface.predict.saddle': 'stuck on the flat spot in the middle',
  'loss-surface.predict.off': 'off the map',
  'loss-surface.predict.seen': 'A whole run from the saddle\'s starting spot was on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'loss-surface.predict.glimpsed': 'Steps of a run from the saddle\'s starting spot were on screen before a prediction was locked in, and they show where the ball is heading, so a prediction made on this page now is practice and is not recorded.',
  // What to do once locked: the Saddle, the starting spot and the learning rate the question is about
  // (judged, the η the widget opened with; a change of surface keeps η).
  'loss-surface.predict.next': ({ onSaddle, offStart, etaOff, judged }) => (!onSaddle ? `Now choose the Saddle surface${etaOff ? `, set η back to ${judged}` : ''} and press Play; let the run finish.`
    : offStart ? `Now ${etaOff ? `set η back to ${judged}, ` : ''}press Reset to put the ball back on its starting spot, then press Play and let the run finish.`
      : etaOff ? `Now set η back to ${judged}, then press Play and let the run finish.` : 'Now press Play and let the run finish.'),
  // A run from a dropped point does not test a prediction about the starting spot.
  'loss-surface.predict.offStart': 'Your prediction is about the starting spot ({x0}, {y0}), but this run started at ({x}, {y}), so it stays locked. Press Reset to put the ball back on the starting spot, then press Play.',
  // A learning rate other than the one the question is about is another experiment (at η = 1 plain
  // SGD bounces for ever, at 1.5 it flies off): the box says so and stays locked.
  'loss-surface.predict.offEta': ({ eta, judged, offStart }) => `This run does not test your prediction: it uses η = ${eta}, and the question is about the learning rate the widget opened with, η = ${judged}. Set η back to ${judged}${offStart ? ', press Reset to put the ball back on its starting spot' : ''} and press Play; your prediction stays locked until then.`,
  // A finished run from the starting spot that ends in none of the three choices.
  'loss-surface.predict.noFit': ({ where, name, text }) => `${where} ${name} is ${text}. That is none of the three choices (a valley, the flat spot in the middle, off the map), so this run does not settle your prediction, and it stays locked.`,
  // The verdict stays on screen while the learner changes η or the optimiser, so it names the run it judged.
  'loss-surface.predict.where': ({ name, eta, x, y, loss, steps }) => `In that run (${name}, η = ${eta}) the ball started at (${x}, ${y}) and ended at loss ${loss} after ${countOf(steps, 'step')}.`,
  'loss-surface.predict.why': '{where} {why}',
  'loss-surface.predict.why.saddle': 'On the line y = 0 the gradient has no sideways part, so the ball rolls along x to the origin, where the gradient is zero: a flat spot that is not the lowest one (the valleys reach −0.25).',
  'loss-surface.predict.why.valley': 'Started off the line y = 0, the small sideways slope grows as the ball leaves the ridge, and it rolls down into a valley.',
  'loss-surface.predict.why.off': 'The learning rate is too large for this surface.',
  'loss-surface.verdict': '{name}: {text}.',
  'loss-surface.race.part': '{name} {loss}',
  'loss-surface.race': ({ steps, parts }) => `Race, loss after ${countOf(steps, 'step')} — ${parts}.`,
  'loss-surface.race.bottom': ' At the bottom: {names}.',
  'loss-surface.race.bouncing': ' Bouncing without getting lower: {names}.',
  'loss-surface.race.saddle': ' Stalled at a saddle point, where the gradient is almost zero but the lowest loss is {lowest}: {names}. Drop the balls a little to one side to let them escape.',
  'loss-surface.figure': ({ x, y, loss, steps }) => `Loss surface heat map; ball at (${x}, ${y}) with loss ${loss} after ${countOf(steps, 'step')}`,
  'loss-surface.cursor': 'Cursor at ({x}, {y}), loss {loss}. Press Enter to drop the ball here, Escape to cancel.',
  'loss-surface.axis.w': 'slope w',
  'loss-surface.axis.b': 'intercept b',
  'loss-surface.axis.x': 'x',
  'loss-surface.axis.y': 'y',
  // The state of one ball (surfaces.js describePath).
  'loss-surface.path.diverged': ({ steps, eta }) => `diverged after ${countOf(steps, 'step')}: η = ${eta} is too large, every step overshoots further than the last and the ball flies off the surface`,
  'loss-surface.path.waiting': 'waiting at the start',
  'loss-surface.path.overshooting': 'overshooting: the loss is rising ({first} → {loss}); each step jumps past the valley floor by more than it gains',
  'loss-surface.path.bottom': ({ arrived, loss }) => `reached the bottom in ${countOf(arrived, 'step')} (loss ${loss})`,
  'loss-surface.path.along.x': 'along x',
  'loss-surface.path.along.y': 'along y',
  'loss-surface.path.along.diagonal': 'along a diagonal',
  'loss-surface.path.saddle': ({ steps, loss, lowest, along }) => `stalled at a saddle point: after ${countOf(steps, 'step')} the loss is ${loss}, but the lowest point of this surface is at ${lowest}. Here the gradient is almost zero, so nothing pushes the ball off the ridge, yet the surface still curves down ${along}. A ball exactly on the ridge stays there for ever; drop it a little to one side and it escapes, slowly at first`,
  'loss-surface.path.bouncing': 'bouncing without progress: each step jumps across the valley floor to the other side, and the loss is no lower than at the start ({first} → {loss}); η = {eta} is too large for the ball to settle',
  // A zig-zag whose shown loss got no lower over the last `window` steps, above the lowest point:
  // levelled for plain SGD (the learning rate's doing), zigzagLevel for the other optimisers.
  'loss-surface.path.levelled': ({ window, loss, lowest, eta }) => `bouncing without settling: each step jumps across the valley floor to the other side, and the loss has got no lower over the last ${countOf(window, 'step')} (loss ${loss}, lowest ${lowest}); η = ${eta} is too large for the ball to settle`,
  'loss-surface.path.zigzagLevel': ({ window, loss }) => `zig-zagging: the ball overshoots the valley floor and swings back, and the loss has got no lower over the last ${countOf(window, 'step')} (loss ${loss})`,
  'loss-surface.path.zigzag': 'zig-zagging: the ball overshoots the valley floor and swings back; it still gets lower (loss {loss})',
  'loss-surface.path.crawling': ({ steps, left, eta }) => `crawling: after ${countOf(steps, 'step')} ${left}% of the way down is still left — η = ${eta} is too small for this surface`,
  'loss-surface.path.stopped': ({ steps, loss, lowest }) => `stopped after ${countOf(steps, 'step')}, close to the bottom but not there yet (loss ${loss}, lowest ${lowest})`,
  'loss-surface.path.gliding': 'gliding downhill (step {steps}, loss {loss})',
};
