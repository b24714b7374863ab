// Retrieval-augmented answering (landscape): a question, a collection of 28 passages about a town
// we made up (web/lib/retrieval-collection.js), and two retrievers from the engine — TfidfRetriever
// (shared words, weighted by rarity) and LsaRetriever (embeddings from a truncated SVD of the same
// tf-idf matrix). The ranked passages and their scores, recall@k and MRR over the question set,
// and the extractive answer (the best sentence of the top-k passages, or "not found") all come
// from the engine. Two switches break retrieval on purpose: dropping the right passage from the
// index, and answering with no retrieval at all. Nothing here imitates a language model.
import { mountWidget, attempt } from '../lib/widget.js';
import { checkbox, el, fixed, nextId, segmented, select, slider } from '../lib/ui.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { capText } from '../lib/tokens.js';
import { createPrediction } from '../lib/predict.js';
import { OUTSIDE_QUESTIONS, PASSAGES, QUESTIONS, STOP_WORDS } from '../lib/retrieval-collection.js';
import { judgeAnswer, knownQuestion, MAX_CHARS, schema } from './rag-retrieval/settings.js';
import { messages } from './rag-retrieval/messages.js';

export { schema };

const OWN = 'own';

export const meta = { title: messages['rag-retrieval.title'], hint: messages['rag-retrieval.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
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
  const pickOptions = [...QUESTIONS.map((q, i) => [String(i), q.text]), ...OUTSIDE_QUESTIONS.map((q, i) => [`out${i}`, t('rag-retrieval.outside', { question: q })]), [OWN, t('rag-retrieval.own')]];
  const pick = select(card.stage, { label: t('rag-retrieval.select.example'), options: pickOptions, value: pickValue(opts.question), onChange: (v) => {
    if (v === OWN) { box.focus(); return; }
    box.value = v.startsWith('out') ? OUTSIDE_QUESTIONS[Number(v.slice(3))] : QUESTIONS[Number(v)].text;
    opts.question = box.value;
    refresh();
  } });
  const inputId = nextId('question');
  const box = el('input', { id: inputId, type: 'text', className: 'dw-textbox', spellcheck: 'false', maxlength: String(MAX_CHARS), autocomplete: 'off' });
  box.value = opts.question;
  card.stage.append(el('label', { className: 'dw-textbox-label', for: inputId, text: t('rag-retrieval.input') }), box);
  const capNote = el('p', { className: 'dw-footnote', role: 'note' });
  card.stage.append(capNote);

  const answerBox = el('div', { className: 'rag-retrieval-answer', role: 'status', 'aria-live': 'polite' });
  const answerHead = el('p', { className: 'rag-retrieval-answer-head' });
  const answerText = el('p', { className: 'rag-retrieval-answer-text' });
  const answerWhy = el('p', { className: 'rag-retrieval-answer-why' });
  answerBox.append(answerHead, answerText, answerWhy);
  card.stage.append(answerBox);

  const promptDetails = el('details', { className: 'dw-details' });
  promptDetails.append(el('summary', { text: t('rag-retrieval.promptSummary') }));
  const promptText = el('pre', { className: 'rag-retrieval-prompt', tabindex: '0' });
  promptDetails.append(el('p', { className: 'dw-footnote', text: t('rag-retrieval.promptNote') }), promptText);
  card.stage.append(promptDetails);

  card.stage.append(el('h4', { className: 'dw-subhead', text: t('rag-retrieval.passages') }));
  const list = el('ol', { className: 'rag-retrieval-list dw-scroll', tabindex: '0', 'aria-label': t('rag-retrieval.list') });
  card.stage.append(list);
  card.stage.append(el('p', { className: 'dw-legend', text: t('rag-retrieval.legend') }));

  const seg = segmented(card.controls, { label: t('rag-retrieval.retriever'), options: ['tfidf', 'lsa'].map((r) => [r, t(`rag-retrieval.retriever.${r}`)]), value: opts.retriever, onChange: (v) => { opts.retriever = v; refresh(); } });
  const kSlider = slider(card.controls, { label: t('rag-retrieval.slider.k'), min: 1, max: 5, step: 1, value: opts.k, format: (v) => fixed(v, 0), onInput: (v) => { opts.k = v; refresh(); } });
  const dimSlider = slider(card.controls, { label: t('rag-retrieval.slider.dimensions'), min: 2, max: 20, step: 1, value: opts.dimensions, format: (v) => fixed(v, 0), onInput: (v) => { opts.dimensions = v; refresh(); } });
  const minSlider = slider(card.controls, { label: t('rag-retrieval.slider.minScore'), min: 0, max: 0.9, step: 0.01, value: opts.minScore, format: (v) => fixed(v, 2), onInput: (v) => { opts.minScore = v; refresh(); } });
  const dropBox = checkbox(card.controls, { label: t('rag-retrieval.drop'), checked: opts.dropRelevant, onChange: (v) => { opts.dropRelevant = v; refresh(); } });
  const offBox = checkbox(card.controls, { label: t('rag-retrieval.noRetrieval'), checked: opts.noRetrieval, onChange: (v) => { opts.noRetrieval = v; refresh(); } });

  const stat = {
    rank: card.stat(t('rag-retrieval.stat.rank')), top: card.stat(t('rag-retrieval.stat.top')),
    recall: card.stat(t('rag-retrieval.stat.recall')), mrr: card.stat(t('rag-retrieval.stat.mrr')),
  };

  // Predict, then check: retrieval by meaning on a question that shares no word with its passage.
  // Judged with the embedding the widget was mounted with (d = 8 in the lesson, whose reveal says
  // 20th to 5th): the lesson's d = 2 try, left set, is another embedding, where the passage falls
  // to 25th.
  const SWIM = QUESTIONS.findIndex((q) => q.text === 'How much does swimming cost?');
  const swimDims = opts.dimensions;
  const task = createPrediction(ctx, {
    id: 'swimming-by-meaning',
    // The question names no option's value: it labels the choice control, whose name stays put
    // when the options change (the next-step text and the notes give d).
    question: t('rag-retrieval.predict.question'),
    choices: ['up', 'same', 'down'].map((c) => [c, t(`rag-retrieval.predict.${c}`)]),
    next: t('rag-retrieval.predict.next', { d: fixed(swimDims, 0) }),
  });

  let last = null; // what the page shows now: { ranking, answer, verdict, rankOfRight }

  function pickValue(text) {
    const asked = String(text).trim();
    const qi = QUESTIONS.findIndex((q) => q.text === asked);
    if (qi >= 0) return String(qi);
    const oi = OUTSIDE_QUESTIONS.indexOf(asked);
    return oi >= 0 ? `out${oi}` : OWN;
  }

  function rankOf(ranking, relevant) {
    for (let r = 0; r < ranking.indices.length; r++) if (relevant.includes(ranking.indices[r])) return r + 1;
    return 0;
  }

  function refresh() {
    const { text, cut } = capText(box.value, MAX_CHARS);
    capNote.textContent = cut ? t('rag-retrieval.cap', { max: formatNumber(MAX_CHARS, 0) }) : '';
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
    stat.rank.set(!known || !known.relevant.length ? '–' : opts.dropRelevant ? t('rag-retrieval.rank.dropped') : t('rag-retrieval.rank.of', { rank: fixed(rankOfRight, 0), count: fixed(ranking.indices.length, 0) }));
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
      if (isUsed) badges.push(el('span', { className: 'rag-retrieval-badge', text: t('rag-retrieval.badge.read') }));
      if (answers) badges.push(el('span', { className: 'rag-retrieval-badge rag-retrieval-badge-right', text: t('rag-retrieval.badge.answers') }));
      const li = el('li', { className: `rag-retrieval-item${isUsed ? ' rag-retrieval-used' : ''}` }, [
        el('span', { className: 'rag-retrieval-rank', text: t('rag-retrieval.itemRank', { rank: fixed(i + 1, 0) }) }),
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
      answerHead.textContent = t('rag-retrieval.head.noRetrieval');
      answerText.textContent = t('rag-retrieval.text.noRetrieval');
      answerWhy.textContent = t('rag-retrieval.why.noRetrieval');
    } else if (!answer.found) {
      answerHead.textContent = t('rag-retrieval.head.answer');
      answerText.textContent = t('rag-retrieval.text.notFound');
      answerWhy.textContent = verdict === 'right-not-found'
        ? t('rag-retrieval.why.rightNotFound')
        : ranking.scores.length && ranking.scores[0] > 0
          ? t('rag-retrieval.why.belowMinimum', { score: fixed(ranking.scores[0], 3), minimum: fixed(opts.minScore, 2) })
          : t('rag-retrieval.why.noSharedWord');
    } else {
      answerHead.textContent = t('rag-retrieval.head.copied', { rank: fixed(answer.rank, 0), score: fixed(answer.passageScore, 3) });
      answerText.textContent = answer.sentence;
      answerWhy.textContent = verdict === 'right' ? t('rag-retrieval.why.right')
        : verdict === 'wrong' ? wrongReason(known, ranking)
          : verdict === 'made-up' ? t('rag-retrieval.why.madeUp')
            : t('rag-retrieval.why.own');
    }
    const context = opts.noRetrieval ? [] : ranking.indices.filter((p) => used.has(p));
    promptText.textContent = t('rag-retrieval.prompt', { context: context.length ? context.map((p, i) => t('rag-retrieval.prompt.passage', { number: formatNumber(i + 1, 0), passage: PASSAGES[p] })).join('\n') : t('rag-retrieval.prompt.nothing'), question });
    // A question of the learner's own has no ✓ passage, so "not found" is no mistake to look for
    // in the ranking; an empty box has asked nothing yet.
    if (!known && !answer.found && !opts.noRetrieval) {
      answerBox.dataset.tone = 'info';
      card.setMessage(question.trim() ? t('rag-retrieval.message.ownNotFound') : t('rag-retrieval.message.empty'), 'info');
      return;
    }
    const msg = verdict === 'right' || verdict === 'right-not-found' ? t('rag-retrieval.message.right') : verdict === 'unknown' ? t('rag-retrieval.message.unknown') : t('rag-retrieval.message.wrong');
    card.setMessage(msg, verdict === 'right' || verdict === 'right-not-found' ? 'ok' : verdict === 'unknown' ? 'info' : 'warn');
  }

  // Why a copied answer is wrong: the right passage was dropped, ranked outside the top k, scored
  // under the minimum, or read but beaten by a sentence of another passage.
  function wrongReason(known, ranking) {
    if (opts.dropRelevant) return t('rag-retrieval.wrong.dropped');
    const r = last.rankOfRight;
    if (r > opts.k) return t('rag-retrieval.wrong.outsideTopK', { rank: fixed(r, 0), k: fixed(opts.k, 0) });
    const s = ranking.scores[r - 1];
    if (!(s > 0) || s < opts.minScore) return t('rag-retrieval.wrong.notRead', { rank: fixed(r, 0), score: fixed(s, 3) });
    return t('rag-retrieval.wrong.beaten', { rank: fixed(r, 0) });
  }

  // Settled when the learner looks at the swimming question with LSA at the mounted d (nothing
  // dropped): the rank of the pool-prices passage under each retriever decides. The tf-idf rank
  // (20th, stated in the lesson) does not depend on any setting, so it is not waited for: an
  // embedding's rank on screen beside a locked prediction is judged at once. k, the minimum score
  // and "no retrieval" change the answer, not the ranking on screen, so they do not matter here.
  const tfidfRank = SWIM < 0 ? 0 : rankOf({ indices: Array.from(tfidf.search(QUESTIONS[SWIM].text).indices) }, QUESTIONS[SWIM].relevant);
  let offSettingNoted = false; // the box says a setting differs from the one it is judged at
  function checkPrediction(text) {
    if (SWIM < 0 || text.trim() !== QUESTIONS[SWIM].text) return;
    const note = (key, params) => {
      if (task.pending === null) return;
      task.note(t(key, params));
      offSettingNoted = true;
    };
    // With the passage dropped there is no rank to compare: nothing is shown, nothing settles.
    if (opts.dropRelevant) { note('rag-retrieval.predict.dropped'); return; }
    if (opts.retriever === 'tfidf') {
      // Back at the judged settings, the box again says what to do next.
      if (offSettingNoted && task.pending !== null) task.note(t('rag-retrieval.predict.next', { d: fixed(swimDims, 0) }));
      offSettingNoted = false;
      return;
    }
    // Another d is another embedding, with its own rank: it neither settles the box nor shows its
    // answer, and says how to get back (the slider's whole-number stops are compared).
    if (opts.dimensions !== swimDims) { note('rag-retrieval.predict.dimensions', { d: fixed(opts.dimensions, 0), judged: fixed(swimDims, 0) }); return; }
    // The embedding's rank is the answer (the tf-idf one, 20th, is in the lesson's text): on
    // screen with nothing locked, whichever retriever came first, a later prediction could copy it.
    if (task.pending === null) { task.outcomeSeen(t('rag-retrieval.predict.seen', { d: fixed(swimDims, 0) })); return; }
    offSettingNoted = false;
    const lsaRank = last.rankOfRight;
    const outcome = lsaRank < tfidfRank ? 'up' : lsaRank > tfidfRank ? 'down' : 'same';
    task.settle(outcome, t('rag-retrieval.predict.why', { outcome, d: fixed(swimDims, 0), tfidf: fixed(tfidfRank, 0), lsa: fixed(lsaRank, 0) }));
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
