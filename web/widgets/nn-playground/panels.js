// Read-only panels of the playground: the loss-over-time chart (training solid in the model colour,
// test dashed red-orange, as every train/test chart draws them (docs/design.md); validation dotted
// teal) and the metrics panel (accuracy and confusion matrix for
// classes, R², RMSE and MAE for regression). Every number comes from the trainer's engine calls;
// every word through `t`, the widget's message function (messages.js).
import { Plot } from '../../lib/plot.js';
import { el, fixed } from '../../lib/ui.js';
import { formatNumber } from '../../lib/format.js';
import { legend } from '../../lib/legend.js';
import { tableWrap } from '../../lib/table.js';

export function createLossChart(parent, onResize, t) {
  const wrap = el('div', { className: 'nnp-loss' });
  parent.append(wrap);
  const plot = new Plot(wrap, { aspect: 0.42, minHeight: 120, maxHeight: 180, label: t('nn-playground.lossPlot'), onResize });
  plot.margin = { left: 44, right: 10, top: 8, bottom: 26 };
  const keys = legend(wrap, [
    { text: t('nn-playground.loss.train'), swatch: 'nnp-key-line nnp-key-train' },
    { text: t('nn-playground.loss.test'), swatch: 'nnp-key-line nnp-key-test' },
    { text: t('nn-playground.loss.validation'), swatch: 'nnp-key-line nnp-key-val' },
  ], { className: 'nnp-loss-legend', decorative: true });
  const validationKey = keys.lastElementChild;

  return {
    plot,
    draw(history, { showValidation, xKey = 'step' }) {
      validationKey.hidden = !showValidation;
      const xs = history.map((h) => h[xKey]);
      // Scale to the loss after the first moments: the starting loss can be many times larger
      // and would flatten the rest of the curve (it is drawn clipped at the top).
      let top = 0;
      const skip = history.length > 20 ? Math.ceil(history.length * 0.03) : 0;
      for (const h of history.slice(skip)) for (const k of ['train', 'test', 'validation']) if (Number.isFinite(h[k]) && h[k] > top) top = h[k];
      const last = xs.length ? xs[xs.length - 1] : 0;
      plot.setDomain(0, Math.max(10, last), 0, top > 0 ? top * 1.08 : 1);
      plot.begin();
      plot.axes({ xLabel: xKey === 'step' ? t('nn-playground.axis.steps') : t('nn-playground.axis.epochs'), yLabel: t('nn-playground.axis.loss'), xTicks: 4, yTicks: 3 });
      const th = plot.theme;
      plot.clipToArea(() => {
        if (showValidation) plot.path(xs, history.map((h) => h.validation), { color: th.good, width: 2, dash: [2, 3] });
        plot.path(xs, history.map((h) => h.test), { color: th.loss, width: 2, dash: [6, 3] });
        plot.path(xs, history.map((h) => h.train), { color: th.model, width: 2 });
      });
      const h = history[history.length - 1];
      if (h) plot.canvas.setAttribute('aria-label', t('nn-playground.lossNow', { train: fixed(h.train, 3), test: fixed(h.test, 3), steps: formatNumber(h.step, 0) }));
    },
    destroy() { plot.canvas.width = 0; plot.canvas.height = 0; plot.destroy(); wrap.remove(); },
  };
}

// The metrics table and the confusion matrix scroll sideways in boxes of their own (tableWrap),
// made once and refilled, so a wide matrix (many classes, large text) never widens the column.
// The matrix's title is a paragraph above its box, not a <caption>: a caption is as wide as its
// table, so its end would scroll out of sight with the hidden columns.
export function createMetricsPanel(parent, ctx) {
  const { t } = ctx;
  const root = el('div', { className: 'nnp-metrics', role: 'group', 'aria-label': t('nn-playground.metrics') });
  const none = el('p', { className: 'nnp-muted', text: t('nn-playground.noMetrics') });
  const metricWrap = tableWrap(ctx, null, { label: t('nn-playground.metricsCaption') });
  const confusionTitle = el('p', { className: 'nnp-table-title', text: t('nn-playground.confusion') });
  const confusionWrap = tableWrap(ctx, null, { label: confusionTitle });
  root.append(none, metricWrap.element, confusionTitle, confusionWrap.element);
  parent.append(root);
  let lastKey = '';
  const showIf = (part, on) => { part.hidden = !on; };
  return {
    root,
    set(m, classNames) {
      const key = JSON.stringify(m);
      if (key === lastKey) return;
      lastKey = key;
      const any = Boolean(m.train || m.test);
      const matrix = any && m.kind !== 'regression' && Boolean(m.test);
      showIf(none, !any);
      showIf(metricWrap.element, any);
      showIf(confusionTitle, matrix);
      showIf(confusionWrap.element, matrix);
      if (!any) { metricWrap.replace(); confusionWrap.replace(); return; }
      const table = el('table', { className: 'dw-table nnp-metric-table', 'aria-label': t('nn-playground.metricsCaption') });
      const head = el('tr', {}, [el('th', { scope: 'col', text: t('nn-playground.metric.name') }), el('th', { scope: 'col', text: t('nn-playground.loss.train') }), el('th', { scope: 'col', text: t('nn-playground.loss.test') })]);
      table.append(el('thead', {}, [head]));
      const body = el('tbody');
      // data-metric: the row's name in English (tests find rows by it), whatever the language.
      const row = (id, label, f, show) => body.append(el('tr', { 'data-metric': id }, [el('th', { scope: 'row', text: label }),
        el('td', { text: m.train ? show(f(m.train)) : '–' }), el('td', { text: m.test ? show(f(m.test)) : '–' })]));
      const three = (v) => fixed(v, 3);
      if (m.kind === 'regression') {
        row('R²', t('nn-playground.metric.r2'), (x) => x.r2, three);
        row('RMSE', t('nn-playground.metric.rmse'), (x) => x.rmse, three);
        row('MAE', t('nn-playground.metric.mae'), (x) => x.mae, three);
      } else {
        row('accuracy', t('nn-playground.metric.accuracy'), (x) => x.accuracy * 100, (v) => t('nn-playground.percent', { value: fixed(v, 1) }));
      }
      table.append(body);
      metricWrap.replace(table);
      confusionWrap.replace(...(matrix ? [confusion(m.test.confusion, classNames, t, confusionTitle)] : []));
    },
  };
}

function confusion(matrix, names, t, title) {
  const k = matrix.length;
  const table = el('table', { className: 'dw-table nnp-confusion', 'aria-labelledby': title.id });
  const head = el('tr', {}, [el('th', { scope: 'col', text: t('nn-playground.confusionCorner') })]);
  for (let j = 0; j < k; j++) head.append(el('th', { scope: 'col', text: names[j] }));
  const body = el('tbody');
  for (let i = 0; i < k; i++) {
    const tr = el('tr', {}, [el('th', { scope: 'row', text: names[i] })]);
    for (let j = 0; j < k; j++) tr.append(el('td', { className: i === j ? 'nnp-diag' : '', text: formatNumber(Math.round(matrix[i][j]), 0) }));
    body.append(tr);
  }
  table.append(el('thead', {}, [head]), body);
  return table;
}
