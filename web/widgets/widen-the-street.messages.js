// Every word the widen-the-street widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); counts with their noun come from format.js countOf; another language adds
// the same keys with addMessages (web/lib/messages.js).
import { countOf } from '../lib/format.js';

// Why the page's own points are practice on a return to the lesson (its address then keeps nothing).
const RECORDED_HERE = 'A score of yours for this game is already recorded in this lesson, and these are the points the page opens with on every visit';
const SEEN_EARLIER = 'On an earlier visit the SVM\'s street was shown for these points, the ones the page opens with on every visit, before any street of yours was scored';

export const messages = {
  'widen-the-street.title': 'Widen the street',
  'widen-the-street.hint': 'Goal: a line that keeps the two classes on opposite sides with as wide a point-free band around it as you can get. Drag on the plot, use the sliders, or focus the plot (Left/Right turn the line, Up/Down shift it). Optimal shows the SVM’s own line; only streets made before you press it are scored. Lower C and the margin softens.',
  'widen-the-street.plot': 'Two classes and a separating street',
  'widen-the-street.optimal': 'Optimal',
  'widen-the-street.hideOptimal': 'Hide optimal',
  'widen-the-street.newPoints': 'New points',
  'widen-the-street.slider.angle': 'line angle',
  'widen-the-street.slider.shift': 'shift',
  'widen-the-street.slider.spread': 'class spread',
  'widen-the-street.slider.C': 'C (soft margin)',
  'widen-the-street.stat.margin': 'line\'s margin',
  'widen-the-street.stat.best': 'best correct margin',
  'widen-the-street.stat.wrong': 'wrong side',
  'widen-the-street.stat.svm': 'SVM margin',
  'widen-the-street.stat.violations': 'violations',
  'widen-the-street.predict.question': 'Slide C down to 1: the optimal street will get…',
  'widen-the-street.predict.narrower': 'narrower',
  'widen-the-street.predict.same': 'the same (within 1%)',
  'widen-the-street.predict.wider': 'wider',
  'widen-the-street.predict.optimalFirst': 'Press Optimal with C above 1 first, and let the solver finish.',
  'widen-the-street.predict.seen': 'The solver\'s street at a C of 1 or less was on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'widen-the-street.predict.glimpsed': 'The solver\'s street was on screen at C = {high} and at C = {low} before a prediction was locked in, and how its width answered the change of C is what the box asks: a prediction made on this page now is practice and is not recorded.',
  'widen-the-street.predict.next': 'Now slide C down to 1 (or below) and let the solver finish.',
  'widen-the-street.predict.why': ({ fromC, fromWidth, toC, toWidth, inside, same }) => `At C = ${fromC} the street was ${fromWidth} wide; at C = ${toC} it is ${toWidth}, with ${countOf(inside, 'point')} inside it. ${same ? 'Widening the street would let points onto it, and at this C each unit of intrusion still costs more than the width it would buy; only a small enough C makes that trade worth it.' : 'C prices each intrusion against street width; cheaper intrusions buy a broader street.'}`,
  'widen-the-street.reset.newPoints': 'New points: predict again.',
  'widen-the-street.solving': 'Finding the widest street…',
  'widen-the-street.supportVectors': ({ count }) => `${countOf(count, 'support vector')} (circled) ${count === 1 ? 'holds' : 'hold'} it in place`,
  // The pass bar is told either way; below it, the next step (streets on these points are practice
  // now), unless the practice sentence that follows already gives it.
  'widen-the-street.yours': ({ percent, pass, passed, practice }) => ` Your best correct street, made before you pressed Optimal, reached ${percent}% of it.${passed ? ` Superb — that is within ${100 - pass}% of the maximum margin: ${pass}% or more completes this activity.` : ` ${pass}% or more completes this activity${practice ? '.' : '; press New points for a round that counts, and make your street before pressing Optimal.'}`}`,
  'widen-the-street.noneYours': ' Before you pressed Optimal, your line had not separated the classes, so there is no street of yours to score on these points. Press New points for a fresh round.',
  // given: the line came with a state (a Share link or code); where: where that state was given,
  // as the settings notes say it ("in the attributes", "in the page address").
  'widen-the-street.notMoved': ({ given, where }) => (given
    ? ` You pressed Optimal before moving the line, which was given ${where}: it is not yours, so there is no street of yours to score on these points. Lining your line up with the dashed one now would only copy it, so press New points, make your street, then press Optimal.`
    : ' You pressed Optimal before moving the line: the starting line is not yours, so there is no street of yours to score on these points. Lining your line up with the dashed one now would only copy it, so press New points, make your street, then press Optimal.'),
  // The solver's street counted as shown for these points before this round began. why: 'opened'
  // (the page opened with it, its address keeps s: 1), 'shown' (earlier on this page, and the same
  // points came back), 'recorded' (the lesson holds a score of this game, and these are the points
  // the page opens with), 'seenEarlier' (the lesson keeps that the street was shown on those points
  // before any score).
  'widen-the-street.shownEarlier': ({ why }) => {
    if (why === 'recorded') return ` ${RECORDED_HERE}, so no street on them is scored now and the recorded score stays as it was; New points starts a round that counts.`;
    if (why === 'seenEarlier') return ` ${SEEN_EARLIER}, so no street on them is scored now; New points starts a round that counts.`;
    if (why === 'shown') return ' The SVM\'s street was already shown for these same points earlier on this page, so no street on them is scored now and any score from before stays as it was; New points starts a round that counts.';
    return ' The SVM\'s street had already been shown for these points before this page was opened, so no street on them is scored now and any score from before stays as it was; New points starts a round that counts.';
  },
  // Appended once the line moves with the solver's street already shown for these points (why:
  // as in shownEarlier; 'recorded' and 'seenEarlier' are said as such, the rest as shown).
  'widen-the-street.practice': ({ why }) => {
    if (why === 'recorded') return ` ${RECORDED_HERE}, so streets you make on them are practice and do not change your score; New points starts a fresh round.`;
    if (why === 'seenEarlier') return ` ${SEEN_EARLIER}, so streets you make on them are practice and are not recorded; New points starts a fresh round.`;
    return ' The SVM\'s street has been shown for these points, so streets you make now are practice and do not change your score; New points starts a fresh round.';
  },
  'widen-the-street.widest': 'The widest street is {width} wide, and {supportVectors}.{yours}{practice}',
  'widen-the-street.soft': ({ C, violations, width, supportVectors }) => `With C = ${C} the SVM accepts ${countOf(violations, 'point')} inside its street or on the wrong side (ringed in red) in exchange for a wider street (${width}). ${supportVectors}. Raise C to make violations expensive.`,
  'widen-the-street.wrongSide': ({ wrong }) => `${countOf(wrong, 'point')} ${wrong === 1 ? 'is' : 'are'} on the wrong side of your line, so it does not separate the classes yet — no margin to score.`,
  'widen-the-street.startSeparates': 'The starting line separates the classes with a street {width} wide: twice the distance from the line to the nearest point (the point nearest the line in each class is circled). It is not yours yet: turn or shift it, and only the streets you make count as your best.',
  'widen-the-street.startShown': 'The starting line separates the classes with a street {width} wide: twice the distance from the line to the nearest point (the point nearest the line in each class is circled). It is not yours.',
  'widen-the-street.givenSeparates': 'This line was given {where}: it separates the classes with a street {width} wide, twice the distance from the line to the nearest point (the point nearest the line in each class is circled). It is not yours until you turn or shift it.',
  'widen-the-street.separates': 'Your line separates the classes with a street {width} wide: twice the distance from the line to the nearest point (the point nearest the line in each class is circled). Shift it toward the middle and turn it to widen the street.',
  'widen-the-street.figure': ({ angle, wrong, width }) => `Separating line at ${angle}; ${countOf(wrong, 'point')} on the wrong side; street width ${width === null ? 'none' : width}`,
  'widen-the-street.axis.x': 'x₁',
  'widen-the-street.axis.y': 'x₂',
  'widen-the-street.keys': 'Left/Right turn the line by 1° (Shift: 10°), Up/Down shift it; Enter shows the optimal street; Escape puts it back.',
  'widen-the-street.badState': 'the street needs an angle and a shift',
  'widen-the-street.badShown': 'the mark for points whose SVM street was shown (s) must be 1 or left out',
  'widen-the-street.badLine': 'the street needs an angle from 0 up to 180 degrees and a shift within ±4',
};
