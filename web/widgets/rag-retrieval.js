// Retrieval-augmented answering (landscape): a question, a collection of 28 passages about a town
// we made up (web/lib/retrieval-collection.js), and two retrievers from the engine — TfidfRetriever
// (shared words, weighted by rarity) and LsaRetriever (embeddings from a truncated SVD of the same
// tf-idf matrix). The ranked passages and their scores, recall@k and MRR over the question set,
// and the extractive answer (the best sentence of the top-k passages, or "not found") all come
// from the engine. Two switches break retrieval on purpose: dropping the right passage from the
// index, and answering with no retrieval at all. Nothing here imitates a language model.
import { mountWidget, attempt } from '../lib/widget.js';
import { checkbox, el, fixed, nextId, segmented, select, slider } from '../lib/ui.js';
import { formatPercent } from '../lib/format.js';
import { capText } from '../lib/tokens.js';
import { createPrediction } from '../lib/predict.js';
import { OUTSIDE_QUESTIONS, PASSAGES, QUESTIONS, STOP_WORDS } from '../lib/retrieval-collection.js';
import { judgeAnswer, knownQuestion, MAX_CHARS, schema } from './rag-retrieval/settings.js';

export { schema };

const OWN = 'own';

export const meta = {
  title: 'Retrieve, then answer',
  hint: 'Pick or type a question. See which passages each retriever ranks highest, which ones the answerer reads (top-k), and the sentence it copies. Then break retrieval and watch the answer go wrong.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const tfidf = ctx.own(new ml.TfidfRetriever());
  const lsa = ctx.own(new ml.LsaRetriever());
  tfidf.build(PASSAGES, STOP_WORDS);
  let lsaDims = 0;
  const ensureLsa = () => {
    if (lsaDims === opts.dimensions) return;
    lsa.build(PASSAGES, STOP_WORDS, opts.dimensions);
    lsaDims = opts.dimensions;
  };
  ensureLsa();
  const retriever = () => (opts.retriever === 'lsa' ? lsa : tfidf);

  card.card.classList.add('dw-text-card');
  // The question: an example from the list, or typed.
  const pickOptions = [...QUESTIONS.map((q, i) => [String(i), q.text]), ...OUTSIDE_QUESTIONS.map((q, i) => [`out${i}`, `${q} (not in the collection)`]), [OWN, 'Your own question (type below)']];
  const pick = select(card.stage, { label: 'Example question', options: pickOptions, value: pickValue(opts.question), onChange: (v) => {
    if (v === OWN) { box.focus(); return; }
    box.value = v.startsWith('out') ? OUTSIDE_QUESTIONS[Number(v.slice(3))] : QUESTIONS[Number(v)].text;
    opts.question = box.value;
    refresh();
  } });
  const inputId = nextId('question');
  const box = el('input', { id: inputId, type: 'text', className: 'dw-textbox', spellcheck: 'false', maxlength: String(MAX_CHARS), autocomplete: 'off' });
  box.value = opts.question;
  card.stage.append(el('label', { className: 'dw-textbox-label', for: inputId, text: 'Question' }), box);
  const capNote = el('p', { className: 'dw-footnote', role: 'note' });
  card.stage.append(capNote);

  const answerBox = el('div', { className: 'rag-retrieval-answer', role: 'status', 'aria-live': 'polite' });
  const answerHead = el('p', { className: 'rag-retrieval-answer-head' });
  const answerText = el('p', { className: 'rag-retrieval-answer-text' });
  const answerWhy = el('p', { className: 'rag-retrieval-answer-why' });
  answerBox.append(answerHead, answerText, answerWhy);
  card.stage.append(answerBox);

  const promptDetails = el('details', { className: 'dw-details' });
  promptDetails.append(el('summary', { text: 'The prompt a language model would receive' }));
  const promptText = el('pre', { className: 'rag-retrieval-prompt', tabindex: '0' });
  promptDetails.append(el('p', { className: 'dw-footnote', text: 'Our answerer only copies a sentence; a RAG system pastes the retrieved passages into a prompt like this one and lets a language model write the answer.' }), promptText);
  card.stage.append(promptDetails);

  card.stage.append(el('h4', { className: 'dw-subhead', text: 'Passages, best first' }));
  const list = el('ol', { className: 'rag-retrieval-list dw-scroll', tabindex: '0', 'aria-label': 'Passages ranked by the retriever, best first' });
  card.stage.append(list);
  card.stage.append(el('p', { className: 'dw-legend', text: 'Bar = the retriever’s score (cosine similarity). Solid border: read by the answerer (top-k, above the minimum score). ✓ marks a passage that answers the example question.' }));

  const seg = segmented(card.controls, { label: 'Retriever', options: [['tfidf', 'tf-idf (words)'], ['lsa', 'embeddings (LSA)']], value: opts.retriever, onChange: (v) => { opts.retriever = v; refresh(); } });
  const kSlider = slider(card.controls, { label: 'top-k passages read', min: 1, max: 5, step: 1, value: opts.k, format: (v) => fixed(v, 0), onInput: (v) => { opts.k = v; refresh(); } });
  const dimSlider = slider(card.controls, { label: 'LSA dimensions d', min: 2, max: 20, step: 1, value: opts.dimensions, format: (v) => fixed(v, 0), onInput: (v) => { opts.dimensions = v; refresh(); } });
  const minSlider = slider(card.controls, { label: 'minimum score', min: 0, max: 0.9, step: 0.01, value: opts.minScore, format: (v) => fixed(v, 2), onInput: (v) => { opts.minScore = v; refresh(); } });
  const dropBox = checkbox(card.controls, { label: 'Break retrieval: drop the right passage from the index', checked: opts.dropRelevant, onChange: (v) => { opts.dropRelevant = v; refresh(); } });
  const offBox = checkbox(card.controls, { label: 'Answer without retrieval (no documents)', checked: opts.noRetrieval, onChange: (v) => { opts.noRetrieval = v; refresh(); } });

  const stat = {
    rank: card.stat('right passage ranked'), top: card.stat('top score'),
    recall: card.stat('recall@k (20 questions)'), mrr: card.stat('MRR (20 questions)'),
  };

  // Predict, then check: retrieval by meaning on a question that shares no word with its passage.
  const SWIM = QUESTIONS.findIndex((q) => q.text === 'How much does swimming cost?');
  const task = createPrediction(ctx, {
    id: 'swimming-by-meaning',
    question: 'For “How much does swimming cost?”, switching from tf-idf to embeddings (LSA) will move the pool-prices passage…',
    choices: [['up', 'up the ranking'], ['same', 'nowhere'], ['down', 'down the ranking']],
    next: 'Pick “How much does swimming cost?” with tf-idf, note where the ✓ passage stands, then switch to embeddings (LSA).',
  });

  let last = null; // what the page shows now: { ranking, answer, verdict, rankOfRight }

  function pickValue(text) {
    const t = String(text).trim();
    const qi = QUESTIONS.findIndex((q) => q.text === t);
    if (qi >= 0) return String(qi);
    const oi = OUTSIDE_QUESTIONS.indexOf(t);
    return oi >= 0 ? `out${oi}` : OWN;
  }

  function rankOf(ranking, relevant) {
    for (let r = 0; r < ranking.indices.length; r++) if (relevant.includes(ranking.indices[r])) return r + 1;
    return 0;
  }

  function refresh() {
    const { text, cut } = capText(box.value, MAX_CHARS);
    capNote.textContent = cut ? `Only the first ${MAX_CHARS} characters are used.` : '';
    pick.value = pickValue(text);
    const known = knownQuestion(text);
    dimSlider.setDisabled(opts.retriever !== 'lsa');
    const canDrop = !!(known && known.relevant.length);
    dropBox.disabled = !canDrop;
    const exclude = canDrop && opts.dropRelevant ? known.relevant : [];
    const r = attempt(card, () => {
      ensureLsa();
      const ret = retriever();
      const ranking = ret.search(text, exclude);
      const answer = ret.answer(text, opts.k, opts.minScore, exclude);
      const rankings = QUESTIONS.map((q) => Array.from(ret.search(q.text).indices));
      const relevant = QUESTIONS.map((q) => q.relevant);
      return {
        ranking: { indices: Array.from(ranking.indices), scores: Array.from(ranking.scores) },
        answer,
        recall: ml.recallAtK(rankings, relevant, opts.k),
        mrr: ml.meanReciprocalRank(rankings, relevant),
      };
    }, null);
    if (!r) return;
    const { ranking, recall, mrr } = r;
    const answer = opts.noRetrieval ? { found: false, passage: -1, rank: 0, sentence: '', passageScore: 0, sentenceScore: 0 } : r.answer;
    const verdict = judgeAnswer(answer, known);
    const rankOfRight = known && known.relevant.length ? rankOf(ranking, known.relevant) : 0;
    last = { ranking, answer, verdict, rankOfRight, known };
    // The passages the answerer reads: top-k with a score above 0 and at least the minimum.
    const used = new Set(opts.noRetrieval ? [] : ranking.indices.slice(0, opts.k).filter((p, i) => ranking.scores[i] > 0 && ranking.scores[i] >= opts.minScore));
    drawList(ranking, used, known);
    drawAnswer(answer, verdict, known, text, used, ranking);
    stat.rank.set(!known || !known.relevant.length ? '–' : opts.dropRelevant ? 'dropped' : `${fixed(rankOfRight, 0)} of ${fixed(ranking.indices.length, 0)}`);
    stat.top.set(ranking.scores.length ? fixed(ranking.scores[0], 3) : '–');
    stat.recall.set(formatPercent(recall, 1));
    stat.mrr.set(fixed(mrr, 3));
    checkPrediction(text);
  }

  function drawList(ranking, used, known) {
    const max = Math.max(1e-9, ...ranking.scores.map((s) => Math.abs(s)));
    list.replaceChildren(...ranking.indices.map((p, i) => {
      const s = ranking.scores[i];
      const isUsed = used.has(p);
      const answers = !!(known && known.relevant.includes(p));
      const fill = el('span', { className: 'dw-bar-fill' });
      fill.style.width = `${Math.min(1, Math.max(0, s) / max) * 100}%`;
      fill.dataset.tone = isUsed ? 'pos' : 'neg';
      const badges = [];
      if (isUsed) badges.push(el('span', { className: 'rag-retrieval-badge', text: 'read' }));
      if (answers) badges.push(el('span', { className: 'rag-retrieval-badge rag-retrieval-badge-right', text: '✓ answers it' }));
      const li = el('li', { className: `rag-retrieval-item${isUsed ? ' rag-retrieval-used' : ''}` }, [
        el('span', { className: 'rag-retrieval-rank', text: `#${fixed(i + 1, 0)}` }),
        el('span', { className: 'rag-retrieval-score' }, [el('span', { className: 'dw-bar-track', 'aria-hidden': 'true' }, [fill]), el('span', { className: 'dw-bar-value', text: fixed(s, 3) })]),
        el('span', { className: 'rag-retrieval-text', text: PASSAGES[p] }),
        el('span', { className: 'rag-retrieval-badges' }, badges),
      ]);
      li.dataset.passage = String(p);
      return li;
    }));
  }

  function drawAnswer(answer, verdict, known, question, used, ranking) {
    answerBox.dataset.tone = verdict === 'right' || verdict === 'right-not-found' ? 'good' : verdict === 'unknown' ? 'info' : 'bad';
    answerBox.dataset.verdict = verdict;
    if (opts.noRetrieval) {
      answerHead.textContent = 'Answer without retrieval';
      answerText.textContent = 'Not found: with no documents there is nothing to copy from.';
      answerWhy.textContent = 'Our answerer only quotes passages, so without them it stays silent. A language model in its place would still write a fluent answer from its training data, which has never seen Alderbrook: a made-up answer.';
    } else if (!answer.found) {
      answerHead.textContent = 'Answer';
      answerText.textContent = 'Not found.';
      answerWhy.textContent = verdict === 'right-not-found'
        ? 'Right: the collection does not cover this, and no passage scored above 0 and the minimum score.'
        : ranking.scores.length && ranking.scores[0] > 0
          ? `The best passage scores ${fixed(ranking.scores[0], 3)}, below the minimum score ${fixed(opts.minScore, 2)}.`
          : 'No passage shares a word with the question (every score is 0).';
    } else {
      answerHead.textContent = `Answer, copied from passage #${fixed(answer.rank, 0)} of the ranking (score ${fixed(answer.passageScore, 3)})`;
      answerText.textContent = answer.sentence;
      answerWhy.textContent = verdict === 'right' ? 'Right: it comes from a passage that answers the question.'
        : verdict === 'wrong' ? wrongReason(known, ranking)
          : verdict === 'made-up' ? 'Wrong: the collection does not cover this question, but a passage still scored above the minimum, so the answerer quoted it anyway.'
            : 'Your own question: judge for yourself whether the sentence answers it.';
    }
    const context = opts.noRetrieval ? [] : ranking.indices.filter((p) => used.has(p));
    promptText.textContent = `Answer the question using only the context. If the context does not contain the answer, say so.\n\nContext:\n${context.length ? context.map((p, i) => `[${i + 1}] ${PASSAGES[p]}`).join('\n') : '(nothing retrieved)'}\n\nQuestion: ${question}`;
    const msg = verdict === 'right' || verdict === 'right-not-found' ? 'The answer is right.' : verdict === 'unknown' ? 'An answer was copied from the collection.' : 'The answer is wrong or missing: look at where the ✓ passage is ranked.';
    card.setMessage(msg, verdict === 'right' || verdict === 'right-not-found' ? 'ok' : verdict === 'unknown' ? 'info' : 'warn');
  }

  // Why a copied answer is wrong: the right passage was dropped, ranked outside the top k, scored
  // under the minimum, or read but beaten by a sentence of another passage.
  function wrongReason(known, ranking) {
    if (opts.dropRelevant) return 'Wrong: the right passage is not in the index, so the answerer copied the best of the rest.';
    const r = last.rankOfRight;
    if (r > opts.k) return `Wrong: this passage does not answer the question; the right one is ranked ${fixed(r, 0)}, outside the top ${fixed(opts.k, 0)}.`;
    const s = ranking.scores[r - 1];
    if (!(s > 0) || s < opts.minScore) return `Wrong: the right passage is ranked ${fixed(r, 0)} but scores ${fixed(s, 3)}, so it was not read.`;
    return `Wrong: the right passage (ranked ${fixed(r, 0)}) was read, but a sentence of another passage matched the question better.`;
  }

  // Settled when the learner looks at the swimming question with LSA after tf-idf (same k,
  // nothing dropped): the rank of the pool-prices passage under each retriever decides.
  let tfidfRankSeen = 0;
  function checkPrediction(text) {
    if (SWIM < 0 || text.trim() !== QUESTIONS[SWIM].text || opts.dropRelevant || opts.noRetrieval) return;
    if (opts.retriever === 'tfidf') { tfidfRankSeen = last.rankOfRight; return; }
    if (task.pending === null || !tfidfRankSeen) return;
    const lsaRank = last.rankOfRight;
    const outcome = lsaRank < tfidfRankSeen ? 'up' : lsaRank > tfidfRankSeen ? 'down' : 'same';
    task.settle(outcome, `tf-idf ranks it ${fixed(tfidfRankSeen, 0)} with score 0: “swimming” and “cost” never occur in it (it says “swim” and “costs”). The embedding places it ${fixed(lsaRank, 0)}: it shares “pool” with the passage that does say “swimming”, so the two sit close in the embedding.`);
  }

  const onInput = () => { opts.question = box.value; refresh(); };
  ctx.listen(box, 'input', onInput);
  refresh();

  return {
    update(next) {
      opts = { ...next };
      box.value = opts.question;
      seg.set(opts.retriever);
      kSlider.set(opts.k);
      dimSlider.set(opts.dimensions);
      minSlider.set(opts.minScore);
      dropBox.checked = opts.dropRelevant;
      offBox.checked = opts.noRetrieval;
      refresh();
    },
    currentOptions() { return { ...opts, question: capText(box.value, MAX_CHARS).text }; },
  };
}
