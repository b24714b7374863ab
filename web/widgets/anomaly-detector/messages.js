// Every word the anomaly-detector widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); counts with their noun come from format.js countOf; another language adds
// the same keys with addMessages (web/lib/messages.js).
import { countOf } from '../../lib/format.js';

export const messages = {
  'anomaly-detector.title': 'Anomaly detection: z-score against isolation forest',
  'anomaly-detector.hint': 'Orange triangles are normal points, blue circles the planted anomalies; a ring marks each point the detector flags. Drag points, or click an empty spot to plant a new anomaly (keyboard: N shows a cursor, the arrows move it, N again plants).',
  'anomaly-detector.plot': 'Points and anomaly scores',
  'anomaly-detector.legend.normal': 'normal point',
  'anomaly-detector.legend.anomaly': 'planted anomaly',
  'anomaly-detector.legend.flagged': 'flagged by the detector',
  'anomaly-detector.scale': 'score',
  'anomaly-detector.newPoints': 'New points',
  'anomaly-detector.newPointsTitle': 'Draw fresh normal points with the next seed',
  'anomaly-detector.select.scene': 'normal points',
  'anomaly-detector.scene.band': 'a diagonal band',
  'anomaly-detector.scene.clusters': 'two clusters',
  'anomaly-detector.select.detector': 'heat map shows',
  'anomaly-detector.detector.forest': 'isolation forest',
  'anomaly-detector.detector.zscore': 'z-score (largest |z|)',
  'anomaly-detector.slider.contamination': 'contamination (share flagged)',
  'anomaly-detector.stat.forestPrecision': 'forest precision',
  'anomaly-detector.stat.forestRecall': 'forest recall',
  'anomaly-detector.stat.zPrecision': 'z-score precision',
  'anomaly-detector.stat.zRecall': 'z-score recall',
  'anomaly-detector.predict.question': 'On the two clusters, with the default 4% flagged, which detector finds more of the planted anomalies?',
  'anomaly-detector.predict.forest': 'the isolation forest',
  'anomaly-detector.predict.zscore': 'the z-score detector',
  'anomaly-detector.predict.tie': 'both find the same number',
  'anomaly-detector.predict.next': 'Now choose “two clusters” as the normal points, set the contamination to {judged}, and look at both heat maps: switch “heat map shows” to the other detector.',
  'anomaly-detector.predict.seen': 'The two clusters, with both detectors’ recalls, were on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'anomaly-detector.predict.glimpsed': 'The two clusters, with both detectors’ recalls at {share} flagged, were on screen before a prediction was locked in. That is enough to guess the answer at {judged} from, so a prediction made on this page now is practice and is not recorded.',
  'anomaly-detector.predict.share': 'Set the contamination back to {judged} to check your prediction: it is about {judged} flagged, and the slider is at {share}, so these recalls do not test it.',
  'anomaly-detector.predict.back': 'The contamination is back at {judged}. Now switch “heat map shows” to “{other}” to look at both heat maps.',
  'anomaly-detector.predict.why': 'The isolation forest flags {forest} of the planted anomalies, the z-score detector {zscore}. Every planted point but the far one is ordinary in each coordinate on its own, so its z-scores are small. Random cuts isolate the points in the gap quickly because nothing else is near; the empty corners are harder, because each of their coordinates also lies inside one cluster’s range and the cuts run parallel to the axes.',
  'anomaly-detector.flagged': ({ flagged, share, rows, planted }) => `Each detector flags the ${countOf(flagged, 'point')} with the highest scores (${share} of ${rows}); ${countOf(planted, 'planted anomaly', 'planted anomalies')}.`,
  // The top scores tie at the cut-off, and tied points are not flagged: the detectors flag different
  // numbers of points, or none at all.
  'anomaly-detector.flaggedTied': ({ forest, zscore, share, rows, planted }) => `${forest === 0 && zscore === 0
    ? `Neither detector flags any point: the highest scores are tied, and a point is flagged only when its score lies above the cut-off for the top ${share} of ${rows}`
    : `Each detector flags the points whose scores lie above the cut-off for the top ${share} of ${rows}, and points tied at the cut-off are left out: the isolation forest flags ${countOf(forest, 'point')}, the z-score detector ${countOf(zscore, 'point')}`}; ${countOf(planted, 'planted anomaly', 'planted anomalies')}.`,
  'anomaly-detector.csv.onePlace': 'Every point is at ({x}, {y}): both detectors would give every point the same score, so none could stand out. The detectors need points at two different places at least.',
  // An import's labels as this widget reads them: scikit-learn's −1/1 (−1 outlier, 1 inlier), or
  // the larger of two labels as the anomaly (1 in the widget's own 0/1 files).
  'anomaly-detector.csv.labels': ({ sklearn, words, anomalyLabel, normalLabel, anomalies, normal }) => `${sklearn
    ? 'The labels -1 and 1 were read as scikit-learn writes them (-1 outlier, 1 inlier): '
    : words ? 'In this widget class 1 marks an anomaly: ' : 'In this widget the larger label marks an anomaly: '}label ${anomalyLabel} → planted anomaly (${countOf(anomalies, 'point')}), label ${normalLabel} → normal point (${countOf(normal, 'point')}).`,
  // Names the file's own labels: "the larger label" meant nothing for cat/dog or scikit-learn's −1/1.
  'anomaly-detector.csv.mostAnomalies': 'More points are planted anomalies ({anomalies}) than normal points ({normal}): anomalies should be rare. If label {anomalyLabel} marks the normal points in your file, swap labels {anomalyLabel} and {normalLabel} and import it again.',
  'anomaly-detector.nothingPlanted': '{flagged} With nothing planted, every flag is a false alarm: precision and recall have nothing to measure.',
  'anomaly-detector.forestBetter': '{flagged} The isolation forest finds {forest} of them, the z-score detector {zscore}: a point can be ordinary in each coordinate and still lie where no other point is.',
  'anomaly-detector.zscoreBetter': '{flagged} The z-score detector finds {zscore} of them, the isolation forest {forest}.',
  'anomaly-detector.tie': '{flagged} Both detectors find {recall} of them.',
  'anomaly-detector.scale.forest': 'isolation-forest score a(x)',
  'anomaly-detector.scale.zscore': 'largest |z|',
  'anomaly-detector.figure': '{rows} points; heat map of the {detector}; forest recall {forest}, z-score recall {zscore}',
  'anomaly-detector.axis.x': 'x₁',
  'anomaly-detector.axis.y': 'x₂',
  'anomaly-detector.keys': 'Arrow keys move the ringed point (Shift for bigger moves), Enter picks the next point, N shows a cursor to plant a new anomaly (move it with the arrows, press N again to plant), Escape puts things back.',
  'anomaly-detector.selected': ({ index, rows, planted, x, y, flagged, detector }) => `Point ${index} of ${rows}: ${planted ? 'planted anomaly' : 'normal point'} at (${x}, ${y}), ${flagged ? 'flagged' : 'not flagged'} by ${detector}.`,
  'anomaly-detector.by.forest': 'the isolation forest',
  'anomaly-detector.by.zscore': 'the z-score detector',
  'anomaly-detector.cursor': 'Cursor at ({x}, {y}), {away} from the nearest point. Press N to plant an anomaly here, Escape to put the cursor away.',
  'anomaly-detector.recalls': 'Forest recall {forest}, z-score recall {zscore}.',
  'anomaly-detector.full': 'No more points: the widget holds at most {max}.',
};
