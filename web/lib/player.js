// Play/Pause for animated widgets, wired one way everywhere (docs/design.md: Play/Pause, Step, Reset
// in that order; animations pause off-screen and respect prefers-reduced-motion). player()
// adds the primary Play button to `row` (call it before adding Step and Reset) and runs `tick`
// on frame.js's one animation loop, which already skips frames while the card is off-screen or
// the tab is hidden. Under prefers-reduced-motion, Play runs `reduced()` once instead: the
// learner steps on demand and nothing moves by itself.
//
//   start()       runs on every press of Play before anything else (e.g. "restart if finished");
//                 return false to not play;
//   reduced()     what Play does under reduced motion;
//   onStart()     the animation is starting (after the reduced-motion check);
//   tick(time)    one animation step; return false to stop;
//   every         milliseconds between ticks (a number or a function returning one), or
//   everyFrames   run tick on every n-th frame only;
//   onStop()      after every stop() (the button says Play again);
//   onError(err)  an exception in tick (default: the card's message line says what went wrong);
//   quiet         true when tick rewrites the message line (many times a second): it is hushed
//                 while playing and says its last words once on Pause (card.hush in ui.js); an
//                 array of further live regions hushes those too.
// The returned stop() is safe to call at any time; a widget's destroy() must call it.
import { animate, prefersReducedMotion } from './frame.js';
import { button, describeError } from './ui.js';

export function player(row, card, {
  start, reduced, onStart, tick, every = 0, everyFrames = 1, onStop, quiet = false, label = card.t('player.play'),
  onError = (err) => card.setMessage(describeError(err, card.t), 'bad'),
}) {
  let stopAnimation = null;
  const playButton = button(row, label, () => toggle(), { primary: true });

  function toggle() {
    if (stopAnimation) { stop(); return; }
    if (start && start() === false) return;
    if (prefersReducedMotion()) { if (reduced) reduced(); return; }
    if (onStart) onStart();
    if (quiet) card.hush(quiet === true ? [] : quiet);
    playButton.textContent = card.t('player.pause');
    let last = -Infinity;
    let frame = 0;
    stopAnimation = animate(card.card, (time) => {
      frame += 1;
      if (frame % everyFrames) return;
      const wait = typeof every === 'function' ? every() : every;
      if (time - last < wait) return;
      last = time;
      if (tick(time) === false) stop();
    }, (err) => { stop(); onError(err); });
  }

  function stop() {
    const wasPlaying = stopAnimation !== null;
    if (stopAnimation) stopAnimation();
    stopAnimation = null;
    playButton.textContent = label;
    if (quiet && wasPlaying) card.speak();
    if (onStop) onStop();
  }

  return {
    button: playButton,
    toggle,
    stop,
    get playing() { return stopAnimation !== null; },
  };
}
