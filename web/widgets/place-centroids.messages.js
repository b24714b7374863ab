// Every word the place-centroids widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); counts with their noun come from format.js countOf; another language adds
// the same keys with addMessages (web/lib/messages.js).
import { countOf, formatNumber } from '../lib/format.js';

// Why a round with another k than the game's is practice. k: the slider's k; gameK: the k the
// game opened with, whose rounds count; shown: k-means has already run on these points, so going
// back to gameK needs New points too. k and gameK arrive as numbers (they are compared with 1),
// and are formatted here.
function practiceAtK({ k: kValue, gameK: gameKValue, shown }) {
  const [k, gameK] = [formatNumber(kValue, 0), formatNumber(gameKValue, 0)];
  const oneGrouping = 'with one centroid every start ends in the same grouping, all the points in one cluster, so there are no clusters to find';
  if (gameKValue < 2) return ` This round is practice: this game opened with k = 1, and ${oneGrouping}; it records no score.`;
  const why = kValue === 1 ? oneGrouping : `the game is scored with k = ${gameK}, the number of centroids it opened with, and other values of k are for exploring`;
  const next = shown
    ? `k-means has also run on these points, so set k back to ${gameK} and press New points for a round that counts`
    : `set k back to ${gameK} for a round that counts`;
  return ` This round is practice: ${why}. A start with k = ${k} is scored on screen but not recorded; ${next}.`;
}
const IMPORTED_PRACTICE = ' This round is practice: these are imported points, and the game records only rounds on its own generated points, so a start on them is scored on screen but not recorded. New points brings back generated points and a round that counts.';

