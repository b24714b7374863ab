// Makes a lesson's check-yourself block answerable (the HTML, with every explanation, is written
// by the site build: scripts/lesson-render.mjs, renderCheckYourself). A choice question is checked
// against the choice marked right; a numeric question against the engine's own number
// (web/js/check-computations.js) within the stated tolerance. Each answer shows why it is right
// or wrong. The first answer to each question is what counts, in this visit or an earlier one
// (later answers are practice: they get their feedback and change no score). The block reports
//   'dw:score'    { widget: 'check-yourself', title, score: first answers right so far, max,
//                   answers: per question true / false (first answer right / wrong) or null }
//                 for every first answer, the last one included,
//   'dw:complete' (same detail) after that 'dw:score', once every question has a first answer,
// which web/js/progress.js saves with the lesson's progress; the next visit starts from it.
// The computations (every topic's, web/js/check-computations.js) are fetched on the first numeric
// answer, not with the page; the engine module is the core one when every computation of the
// block is a core one (check-computations/core-names.js), as the page's head preloads it.
import { loadEngine } from '../engine/index.js';
import { coreComputations } from './check-computations/core-names.js';
import { formatNumber, formatShort } from '../lib/format.js';
import { addMessages, languageOf, messageFunction } from '../lib/messages.js';
import { messages } from './check-yourself.messages.js';
import { lessonHost, lessonState } from './progress.js';

// Every word the block shows comes from its messages file, in the page's language.
addMessages('en', messages, { keep: true });

let computationsModule = null;
const loadComputations = () => (computationsModule ||= import('./check-computations.js'));

const WIDGET = 'check-yourself';
const count = (n) => formatNumber(n, 0);

function explain(form, selector) {
  const tpl = form.querySelector(selector);
  return tpl ? tpl.content.cloneNode(true) : document.createTextNode('');
}

function setFeedback(form, right, verdict, why) {
  const out = form.querySelector('.cy-feedback');
  out.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = verdict;
  out.append(strong, ' ', why);
  out.dataset.tone = right ? 'ok' : 'bad';
}

// The first numeric answer waits for the learning engine to load and compile (a second or more on
// a slow machine): the learner sees at once that the answer was taken.
function setPending(form, t) {
  const out = form.querySelector('.cy-feedback');
  out.textContent = t('check-yourself.pending');
  delete out.dataset.tone;
}

