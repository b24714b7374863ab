// One requestAnimationFrame loop per page. Widgets ask for a redraw (coalesced: at most one
// draw per widget per frame) or register an animation tick. Ticks pause while the tab is
// hidden (rAF itself stops) and while the widget is off-screen (IntersectionObserver); when no
// tick is on screen and no draw is pending the loop stops altogether (an idle page asks the
// browser for no frames) and starts again when a ticking widget scrolls back into view.
const pendingDraws = new Set();
const tickers = new Set();
let scheduled = false;

function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(runFrame);
}

function runFrame(time) {
  scheduled = false;
  for (const ticker of [...tickers]) {
    if (!ticker.visible) continue;
    try { ticker.fn(time); } catch (err) { ticker.onError(err); }
  }
  const draws = [...pendingDraws];
  pendingDraws.clear();
  for (const draw of draws) draw();
  for (const ticker of tickers) if (ticker.visible) { schedule(); return; }
}

export function requestDraw(draw) {
  pendingDraws.add(draw);
  schedule();
}

// Drops a pending draw: a widget's destroy() calls this so no draw runs after its engine
// objects are deleted.
export function cancelDraw(draw) {
  pendingDraws.delete(draw);
}

// Calls fn(timeMs) every frame while `element` is on screen, until the returned stop() is called.
export function animate(element, fn, onError = (err) => { throw err; }) {
  const ticker = { fn, onError, visible: true };
  let observer = null;
  if (typeof IntersectionObserver !== 'undefined') {
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) ticker.visible = entry.isIntersecting;
      if (ticker.visible && tickers.has(ticker)) schedule();
    });
    observer.observe(element);
  }
  tickers.add(ticker);
  schedule();
  return function stop() {
    tickers.delete(ticker);
    if (observer) observer.disconnect();
  };
}

export function prefersReducedMotion() {
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