export const messages = {
  'place-centroids.title': 'Place the centroids',
  'place-centroids.hint': 'Your score depends only on where you start the centroids: the lower the inertia of your k centroids as placed, the higher it is. Place them by clicking the plot (or focus it, move the cross with the arrow keys and press Enter). Run iteration does one assignment and one update; Auto-run keeps going until k-means has converged.',
  'place-centroids.plot': 'Scatter plot of unlabelled points',
  'place-centroids.elbowHeading': 'Elbow: best inertia for each k',
  // The elbow chart's name: `points` lists elbowPoint for k = 1, 2, … ('' before there are any);
  // k: the k drawn with the large dot (0: none); current: the inertia of the learner's centroids,
  // the ring at that k ('' until all k are placed).
  'place-centroids.elbowPlot': ({ points, k, current }) => (points
    ? `Elbow chart of the best inertia for each k, the lowest of four k-means++ restarts: ${points}.${k ? ` The large dot marks k = ${k}${current ? `, and the ring your centroids' inertia there, ${current}` : ''}.` : ''}`
    : 'Elbow chart'),
  'place-centroids.elbowPoint': 'k = {k}: {inertia}',
  'place-centroids.autoRun': 'Auto-run',
  'place-centroids.pause': 'Pause',
  'place-centroids.runIteration': 'Run iteration',
  'place-centroids.plusPlus': 'k-means++',
  'place-centroids.plusPlusTitle': 'Let k-means++ place the centroids: spread apart, each drawn with probability proportional to its squared distance',
  'place-centroids.clear': 'Clear',
  'place-centroids.newPoints': 'New points',
  'place-centroids.slider.k': 'k (centroids)',
  'place-centroids.stat.inertia': 'inertia',
  'place-centroids.stat.best': 'best inertia',
  'place-centroids.stat.target': 'k-means++ best',
  'place-centroids.stat.iterations': 'iterations',
  'place-centroids.stat.score': 'placement score',
  'place-centroids.scoreValue': '{score} / 100',
  'place-centroids.practiceScoreValue': '{score} / 100 (practice)',
  'place-centroids.plusPlusPlaced': 'k-means++ placed the centroids: the first at a random point, each next one drawn with probability proportional to its squared distance from the nearest centroid already placed. Now Run iteration.',
  'place-centroids.placeMore': ({ count }) => `Place ${countOf(count, 'more centroid', 'more centroids')} first: click where you think a cluster's centre is (or focus the plot, move the cross there with the arrow keys and press Enter).`,
  'place-centroids.assigned': ({ changed }) => `Assigned: ${countOf(changed, 'point')} changed cluster. Now each centroid moves to the mean of its points…`,
  // given: the centroids came with a state (a Share link or code), not from the learner; where:
  // where that state was given, as the settings notes say it ("in the attributes", "in the page address").
  'place-centroids.notYours': ({ given, where }) => ` (${given ? `these centroids were given ${where}, not placed by your clicks` : 'k-means++ placed these centroids'}, so the game does not count this run as yours). k-means has now shown where the centroids go on these points, so a start you make on them is practice: New points starts a round that counts.`,
  'place-centroids.empty': ({ steps, empty, yours }) => `Converged after ${countOf(steps, 'iteration')}, but ${countOf(empty, 'centroid')} ended with no points at all: ${empty === 1 ? 'it' : 'each'} sat farther from every point than some other centroid. Move ${empty === 1 ? 'it' : 'them'} into the data and run again.${yours}`,
  'place-centroids.asLowAs': 'as low as',
  'place-centroids.within': 'within {gap}% of',
  'place-centroids.matched': ({ steps, inertia, level, k, yours }) => `Converged after ${countOf(steps, 'iteration')} at inertia ${inertia}: ${level} the best of four k-means++ restarts. Nothing can move any more, and this is the best k = ${k} grouping the engine knows.${yours}`,
  'place-centroids.localMinimum': ({ steps, inertia, gap, target, yours }) => `Converged after ${countOf(steps, 'iteration')} at inertia ${inertia}, ${gap}% above the best known ${target}. k-means stopped in a local minimum: usually two centroids share one blob while another blob is split or covered by one centroid. Move a centroid and run again, or press k-means++.${yours}`,
  // The score is for the placement: k-means reaches the best grouping from almost any start here.
  // A start made after k-means had shown where the centroids go on these points is practice; after
  // a counted run that did not finish the game, the learner is told that the next counted round
  // needs New points.
  // practice: why the round is practice (null: it counts): 'recorded' (a score of the game was
  // already recorded in the lesson, a reload), 'seenEarlier' (k-means was shown on the points the
  // page opens with on an earlier visit, before any score), 'shown', 'imported', or 'k' (k is not
  // the game's gameK); k: the k of this round.
  'place-centroids.placementScore': ({ start, target, score, passed, matched, practice, k, gameK, pass }) => {
    const head = ` Your placement score: ${score} of 100, that is 100 × the best known ${target} ÷ ${start}, the inertia of your centroids as you placed them.`;
    if (practice === 'imported') return head + IMPORTED_PRACTICE;
    if (practice === 'k') return head + practiceAtK({ k, gameK, shown: true });
    if (practice === 'recorded') return `${head} This round is practice: a score of yours for this game was already recorded in this lesson, and these are the points the page opens with on every visit, so the score is not recorded. New points starts a round that counts.`;
    if (practice === 'seenEarlier') return `${head} This round is practice: on an earlier visit k-means showed where the centroids go on these points, the ones the page opens with on every visit, before any score of yours, so the score is not recorded. New points starts a round that counts.`;
    if (practice === 'shown') return `${head} This round is practice: k-means had already shown where the centroids go on these points before you made this start, so the score is not recorded. New points starts a round that counts.`;
    if (passed) return `${head} They started near the clusters' centres: game finished.`;
    const next = 'k-means has now shown where the centroids go on these points, so a new start on them is practice: press New points for a round that counts';
    return matched
      ? `${head} k-means found the best grouping by itself from there; the score is for where you put the centroids. ${next}, and start each centroid nearer a cluster's centre: ${pass} or more finishes the game.`
      : `${head} The game finishes when your own start reaches the best grouping with a placement score of ${pass} or more. ${next}.`;
  },
  'place-centroids.practice': ' This round is practice: k-means has already shown where the centroids go on these points, so a start made now is scored on screen but not recorded. New points starts a round that counts.',
  'place-centroids.givenNote': ({ where }) => ` These centroids were given ${where}, not placed by your clicks: move one (or press Clear and place your own) to make the start yours, or the run will not count.`,
  'place-centroids.practiceK': practiceAtK,
  'place-centroids.practiceImported': IMPORTED_PRACTICE,
  'place-centroids.practiceSeenEarlier': ' This round is practice: on an earlier visit k-means showed where the centroids go on these points, the ones the page opens with on every visit, before any score of yours, so a start on them is scored on screen but not recorded. New points starts a round that counts.',
  'place-centroids.practiceRecorded': ' This round is practice: a score of yours for this game is already recorded in this lesson, and these are the points the page opens with on every visit, so a start on them is scored on screen but not recorded. New points starts a round that counts.',
  'place-centroids.drop': ({ count, k }) => `Drop ${countOf(count, 'more centroid', 'more centroids')} (k = ${k}). Click where you think the middle of a cluster is (by keyboard: focus the plot, move the cross with the arrow keys, press Enter).`,
  'place-centroids.allPlaced': ({ k, inertia }) => `${k === 1 ? 'The centroid is placed' : `All ${countOf(k, 'centroid')} placed`}. Inertia ${inertia} adds up every point's squared distance to its nearest centroid. Press Run iteration.`,
  // `centroids` lists the placed ones' positions, "1 at (x, y), 2 at (x, y)" (placed = 0: empty).
  'place-centroids.figure': ({ rows, placed, k, centroids, inertia }) => `Scatter plot of ${rows} points with ${placed} of ${k} centroids placed${centroids ? `: ${centroids}` : ''}${inertia ? `; inertia ${inertia}` : ''}`,
  'place-centroids.figureCentroid': '{number} at ({x}, {y})',
  // The keyboard's cross and selection, said in the status (a screen reader cannot see them). How
  // many points lie near the cross lets a learner who cannot see the plot find the dense places.
  'place-centroids.cross': ({ x, y, near, radius, number, k }) => `Cross at (${x}, ${y}); ${countOf(near, 'point')} within ${radius} of it. Press Enter to drop centroid ${number} of ${k} here.`,
  'place-centroids.dropped': ({ number, k, x, y, count, inertia, note }) => (count > 0
    ? `Centroid ${number} of ${k} dropped at (${x}, ${y}). Drop ${countOf(count, 'more centroid', 'more centroids')}: move the cross with the arrow keys and press Enter.`
    : `Centroid ${number} of ${k} dropped at (${x}, ${y}). ${k === 1 ? 'The centroid is placed' : `All ${countOf(k, 'centroid')} placed`}; inertia ${inertia}. Press Run iteration, or Enter to select a centroid to move.`) + note,
  'place-centroids.selected': ({ number, k, x, y, start }) => `Centroid ${number} of ${k} selected${start ? ' (its start, the dashed ring)' : ''}, at (${x}, ${y}). Arrow keys move it, Enter selects the next, Delete removes it, Escape lets go.`,
  'place-centroids.moved': ({ number, x, y, inertia, note }) => `Centroid ${number} at (${x}, ${y})${inertia ? `; inertia ${inertia}` : ''}.${note}`,
  'place-centroids.removed': ({ number, x, y, count, cx, cy, note }) => `Centroid ${number}, at (${x}, ${y}), removed. Drop ${countOf(count, 'more centroid', 'more centroids')}: the cross is at (${cx}, ${cy}); move it with the arrow keys and press Enter.${note}`,
  'place-centroids.letGo': 'Centroid {number} let go.',
  'place-centroids.selectFirst': ({ k }) => `${k === 1 ? 'The centroid is placed' : `All ${countOf(k, 'centroid')} are placed`}: press Enter to select one, then the arrow keys move it.`,
  'place-centroids.axis.x': 'x₁',
  'place-centroids.axis.y': 'x₂',
  'place-centroids.elbowAxis.x': 'k',
  'place-centroids.placedAlready': ({ k, moved }) => `${k === 1 ? 'The centroid is placed. Drag it somewhere else' : `All ${countOf(k, 'centroid')} are placed. Drag one to move it`}${moved ? ` (the dashed ${k === 1 ? 'ring marks' : 'rings mark'} where you started; k-means's centroids do not drag)` : ''}, press Clear to start over, or raise k.`,
  'place-centroids.keys': 'Arrow keys move the cross (Shift: ×10), and this line says where it is and how many points lie near it; Enter drops a centroid, at least {gap} from the others. With all placed, Enter selects a centroid to move (after a run, its dashed start ring); Delete removes it; Escape lets go.',
  'place-centroids.tooClose': 'That spot is {distance} from a centroid already placed: centroids must start at least {gap} apart, since two on one spot are one guess, not two. Move a little further away and try again.',
  'place-centroids.crowdedState': 'two of the centroids are closer than {gap}: each must start at least {gap} from the others',
  'place-centroids.badShown': 'the mark for points where k-means has shown the centroids (s) must be 1 or left out',
  'place-centroids.badState': 'the centroids must be a list of at most {k} points (x, y)',
};
