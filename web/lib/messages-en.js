// The English table of web/lib/messages.js: every text the shared widget runtime shows. Keys are
// grouped by the module that shows them. Numbers arrive formatted; a function builds a message
// whose words depend on its parameters.
import { countOf } from './format.js';

export const en = {
  // widget.js: the card around every widget
  'widget.loading': 'Loading the learning engine…',
  'widget.stateUnreadable': 'The saved state could not be read ({reason}); the widget starts from its defaults.',
  'widget.stateNotKept': 'state="{value}" was not used: this widget keeps nothing beyond its settings.',
  'widget.stateUnusable': 'The saved state could not be used ({reason}); the widget starts from its defaults.',
  'widget.cannotStart': 'This widget could not start: {reason}',
  'widget.engineError': 'Something went wrong in the engine.',
  'card.readout': 'Readout',
  'card.settingsAdjusted': ({ where, notes }) => `Settings adjusted${where ? ` (${where})` : ''}: ${notes}`,
  'card.from.attribute': 'in the attributes',
  'card.from.address': 'in the page address',
  'card.from.options': 'in the options',
  'card.from.update': 'in the update',
  'card.from.file': 'in the file',

  // share.js
  'share.button': 'Share',
  'share.panel': 'Share this widget',
  'share.kind': 'Kind of embed code',
  'share.kind.element': '<dw-widget> element',
  'share.kind.frame': 'iframe',
  'share.copy': 'Copy',
  'share.copied': '{what} copied.',
  'share.copyByHand': 'Select the text and copy it with Ctrl+C (⌘C).',
  'share.intro': 'This link and this code restore the widget exactly as it is now.',
  // The single-file edition (share.js): a file on this computer, without the site's embed scripts.
  'share.introOffline': 'This link restores the widget as it is now, but only on this computer: it points at this file. To send the widget to someone or embed it in another page, use the hosted site.',
  'share.link': 'Link',
  'share.code': 'Embed code',
  // The link inside a shared <dw-widget> snippet, shown where the widget cannot load.
  'share.fallback': ({ title }) => (title ? `${title}: open the widget` : 'Open the widget'),

  // table.js: a table wider than its box (widgets and lesson pages)
  'table.scrollHint': 'Scroll sideways for more →',
  'table.lessonLabel': 'Table: {columns}',

  // player.js
  'player.play': 'Play',
  'player.pause': 'Pause',

  // predict.js: the Predict, then check box
  'predict.legend': 'Predict, then check',
  'predict.title': 'Predict: {question}',
  'predict.choose': 'choose…',
  'predict.lock': 'Lock in my prediction',
  'predict.change': 'Change my prediction',
  'predict.tolerance': 'Counts as right within ± {tolerance}.',
  'predict.needChoice': 'Choose an answer first.',
  // A refusal of the number reader (number.*, below) said as a sentence, with what the box asks for.
  'predict.refused': ({ reason, hint, label }) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}${hint ? `: ${hint}` : label ? ` (${label})` : ''}.`,
  'predict.typeNumber': ({ count, label }) => `type ${count ? 'a whole number' : 'a number'}${label ? ` (${label})` : ''}`,
  'predict.typeWithoutPercent': ({ typed, share }) => `type it without %${share ? `. If you meant ${typed} of 1, type ${share}` : ''}`,
  'predict.readAsPercent': '(Read as {typed}%, less than one percent. If you meant a share of 1, that is {percent}%: press Change my prediction and type {percent}.)',
  'predict.locked': 'Your prediction: {value}. {next}',
  'predict.choiceHeld': 'Your prediction held: you said “{said}”, and that is what happened. {why}',
  'predict.choiceMissed': 'Your prediction did not hold: you said “{said}”; what happened: “{seen}”. {why}',
  'predict.numberHeld': 'Your prediction held: you said {said}, and it came out {seen} (within ± {tolerance}). {why}',
  'predict.numberMissed': 'Your prediction did not hold: you said {said}, and it came out {seen} (outside ± {tolerance}). {why}',
  'predict.practice': '(A second try on this page: your first prediction is the one recorded.)',
  'predict.changedPartWay': 'Part of the run was on screen while your prediction was locked in, so a prediction made on this page now could follow it: it is practice and is not recorded.',
  // A verdict on a box whose first prediction the lesson recorded on an earlier visit (predict.js).
  'predict.practiceRecorded': ({ held }) => `(Practice: you made this prediction on an earlier visit, and your first prediction, which ${held ? 'held' : 'did not hold'}, is the one recorded.)`,
  'predict.practiceSeen': '(Practice: the outcome was on screen before you predicted, so this is not recorded.)',
  // A verdict on a box whose outcome was on screen before any prediction on an earlier visit.
  'predict.practiceSeenEarlier': '(Practice: on an earlier visit the outcome was on screen before you predicted, so no prediction of this box is recorded.)',
  // The learner opened the lesson's "What the widget shows" block before predicting (web/js/reveal.js).
  'predict.revealRead': 'You opened “What the widget shows” before predicting, so the outcome was on screen first: a prediction made on this page now is practice and is not recorded.',

  // number-field.js: why a number typed into a widget's box was not used, as a clause the
  // widget's own sentence carries ("… , so the weight stays 0.5."); what was typed is quoted.
  'number.empty': 'the box was left empty',
  'number.notNumber': '"{typed}" is not a number',
  'number.separators': '"{typed}" has more than one separator (type decimals with a point and no thousands separator, e.g. 1000.5)',
  'number.ambiguous': '"{typed}" could be {whole} or {part} (type decimals with a point and no thousands separator)',
  'number.tooLarge': '"{typed}" is too large to read',
  'number.divideByZero': '"{typed}" divides by 0, which has no value',
  'number.percentSign': ({ typed, count }) => `"${typed}" has a % sign, but this is ${count ? 'a count' : 'a plain number, not a percentage'}`,
  'number.notWhole': '"{typed}" is not a whole number',
  'number.belowMin': '{typed} is below {min}, the least allowed here',
  'number.aboveMax': '{typed} is above {max}, the most allowed here',

  // quiz.js: the sorting games
  'quiz.answer': 'Your answer',
  'quiz.statScore': 'score',
  'quiz.statLeft': 'scenarios left',
  'quiz.score': '{score} / {total}',
  'quiz.next': 'Next scenario',
  'quiz.again': 'Play again',
  'quiz.counter': 'Scenario {index} of {total}',
  'quiz.pick': 'Pick an answer: click or tap a button, or press the key shown on it.',
  'quiz.right': 'Correct: {answer}.',
  'quiz.wrong': 'Not quite: you chose {chosen}, the better answer is {answer}.',
  'quiz.markRight': '✓ correct',
  'quiz.markWrong': '✗ your pick',
  'quiz.continueRight': 'Press Next scenario (or N) to continue.',
  'quiz.continueWrong': 'Read the reason, then press Next scenario (or N).',
  // share: the round's share right; chance: what guessing gets on average (1 / the number of
  // choices). "Good start" needs at least halfway from chance to all right, so in a two-choice game,
  // where one key pressed throughout gets about half, only the pass mark's 75 % is praised.
  'quiz.verdict': ({ share, chance }) => (share === 1 ? 'A perfect round!' : share >= 0.75 ? 'Strong instincts.'
    : share >= (1 + chance) / 2 ? 'Good start: reread the reasons for the ones you missed, listed in this card.' : 'Worth another round: the reasons for the ones you missed, listed in this card, show the pattern.'),
  // The round's end: the scenarios missed in it, each with the right answer and its reason.
  'quiz.reviewTitle': ({ count }) => `The ${count === '1' ? 'scenario' : `${count} scenarios`} you missed this round, with the reasons:`,
  'quiz.reviewAnswer': 'You chose {chosen}; the better answer is {answer}.',
  'quiz.reviewNone': 'You missed no scenario this round.',
  // A round of another size than the lesson's (set in the page address) on a lesson page: practice,
  // never recorded. size: this round's cards; full and need: the lesson's round and its pass mark.
  'quiz.practiceNote': 'Practice: the page address sets a round of {size} scenarios, so its score is shown here but not recorded. Only a round of {full}, with {need} or more correct, completes this game: open the lesson without “rounds” in its address for one.',
  'quiz.overPractice': 'Practice round over: {score} of {total} correct. {verdict} A practice round is not recorded; a round of {full} with {need} or more correct completes this game.',
  // The round's end: whether it reached the pass mark (need, of total) that completes the game.
  'quiz.over': ({ score, total, need, passed, verdict }) => `Round over: ${score} of ${total} correct. ${verdict} ${passed
    ? 'That completes this game. Play again for a fresh shuffle.'
    : `${need} or more correct completes this game: press Play again to try a fresh shuffle.`}`,

  // scores.js: the score strip of the threshold and ROC widgets (drawn on the canvas)
  'scores.axis': 'score p(positive)',
  'scores.positives': 'positives',
  'scores.negatives': 'negatives',
  'scores.calledPositive': 'called positive →',
  'scores.calledNegative': '← called negative',

  // datasets.js: the data sets' names in a menu
  'datasets.moons': 'moons',
  'datasets.xor': 'XOR',
  'datasets.circles': 'circles',
  'datasets.blobs': 'blobs',

  // svd-pictures.js: the pictures of the SVD widget (menu names; digitShown names the digit in a sentence)
  'pictures.smiley': 'smiley',
  'pictures.stripes': 'vertical stripes',
  'pictures.checkerboard': 'checkerboard',
  'pictures.gradient': 'diagonal gradient',
  'pictures.rings': 'rings',
  'pictures.diagonal': 'diagonal line',
  'pictures.digit': 'a handwritten digit (8 × 8)',
  'pictures.digitShown': 'the handwritten {digit}',

  // points-csv.js: importing and exporting points
  'csv.export': 'Export CSV',
  'csv.import': 'Import CSV',
  'csv.ownPoints': 'your points (CSV)',
  'csv.imported': ({ count, what }) => `Imported ${countOf(count, 'point')}${what === 'values' ? ' with values' : what ? ` in ${what} classes` : ''}.`,
  'csv.importedFile': 'Imported {name}.',
  'csv.nothingImported': 'Nothing was imported: {reason}',
  'csv.noFile': 'No file was chosen.',
  'csv.tooLarge': 'The file is {size} KB; at most {max} KB can be read.',
  'csv.unreadable': 'The file could not be read.',
  'csv.empty': 'The file is empty: expected lines such as "{example}".',
  'csv.notText': 'The file is not text: a CSV file is plain lines of numbers separated by commas (save it as "CSV" from a spreadsheet).',
  'csv.columns': ({ dims, label }) => `${dims === 1 ? 'x' : dims === 2 ? 'x1, x2' : `${dims} features`}${label === 'value' ? ' and a value' : label ? ' and a label' : ''}`,
  'csv.tooFewValues': ({ line, have, what, need }) => `line ${line} has ${countOf(have, 'value')}, ${what} ${need === 1 ? 'is' : 'are'} needed`,
  'csv.notANumber': 'line {line} has a value that is not a number ("{text}")',
  'csv.outsidePlot': 'line {line}: the point ({x}, {y}) lies outside the plot (x from {x0} to {x1}, y from {y0} to {y1})',
  'csv.outsideRange': 'line {line}: the value {value} lies outside {lo} … {hi}',
  'csv.labelOutside': ({ line, kind, value, lo, hi }) => `line ${line}: the ${kind === 'value' ? 'value' : 'label'} ${value} is outside ${lo} … ${hi}`,
  'csv.refused': ({ problems, more }) => `The CSV could not be used: ${problems}${more ? ` (and ${countOf(more, 'more problem')})` : ''}.`,
  'csv.skipped': ({ count, problems, more }) => `${countOf(count, 'line')} skipped: ${problems}${more ? ` (and ${countOf(more, 'more line')})` : ''}.`,
  'csv.noPoint': ({ skipped }) => `No point could be read${skipped ? `: ${skipped}` : '.'}`,
  'csv.tooFewPoints': ({ count, min, also }) => `The file holds ${countOf(count, 'usable point')}; at least ${min} are needed.${also ? ` ${also}` : ''}`,
  'csv.tooManyPoints': 'The file holds {count} points; at most {max} can be used here.',
  'csv.ignoredColumn': ({ dims }) => `The ${dims === 1 ? 'second' : dims === 2 ? 'third' : 'last'} column was ignored: this widget uses the positions only.`,
  'csv.ignoredAfterLabel': 'Columns after the label were ignored.',
  'csv.decimalComma': 'A comma inside a value was read as its decimal mark ("{text}" as {value}).',
  'csv.labelsNotWhole': ({ values, also }) => `Class labels must be whole numbers; the file has ${values}.${also ? ` ${also}` : ''}`,
  'csv.tooManyLabels': ({ count, values, max, also }) => `The file has ${count} different labels (${values}); this widget shows at most ${max} classes.${also ? ` ${also}` : ''}`,
  'csv.oneLabel': ({ value, also }) => `Every point has the label ${value}; at least two classes are needed.${also ? ` ${also}` : ''}`,
  'csv.relabelled': 'Labels {from} were read as classes {to}.',
  'csv.notUtf8': 'Some characters in the file are not UTF-8 text (letters in the header, perhaps); only the numbers were read.',
  'csv.windows1252': 'The file is not UTF-8, so it was read as Windows text (Windows-1252, what Excel on Windows writes).',
  'csv.oneColumnComma': 'The file has one column of numbers written with a decimal comma ("{text}" was read as {value}).',
  'csv.indexDropped': ({ name, from, to }) => `The first column, ${name ? `"${name}"` : 'with no name in the header'}${from !== '' ? ` and holding the row numbers ${from} to ${to} in order` : ''}, was read as a row index (as pandas writes it) and left out.`,
  'csv.indexKept': 'The first column holds 0, 1, 2 … {to} in order, like a row index, and was read as data. If it is pandas\' index, save the file with index=False.',
  'csv.byName': 'The columns were taken by their names in the header ({names}), not by their order.',
  'csv.namesOutOfPlace': ({ found, names, missing }) => `Nothing was read: the header names ${found} in another place, but not ${missing}, so the columns can be matched neither by name nor by order. Write the header as "${names}", or put the columns in that order.`,
  'csv.byPosition': 'The header does not name this widget\'s columns, so they were taken in order: {mapping}.',
  'csv.commaAmbiguous': ({ decimal, thousands }) => `Some quoted numbers have a comma that can only be a decimal mark ("${decimal}") and others one that looks like a thousands separator ("${thousands}"). Remove the thousands separators, or write every decimal mark as a point.`,
  'csv.wordValues': ({ column, values }) => `The column "${column}" holds words (${values}), not numbers: this widget needs a number there for every point.`,
  'csv.tooManyWords': ({ column, count, values, max }) => `The label column "${column}" holds ${count} different words (${values}); this widget shows at most ${max} classes. Keep at most ${max} of them, or write the classes as numbers 0, 1${max > 2 ? ', 2' : ''}.`,
  'csv.wordLabels': ({ column, mapping, boolean }) => `The labels in "${column}" are words, read as classes ${mapping}${boolean ? '' : ' (in the order they first appear)'}.`,
  'csv.thousands': 'A comma inside a quoted number was read as a thousands separator, as the file separates its values with commas ("{text}" as {value}).',
  'csv.commaNotThousands': '"{text}" was read as {value}: the file separates its values with semicolons (or tabs), so its comma is the decimal mark. If it is a thousands separator, remove it.',
  'csv.ignoredOthers': 'Columns this widget does not use were ignored.',
  'csv.stateShape': 'the points must be a list of at most {max} positions of {dims} numbers',
  'csv.stateLabels': 'every point needs a label',
  'csv.stateNumbers': 'the points hold something that is not a number',
  // An option an embedder, a link or an update gave that could not be used as it was (schema.js):
  // the option's name and the text given appear as typed, in straight quotes as in the code that
  // gave them.
  'options.unknown': 'Unknown option "{name}" was ignored.',
  'options.empty': '{name} was given no value; using {fallback}.',
  'options.unread': '{name}={reason}; using {fallback}.',
  'options.rounded': '{name}={value} rounded to {rounded}.',
  'options.belowMin': '{name}={value} is below {min}; using {min}.',
  'options.aboveMax': '{name}={value} is above {max}; using {max}.',
  'options.notBoolean': '{name}="{value}" is not true/false; using {fallback}.',
  'options.notOneOf': '{name}="{value}" is not one of {values}; using {fallback}.',
  'options.tooLong': '{name} was longer than {max} characters and was cut.',
  'options.unreadable': '"{name}" could not be read and was ignored.',
  'options.inQuery': '"{name}" comes after "?" in the address, where settings are not read; write it after "#" instead: …{fix}',
};
