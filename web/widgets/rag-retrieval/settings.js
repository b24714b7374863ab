// The rag-retrieval widget's options and its verdict rule, apart from the DOM so the lesson's
// claims test can import them (web/widgets/rag-retrieval.js draws; this file decides).
import { OUTSIDE_QUESTIONS, QUESTIONS } from '../../lib/retrieval-collection.js';

export const MAX_CHARS = 200;

export const schema = {
  question: { type: 'string', maxLength: MAX_CHARS, default: QUESTIONS[0].text, description: 'The question at the start (one of the examples, or your own words).' },
  retriever: { type: 'enum', values: ['tfidf', 'lsa'], default: 'tfidf', description: 'Retriever: tf-idf (shared words) or embeddings (LSA, a truncated SVD of the tf-idf matrix).' },
  k: { type: 'int', min: 1, max: 5, default: 2, description: 'How many top passages the answerer reads (top-k).' },
  dimensions: { type: 'int', min: 2, max: 20, default: 8, description: 'Dimensions of the LSA embedding.' },
  minScore: { type: 'number', min: 0, max: 0.9, default: 0, description: 'A passage scoring below this is not used; if none is left the answer is “not found”.' },
  dropRelevant: { type: 'boolean', default: false, description: 'Break retrieval: leave the passages that answer the chosen example question out of the index.' },
  noRetrieval: { type: 'boolean', default: false, description: 'Answer with no retrieval at all (the baseline).' },
};

// The example question with this text, if any: { relevant: [...] } for a covered question,
// { relevant: [] } for a question the collection cannot answer, null for the learner's own.
export function knownQuestion(text) {
  const t = String(text).trim();
  const q = QUESTIONS.find((x) => x.text === t);
  if (q) return { relevant: q.relevant.slice() };
  return OUTSIDE_QUESTIONS.includes(t) ? { relevant: [] } : null;
}

// The verdict the widget gives, by the lesson's definition: an answer is right when it is copied
// from a passage that answers the question; for a question the collection does not cover, only
// "not found" is right.
export function judgeAnswer(answer, known) {
  if (!known) return answer.found ? 'unknown' : 'not-found';
  if (!known.relevant.length) return answer.found ? 'made-up' : 'right-not-found';
  if (!answer.found) return 'not-found';
  return known.relevant.includes(answer.passage) ? 'right' : 'wrong';
}
