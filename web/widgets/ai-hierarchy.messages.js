// Every word the ai-hierarchy widget shows a learner (English), except the techniques themselves:
// their names and reasons are the history lesson's content, kept in web/lib/ai-history.js. Numbers
// arrive formatted (web/lib/format.js); another language adds the same keys with addMessages
// (web/lib/messages.js).
export const messages = {
  'ai-hierarchy.title': 'AI, machine learning, deep learning: sort them',
  'ai-hierarchy.hint': 'Pick a technique, then put it in the innermost set it belongs to — with a button or by clicking inside the figure. Each answer is explained.',
  // The figure's name: the three sets and the techniques sorted into each so far (ai, ml, dl: their
  // names as a list in words, '' while a set is empty).
  'ai-hierarchy.board': ({ ai, ml, dl }) => `Nested sets: deep learning inside machine learning inside artificial intelligence. Sorted into AI but not machine learning: ${ai || 'nothing yet'}. Into machine learning but not deep learning: ${ml || 'nothing yet'}. Into deep learning: ${dl || 'nothing yet'}.`,
  'ai-hierarchy.tray': 'Techniques to sort',
  'ai-hierarchy.pickStep': '1. Pick a technique',
  'ai-hierarchy.placeStep': '2. Put it in the innermost set it belongs to',
  'ai-hierarchy.sets': 'Sets',
  // A set's button: its short name and the region it stands for.
  'ai-hierarchy.regionButton': '{name}: {region}',
  'ai-hierarchy.region.ai': 'AI only',
  'ai-hierarchy.region.ml': 'ML',
  'ai-hierarchy.region.dl': 'DL',
  'ai-hierarchy.regionLong.ai': 'AI but not machine learning',
  'ai-hierarchy.regionLong.ml': 'machine learning but not deep learning',
  'ai-hierarchy.regionLong.dl': 'deep learning',
  'ai-hierarchy.reset': 'Start again',
  'ai-hierarchy.stat.score': 'right first time',
  'ai-hierarchy.stat.sorted': 'sorted',
  'ai-hierarchy.score': '{right} / {tried}',
  'ai-hierarchy.sortedOf': '{placed} of {total}',
  'ai-hierarchy.start': 'Pick a technique to start. Each technique\'s first answer is the one recorded, as soon as you give it; sorting all {total} with {need} or more right first time completes this activity.',
  'ai-hierarchy.picked': '“{name}” picked. Now choose the innermost set it belongs to.',
  'ai-hierarchy.allSorted': 'All sorted.',
  'ai-hierarchy.pickFirst': 'Pick a technique first, then choose a set for it.',
  // A right answer; `end` is empty until the last technique is sorted, then endFirst or endPractice.
  'ai-hierarchy.right': ({ name, region, why, end }) => `Right: ${name} → ${region}. ${why}${end ? ` ${end}` : ''}`,
  // The first game sorted: its score is recorded, and completes the activity only at the pass mark.
  'ai-hierarchy.endFirst': ({ total, firstTry, need, passed }) => `All ${total} sorted, ${firstTry} right first time. ${passed
    ? 'That score is recorded and completes this activity; Start again for a practice round.'
    : `That score is recorded, but it takes ${need} or more right first time to complete this activity: press Start again for a practice round, and ${need} or more right first time there completes it (the recorded score stays ${firstTry} / ${total}).`}`,
  // A practice round sorted: its score is shown, not recorded; it can complete the activity.
  'ai-hierarchy.endPractice': ({ total, firstTry, recorded, need, completesNow, complete }) => `All ${total} sorted, ${firstTry} right first time in this practice round. ${completesNow
    ? `That reaches ${need}, so the activity is now complete. `
    : complete ? '' : `It takes ${need} or more to complete the activity: press Start again to try once more. `}Your recorded score stays ${recorded} / ${total}, from your first game.`,
  // Start again after the first game was sorted (and its score recorded), or part-way through it.
  'ai-hierarchy.practice': ({ recorded, total, need, complete }) => `Practice round: every answer has been shown to you, so your recorded score stays ${recorded} / ${total}, from the first tries of your first game.${complete
    ? '' : ` Sorting all ${total} with ${need} or more right first time in this round completes the activity.`} Pick a technique to start.`,
  // Part-way through the first game: after Start again (again), or when the page opens with first
  // answers the lesson recorded on an earlier visit.
  'ai-hierarchy.restartKeeps': ({ right, tried, total, need, again }) => `${again ? 'Starting again. ' : 'Your earlier first answers are kept. '}Each technique keeps its first answer, already recorded: ${right} of the ${tried} you have answered were right first time. Sort all ${total}; ${need} or more of ${total} right first time completes this activity. Pick a technique to start.`,
  // `said`: the region chosen, as its button names it; `within`: the whole set that region is part of
  // (for an answer not deep enough, the right region lies inside that set). Each sentence is
  // literally true of the technique: a CNN is machine learning, it just goes in a smaller set.
  'ai-hierarchy.wrong': ({ said, name, region, tooDeep, within, why }) => `${name} does not go in “${said}”: it belongs in ${region}${tooDeep ? '' : `, a set inside ${within} (each technique goes in the innermost set it belongs to)`}. ${why} Try again.`,
  'ai-hierarchy.thatIsSet': 'That is the {set} set. Pick a technique first, then click the set it belongs to.',
  // The figure: each set's name, its gloss, and a shorter gloss for narrow screens.
  'ai-hierarchy.set.ai': 'Artificial intelligence',
  'ai-hierarchy.set.ml': 'Machine learning',
  'ai-hierarchy.set.dl': 'Deep learning',
  'ai-hierarchy.setInText.ai': 'artificial intelligence',
  'ai-hierarchy.setInText.ml': 'machine learning',
  'ai-hierarchy.setInText.dl': 'deep learning',
  'ai-hierarchy.gloss.ai': 'machines doing tasks that seem to need intelligence',
  'ai-hierarchy.gloss.ml': 'the rules are learned from data',
  'ai-hierarchy.gloss.dl': 'many-layered neural networks',
  'ai-hierarchy.brief.ai': 'any “intelligent” behaviour',
  'ai-hierarchy.brief.ml': 'rules learned from data',
  'ai-hierarchy.brief.dl': 'many-layered networks',
  'ai-hierarchy.glossAfterName': '— {gloss}',
};
