// Long work in short slices between tasks, so a press never holds the page: done in one go on a
// slow phone, 100 episodes of deep Q-learning or 1 500 updates of two deep nets blocked the page
// for seconds, with nothing on screen saying why. runInSlices(ctx, spec) calls step() over and
// over for about `ms` milliseconds (at least once), then yields to the browser (a timer of 0 ms,
// owned by ctx: Reset can stop() it and the widget's end drops it) and goes on in the next task,
// until step() says nothing is left. The work itself is the same calls in the same order as in
// one go, so its results are too; only where the pauses fall differs.
//
//   step()      does one piece of the work; returns true while more is left (false: finished,
//               or it could not go on);
//   progress()  after every slice that leaves work to do (show how far it has got);
//   done()      once, after the step that finished (not after stop()).
//
// The first slice runs in the next task, not inside the call. The handle's finish() runs what is
// left at once (a run that must be complete before something else is judged), stop() drops it,
// and `running` says whether it is still going. Both are safe to call at any time.
export const SLICE_MS = 8;

export function runInSlices(ctx, { step, progress = () => {}, done = () => {}, ms = SLICE_MS }) {
  let running = true;
  let cancel = null;

  function slice(untilDone = false) {
    cancel = null;
    if (!running) return;
    const start = performance.now();
    let more = false;
    try {
      do more = step(); while (more && running && (untilDone || performance.now() - start < ms));
    } catch (err) {
      running = false;
      throw err;
    }
    if (!running) return; // step() stopped the run
    if (more) {
      progress();
      if (running) cancel = ctx.timeout(() => slice(), 0);
      return;
    }
    running = false;
    done();
  }

  cancel = ctx.timeout(() => slice(), 0);
  return {
    get running() { return running; },
    finish() {
      if (!running) return;
      if (cancel) cancel();
      slice(true);
    },
    stop() {
      running = false;
      if (cancel) cancel();
      cancel = null;
    },
  };
}
