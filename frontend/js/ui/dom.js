// Builds DOM nodes. Text always goes in through textContent, never as HTML: camera fields come
// from volunteers and from imports that carry HTML fragments.

/**
 * h('button', {class: 'x', type: 'button', onclick: fn}, 'text', child)
 * Attributes starting with "on" become listeners; strings and numbers become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of an element. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A short message in the live region, read out by screen readers. */
export function announce(text, { error = false, action = null } = {}) {
  const box = document.getElementById('messages');
  const item = h('p', { class: error ? 'message error' : 'message' }, text, action);
  box.append(item);
  const timeout = action ? 20000 : 6000;
  setTimeout(() => item.remove(), timeout);
  return item;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * A day (YYYY-MM-DD, or the start of an ISO time) in the reader's language, the same day wherever
 * the reader is (read in UTC, as the server gives days); {@code style}: Intl's dateStyle.
 */
export function formatDay(day, lang, style = 'medium') {
  if (!day) return '';
  const date = new Date(`${String(day).slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? String(day) : date.toLocaleDateString(lang, { dateStyle: style, timeZone: 'UTC' });
}

export function formatDate(iso, lang) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}
