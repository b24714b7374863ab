// Which sets of points a game has already given its answer away on. In place-centroids (where
// k-means puts the centroids) and widen-the-street (the SVM's street) the answer is a position on
// the points, so once it has been on screen a start lined up with it is a copy, not a find: a
// round on those points is practice. The rule has to follow the points, not the round, because
// the same points come back: the same seed and settings again (a slider moved away and back, an
// update), the same file imported again, and on a lesson page every visit, since the page opens
// with the same points and its address keeps nothing once the learner leaves (a return from the
// course page or the next/previous links opens it bare). So a game notes the points its answer
// was shown on, asks about every set it loads, and on a lesson page where a score of it is
// already recorded treats the points the page opens with as given away on an earlier visit. An
// answer shown on those opening points before any result of the game is recorded is kept in the
// lesson's record too (dw:seen-first: no score, not complete), or a later visit could copy it.
import { hasFirstResult, recordedResult, reportSeenFirst } from './report.js';

// Whether two point sets ({ X, y? }: positions, and labels where the game has them) hold the same
// numbers in the same order.
export function samePoints(a, b) {
  return !!a && !!b && sameValues(a.X, b.X) && sameValues(a.y, b.y);
}

function sameValues(u, v) {
  if (!u || !v) return !u && !v;
  if (u.length !== v.length) return false;
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

// One game's memory, for as long as the widget lives. `widget` and `title` are the name and title
// its reports carry.
//   opening(points)    the points the page opens with: noted as 'recorded' when the lesson already
//                      holds a score of this game, as 'seenEarlier' when its record says the answer
//                      was shown on them before any result (recordedResult; null outside a lesson
//                      page, where nothing is kept).
//   note(points, why)  the answer was shown on these points; `why` says how, in the game's own
//                      words ('shown' unless given). The first reason noted for a set is kept. On
//                      the opening points of a lesson page with no result yet, the lesson keeps it.
//   why(points)        that reason, or null when a round on these points still counts.
export function createShownAnswers(card, widget, title) {
  const noted = []; // { points: copies of { X, y }, why }
  let opened = null; // the opening points of a lesson page that holds no result of this game yet
  const find = (points) => noted.find((entry) => samePoints(entry.points, points));
  // Copies: the game's arrays may be replaced or be views that the next engine call moves.
  const copy = (points) => ({ X: Float64Array.from(points.X), y: points.y ? Float64Array.from(points.y) : undefined });
  function note(points, why = 'shown') {
    if (!points || find(points)) return;
    noted.push({ points: copy(points), why });
    if (opened && samePoints(opened, points)) {
      opened = null;
      reportSeenFirst(card, { widget, title });
    }
  }
  return {
    opening(points) {
      const record = recordedResult(card, widget);
      if (hasFirstResult(record)) note(points, 'recorded');
      else if (record && record.seenFirst) note(points, 'seenEarlier');
      else if (record) opened = copy(points);
    },
    note,
    why(points) { const entry = find(points); return entry ? entry.why : null; },
  };
}
