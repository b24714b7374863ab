// Every word the house-table widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'house-table.title': 'A tiny house dataset',
  'house-table.hint': 'Each row is one example (a house). Three columns are features; price is the label. Which feature is useless for predicting the price? Pick its column.',
  'house-table.column.size_m2': 'size (m²)',
  'house-table.column.bedrooms': 'bedrooms',
  'house-table.column.owner_shoe_size': 'owner’s shoe size',
  'house-table.why.size': 'Size carries signal: bigger houses sell for more, and in this table price climbs steadily with size.',
  'house-table.why.bedrooms': 'Bedrooms carry signal: more bedrooms usually means a bigger, pricier house (though it overlaps with size).',
  'house-table.why.shoe': 'Right: the owner’s shoe size is noise. It has nothing to do with the house, and in the table it jumps around while price climbs steadily.',
  'house-table.caption': '{count} houses: features and sale price',
  'house-table.house': 'house',
  'house-table.feature': 'feature',
  'house-table.price': 'price (k)',
  'house-table.label': 'label',
  'house-table.scrollCue': 'The table is wider than the screen: swipe it sideways to see every feature; the price column stays in view.',
  'house-table.stat.pick': 'your pick',
  'house-table.ask': 'Click the header of the column you think is noise.',
  'house-table.report': 'Spot the noise column (first pick)',
  'house-table.notThat': 'Not that one. {why} Try another column.',
  // The noise column found after a miss (on this page or an earlier visit), and any pick after the
  // recorded first one.
  'house-table.foundLate': 'It was not your first pick, so it completes the game without scoring: your first pick is the one your progress records. Later picks are practice.',
  'house-table.practice': '(Practice: your first pick is the one your progress records.)',
};