function enhance(section, index) {
  const t = messageFunction(languageOf(section));
  const forms = [...section.querySelectorAll('form.cy-item')];
  const scoreLine = section.querySelector('.cy-score');
  let loaded = false; // the engine's answers are in (a Check then needs no 'Checking…')
  const total = forms.length;

  // The first answer to each question counts across visits: the saved first results (web/js/
  // progress.js keeps them per question) are where this visit starts. Saved answers for another
  // number of questions are about an earlier version of the block, and are ignored.
  // The lesson this block belongs to (course.html of the single-file build holds every lesson).
  const slug = lessonHost(section)?.dataset.lesson || '';
  let saved = null;
  let first = new Array(total).fill(null);
  let earlier = first.map(() => false); // first answered in an earlier visit (or another tab): now practice
  // Saved before first answers were kept per question (only a total). Finished: which were right
  // is unknown, so the saved result stands and every answer now is practice.
  let savedTotalOnly = false;
  let finishedUnknown = false;
  let savedText = ''; // the saved result as it was before any answer of this visit

  const counts = () => ({ answered: first.filter((v) => v !== null).length, right: first.filter((v) => v === true).length });
  function savedLine() {
    if (savedTotalOnly) return t('check-yourself.savedTotal', { right: count(saved.best), total: count(total), complete: !!saved.complete });
    const { answered, right } = counts();
    return t('check-yourself.saved', { right: count(right), answered: count(answered), total: count(total) });
  }
  // Reads the saved first answers: when the page opens, and again when another tab changed them
  // ("Reset progress" on the home page, or the same lesson answered there), so that the next answer
  // here writes back what is saved, not what this page remembered. A first answer given in this
  // visit and still saved stays this visit's; one no longer saved (a reset) is forgotten.
  function readSaved() {
    saved = lessonState(slug).activities?.[WIDGET] || null;
    const savedAnswers = saved && Array.isArray(saved.answers) && saved.answers.length === total ? saved.answers : null;
    const ownNow = first.map((v, i) => v !== null && !earlier[i]);
    first = savedAnswers ? savedAnswers.map((v) => (v === true || v === false ? v : null)) : new Array(total).fill(null);
    earlier = first.map((v, i) => v !== null && !ownNow[i]);
    savedTotalOnly = !savedAnswers && !!saved && saved.max === total && Number.isFinite(saved.best);
    finishedUnknown = savedTotalOnly && !!saved.complete;
    savedText = savedLine();
  }
  readSaved();
  // A returning learner sees what was saved (never more than was achieved).
  if (savedTotalOnly || earlier.some(Boolean)) scoreLine.textContent = savedText;

  window.addEventListener('storage', (event) => {
    if (event.key !== null && event.key !== `dw:lesson:${slug}`) return;
    readSaved();
    if (first.some((v, i) => v !== null && !earlier[i])) showScore();
    else scoreLine.textContent = savedTotalOnly || earlier.some(Boolean) ? savedText : '';
  });

  function showScore() {
    if (finishedUnknown) {
      scoreLine.textContent = t('check-yourself.practice', { saved: savedText });
      return;
    }
    const { answered, right } = counts();
    scoreLine.textContent = t('check-yourself.score', { right: count(right), answered: count(answered), total: count(total), kept: earlier.some(Boolean) });
  }

  function report() {
    showScore();
    const { answered, right } = counts();
    const detail = { widget: WIDGET, title: t('check-yourself.title'), score: right, max: total, answers: [...first] };
    // Every first answer is a 'dw:score' (an xAPI "answered"), the last one too; the last is then
    // also the block's 'dw:complete'. progress.js records the same answers twice without counting
    // anything twice, and lms.js reports once for both (one microtask).
    section.dispatchEvent(new CustomEvent('dw:score', { bubbles: true, composed: true, detail }));
    if (answered === total) section.dispatchEvent(new CustomEvent('dw:complete', { bubbles: true, composed: true, detail: { ...detail, answers: [...first] } }));
  }

  // One load of the engine serves every numeric form of the section; the promise is kept so a
  // Check pressed while the engine is still loading waits for that load, and dropped on failure
  // so the next Check tries again.
  let loading = null;
  function engineAnswers() {
    if (!loading) {
      loading = (async () => {
        const { evaluateComputation, parseComputation } = await loadComputations();
        const names = forms.filter((f) => f.dataset.kind === 'number').map((f) => String(f.dataset.compute).trim().split(/[.\s]/)[0]);
        const ml = await loadEngine(names.every((n) => coreComputations.has(n)) ? 'core' : 'full');
        const map = new Map();
        for (const f of forms) {
          if (f.dataset.kind !== 'number') continue;
          try {
            map.set(f, evaluateComputation(ml, parseComputation(f.dataset.compute)));
          } catch (err) {
            map.set(f, err);
          }
        }
        loaded = true;
        return map;
      })();
      loading.catch(() => { loading = null; });
    }
    return loading;
  }
  const engineAnswer = async (form) => (await engineAnswers()).get(form);

  forms.forEach((form, i) => {
    // Typing an answer takes a few seconds: the engine loads meanwhile, not after the Check.
    if (form.dataset.kind === 'number') {
      form.addEventListener('focusin', () => { engineAnswers().catch(() => {}); }, { once: true });
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let right;
      if (form.dataset.kind === 'choice') {
        const picked = form.querySelector('input[type=radio]:checked');
        if (!picked) {
          setFeedback(form, false, t('check-yourself.pickFirst'), '');
          return;
        }
        const tpl = form.querySelector(`template.cy-why[data-choice="${picked.value}"]`);
        right = tpl && tpl.dataset.right === 'true';
        setFeedback(form, right, right ? t('check-yourself.choiceRight') : t('check-yourself.choiceWrong'), explain(form, `template.cy-why[data-choice="${picked.value}"]`));
      } else {
        const input = form.querySelector('input');
        let typed;
        try {
          typed = (await loadComputations()).readNumber(input.value, form.dataset.answer || '', t);
        } catch (err) {
          setFeedback(form, false, t('check-yourself.cannotCheck'), t('check-yourself.codeFailed', { reason: err.message }));
          return;
        }
        if (typed.error) {
          setFeedback(form, false, typed.error, '');
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        input.removeAttribute('aria-invalid');
        let answer;
        if (!loaded) setPending(form, t);
        try {
          answer = await engineAnswer(form);
        } catch (err) {
          answer = err;
        }
        if (!(typeof answer === 'number')) {
          setFeedback(form, false, t('check-yourself.cannotCheck'), t('check-yourself.engineFailed', { reason: answer && answer.message ? answer.message : t('check-yourself.unknownError') }));
          return;
        }
        // Rounding noise around an exact 0 (4 × 10⁻³¹) reads as the 0 it is.
        if (Math.abs(answer) < 1e-12) answer = 0;
        const tolerance = Number(form.dataset.tolerance);
        right = Math.abs(typed.value - answer) <= tolerance + 1e-12;
        // Grouped as the lesson's prose writes it ("1 536", not "1536").
        const shown = formatShort(answer, 4);
        const why = explain(form, 'template.cy-why');
        // {answer} in an explanation is the engine's number.
        const walker = document.createTreeWalker(why, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = n.nodeValue.replaceAll('{answer}', shown);
        // A typed number read other than as written ("2,4", "35%" for a share) says how it was read.
        const reading = typed.readAs ? `${t('check-yourself.readAs', { typed: input.value.trim().slice(0, 20), value: typed.readAs })} ` : '';
        setFeedback(form, right, right ? t('check-yourself.numberRight', { answer: shown }) : t('check-yourself.numberWrong', { answer: shown }), reading);
        form.querySelector('.cy-feedback').append(why);
      }
      if (finishedUnknown) showScore();
      else if (first[i] === null) {
        first[i] = right;
        report();
      } else if (earlier[i]) showScore(); // practice on a question answered before: the line says what counts
    });
  });
  section.dataset.ready = 'true';
  section.dataset.index = String(index);
}

function init() {
  document.querySelectorAll('section[data-check-yourself]').forEach(enhance);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}
