// Every word the precision-recall-by-hand widget shows a learner (English). Numbers arrive
// formatted (web/lib/format.js); another language adds the same keys with addMessages
// (web/lib/messages.js).
import { formatNumber } from '../lib/format.js';

export const messages = {
  'precision-recall-by-hand.title': 'Precision and recall by hand',
  'precision-recall-by-hand.hint': 'Change the three counts. The working below shows each fraction; the engine computes the values.',
  'precision-recall-by-hand.input.tp': 'TP (true positives)',
  'precision-recall-by-hand.input.fp': 'FP (false positives)',
  'precision-recall-by-hand.input.fn': 'FN (false negatives)',
  'precision-recall-by-hand.count.tp': 'TP',
  'precision-recall-by-hand.count.fp': 'FP',
  'precision-recall-by-hand.count.fn': 'FN',
  'precision-recall-by-hand.working': 'Working',
  'precision-recall-by-hand.stat.precision': 'precision',
  'precision-recall-by-hand.stat.recall': 'recall',
  'precision-recall-by-hand.stat.f1': 'F1',
  'precision-recall-by-hand.refused': '{count} stays {kept}: {reason}.',
  'precision-recall-by-hand.allZero': 'All three counts are zero: nothing was flagged and there are no real positives, so precision (0 / 0), recall (0 / 0) and F1 (2TP / (2TP + FP + FN) = 0 / 0) are all undefined.',
  'precision-recall-by-hand.line.precision': 'Precision',
  'precision-recall-by-hand.line.recall': 'Recall',
  'precision-recall-by-hand.line.f1': 'F1',
  'precision-recall-by-hand.precision.undefined': 'TP / (TP + FP) = 0 / 0: nothing was flagged, so it is undefined (reported as 0).',
  'precision-recall-by-hand.precision.working': 'TP / (TP + FP) = {tp} / ({tp} + {fp}) = {tp} / {flagged} = {value}',
  'precision-recall-by-hand.recall.undefined': 'TP / (TP + FN) = 0 / 0: there are no real positives, so it is undefined (reported as 0).',
  'precision-recall-by-hand.recall.working': 'TP / (TP + FN) = {tp} / ({tp} + {fn}) = {tp} / {positives} = {value}',
  'precision-recall-by-hand.f1.noHits': '2TP / (2TP + FP + FN) = 0 / {bottom} = {value} (with TP = 0, the form 2·P·R / (P + R) would read 0 / 0)',
  'precision-recall-by-hand.f1.working': '2·P·R / (P + R) = 2TP / (2TP + FP + FN) = {top} / {bottom} = {value}',
  'precision-recall-by-hand.noFlags': 'Nothing was flagged positive: precision is undefined (0 / 0, reported as 0), and recall and F1 are 0, since every real positive was missed.',
  'precision-recall-by-hand.noPositives': 'There are no real positives: recall is undefined (0 / 0, reported as 0), and every flag is a false alarm, so precision and F1 are 0.',
  'precision-recall-by-hand.noHits': ({ fp, fn }) => `Not one real positive was caught: ${fp === 1 ? 'the only flag is a false alarm' : `all ${formatNumber(fp, 0, { grouping: true })} flags are false alarms`} and ${fn === 1 ? 'the only real positive was missed' : `all ${formatNumber(fn, 0, { grouping: true })} real positives were missed`}, so precision, recall and F1 are all 0. F1 is not undefined here: its denominator 2TP + FP + FN is above 0.`,
  'precision-recall-by-hand.precise': 'Precise but incomplete: {precision}% of the flags are right, yet {fn} of {positives} real positives ({missed}%) were missed. F1 ({f1}), their harmonic mean, sits nearer the smaller of the two, recall. A lower threshold would raise recall and cost precision.',
  'precision-recall-by-hand.thorough': 'Thorough but noisy: {recall}% of real positives are caught, but {fp} of {flagged} flags are false alarms. F1 ({f1}), their harmonic mean, sits nearer the smaller of the two, precision. A higher threshold would raise precision and cost recall.',
  'precision-recall-by-hand.neitherHigh': ({ precision, recall, f1, smaller }) => `Neither is high: ${precision}% of the flags are right and ${recall}% of the real positives are caught. The two are not about equal either (the smaller is under 90% of the larger), so F1 (${f1}), their harmonic mean, sits nearer the smaller, ${smaller === 'precision' ? 'precision' : 'recall'}.`,
  'precision-recall-by-hand.balanced': ({ f1, low, precision, recall }) => `Precision and recall are about equal (the smaller is at least 90% of the larger), so F1 (${f1}), their harmonic mean, sits between them, at or just under their plain average.${low ? ` But both are low: ${precision}% of the flags are right and ${recall}% of the real positives are caught.` : ''}`,
};
