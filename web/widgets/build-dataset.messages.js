// Every word the build-dataset widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'build-dataset.title': 'Build the dataset',
  'build-dataset.hint': 'Which columns tell you something about a house’s price? Switch features on and off: the signal meter reads the validation R² of the model the engine fits on the columns you kept.',
  // The columns of generated houses (as the engine's courseHouses names them)…
  'build-dataset.column.size': 'size (m²)',
  'build-dataset.column.beds': 'bedrooms',
  'build-dataset.column.age': 'age (years)',
  'build-dataset.column.distance': 'distance to centre (km)',
  'build-dataset.column.shoe': 'owner\'s shoe size',
  'build-dataset.column.colour': 'favourite colour code',
  'build-dataset.column.id': 'random ID',
  // …and their short names: the preview's header, and the columns of imported houses.
  'build-dataset.short.size': 'size',
  'build-dataset.short.beds': 'beds',
  'build-dataset.short.age': 'age',
  'build-dataset.short.distance': 'distance',
  'build-dataset.short.shoe': 'shoe size',
  'build-dataset.short.colour': 'colour code',
  'build-dataset.short.id': 'random ID',
  'build-dataset.short.price': 'price (k)',
  'build-dataset.toggles': 'Features given to the model',
  'build-dataset.meter': 'Signal: validation R² in percent',
  'build-dataset.meter.best': 'best possible',
  'build-dataset.signal': 'signal {percent}%',
  // A validation R² below 0: the bar stays empty, the words say how far below.
  'build-dataset.signal.below': 'signal {percent}% (below 0)',
  'build-dataset.meter.value': '{percent}%',
  'build-dataset.meter.below': '{percent}%, below 0: worse than always guessing the average price',
  'build-dataset.plot': 'Predicted against actual price for the validation houses',
  'build-dataset.legend': 'Hollow circles: validation houses (never used for fitting). Dashed line: perfect predictions. The closer the circles hug it, the higher R².',
  'build-dataset.stat.validation': 'validation R²',
  'build-dataset.stat.training': 'training R²',
  'build-dataset.stat.best': 'best possible',
  'build-dataset.stat.features': 'features',
  'build-dataset.count': '{chosen} of {total}',
  'build-dataset.predict.question': 'With every real clue in, adding one meaningless column will make the validation R²…',
  'build-dataset.predict.rise': 'rise',
  'build-dataset.predict.same': 'stay exactly the same',
  'build-dataset.predict.fall': 'fall',
  'build-dataset.predict.ready': 'First switch on exactly the columns that really drive the price (and nothing else).',
  'build-dataset.predict.next': 'Now switch on shoe size, the colour code or the random ID, and watch both R² readouts.',
  'build-dataset.predict.seen': 'A meaningless column has been added to exactly the informative ones before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'build-dataset.predict.why': 'Adding {name} moved the validation R² from {before} to {after}, while the training R² is now {train}. The fit gives the column a small weight that matches accidents of the {n} training houses; the validation houses do not share them.',
  'build-dataset.preview.caption': 'The first {shown} of {rows} generated houses',
  'build-dataset.preview.legend': 'The first {shown} of {rows} houses: {train} train the model, {validation} are held back to score it.',
  'build-dataset.none': 'No features chosen: the model has nothing to go on but the average price. Toggle a feature to give it a clue.',
  'build-dataset.fitFailed': 'The engine could not fit these columns; try a different set.',
  // The best set on screen: chosen by the learner (counted), it completes the activity; restored from
  // a link or the page's address, it is not counted (complete: the lesson has the activity complete).
  // On imported houses (imported) it is practice: only the game's own houses are recorded.
  'build-dataset.strongest': ({ r2, counted, complete, imported }) => `The strongest set: validation R² ${r2}, the best any combination of these columns reaches. Every useful clue is in, and nothing that only adds noise. ${imported
    ? `This round is practice: these are imported houses, and only the strongest set of the game’s own houses is recorded, so it is not recorded${complete ? ' (the activity is already complete)' : ''}.`
    : counted
      ? 'Finding it completes this activity.'
      : `This set was restored from a link or the page address, not chosen here${complete ? '; the activity is already complete.' : ', so it does not count: choose the columns yourself to complete this activity.'}`}`,
  // Imported houses whose prices do not vary (all of them, or all the training or validation houses):
  // R² has no meaning there, so they are refused (a file, or a Share link holding them).
  'build-dataset.csv.onePrice': 'Every house has the same price, {price}: the prices do not vary, so there is nothing to predict, and R², which compares the errors with the spread of the prices, has no meaning.',
  'build-dataset.csv.onePartPrice': ({ validation, count, price }) => `All ${count} ${validation ? 'validation' : 'training'} houses of the seeded split have the same price, ${price}: the prices the model ${validation ? 'is scored on' : 'learns from'} do not vary, so ${validation ? 'validation' : 'training'} R², which compares the errors with the spread of the prices, has no meaning.`,
  'build-dataset.keepGoing': 'Validation R² {r2}. Keep toggling: can you reach {best}?',
  'build-dataset.theBest': 'the best',
  'build-dataset.ownHouses': ({ adding, name, delta }) => `${adding ? 'Adding' : 'Removing'} ${name}: validation R² ${delta} on your houses.`,
  'build-dataset.addReal.helps': 'Adding {name}: validation R² {d}. It carries real information about the price, so the model predicts unseen houses better.',
  'build-dataset.addReal.lost': 'Adding {name}: validation R² {d}. It does carry information about the price, but with the columns already in, what it adds is lost in the extra weight fitted to this split\'s noise.',
  'build-dataset.addNoise.hurts': 'Adding {name}: validation R² {d}. It has nothing to do with the price; the model still gives it a small weight that fits chance wiggles in the {n} training houses, and those wiggles do not repeat in the validation houses.',
  'build-dataset.addNoise.blip': 'Adding {name}: validation R² {d}, a lucky blip of this particular split. It cannot really predict price; with other houses it would as likely hurt. Take it out.',
  'build-dataset.removeReal.hurts': 'Removing {name}: validation R² {d}. That clue was helping; the model now misses part of what sets the price.',
  'build-dataset.removeReal.unrewarded': 'Removing {name}: validation R² {d}. It does carry information about the price, but with these other columns in, this split did not reward it.',
  'build-dataset.removeNoise.good': 'Removing {name}: validation R² {d}. Good riddance: it only added noise.',
  'build-dataset.removeNoise.blip': 'Removing {name}: validation R² {d}: it had given a lucky blip on this split. It cannot really predict price, so leaving it out is still the honest choice.',
  'build-dataset.axis.x': 'actual price (k)',
  'build-dataset.axis.y': 'predicted (k)',
  'build-dataset.empty': 'Choose a feature to see predictions',
  'build-dataset.figure': 'Predicted against actual price for {n} validation houses; validation R² {r2}',
  'build-dataset.figure.empty': 'No predictions yet: no features chosen',
};
