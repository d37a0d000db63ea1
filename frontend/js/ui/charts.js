// Small inline SVG charts for the city panel, built node by node (labels via textContent).
// Each chart also carries its numbers as a table, folded under it: for screen readers, for the
// keyboard, and for whoever wants the exact figures.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Horizontal bars for {label: count}, largest first; `labelOf` turns a value into words, `format` a number. */
export function barChart(title, counts, labelOf = (v) => v, format = String) {
  const entries = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const row = 22;
  const chart = svg('svg', { viewBox: `0 0 320 ${Math.max(1, entries.length) * row}`, role: 'img', 'aria-label': title, class: 'chart' });
  entries.forEach(([value, n], i) => {
    const y = i * row;
    chart.append(svg('text', { x: 0, y: y + 15, class: 'chart-label' }, truncate(labelOf(value), 18)));
    chart.append(svg('rect', { x: 130, y: y + 4, width: Math.max(1, (150 * n) / max), height: row - 8, class: 'chart-bar' }));
    chart.append(svg('text', { x: 135 + (150 * n) / max, y: y + 15, class: 'chart-value' }, format(n)));
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), chart,
    table(title, entries.map(([value, n]) => [labelOf(value), format(n)])));
}

/** Vertical bars for [{month, count}]. */
export function monthChart(title, months) {
  const list = (months || []).slice(-24);
  const max = Math.max(1, ...list.map((m) => m.count));
  const width = Math.max(1, list.length) * 14;
  const chart = svg('svg', { viewBox: `0 0 ${width} 100`, role: 'img', 'aria-label': title, class: 'chart' });
  list.forEach((m, i) => {
    const height = (80 * m.count) / max;
    const bar = svg('rect', { x: i * 14 + 2, y: 85 - height, width: 10, height, class: 'chart-bar' });
    bar.append(svg('title', {}, `${m.month}: ${m.count}`));
    chart.append(bar);
  });
  if (list.length) {
    chart.append(svg('text', { x: 0, y: 98, class: 'chart-label' }, list[0].month));
    // one bar: one label, not the same one twice over each other
    if (list.length > 1) chart.append(svg('text', { x: width, y: 98, 'text-anchor': 'end', class: 'chart-label' }, list[list.length - 1].month));
  }
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), chart,
    table(title, list.map((m) => [m.month, String(m.count)])));
}

/** The chart's figures as a table, folded away under the chart. */
function table(title, rows) {
  return h('details', { class: 'chart-table' }, h('summary', {}, t('charts.table')),
    h('table', {}, h('caption', { class: 'visually-hidden' }, title),
      h('tbody', {}, rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value))))));
}

const truncate = (s, n) => (String(s).length > n ? String(s).slice(0, n - 1) + '…' : String(s));
