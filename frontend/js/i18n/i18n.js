// French and English. The language comes from a saved choice, else from the browser; <html lang>
// follows. Elements marked data-i18n (text), data-i18n-label (aria-label) and
// data-i18n-placeholder are translated in place; other modules call t() and listen to onChange.
import fr from './fr.js';
import en from './en.js';

const dictionaries = { fr, en };
const listeners = [];
let current = 'fr';

export function chooseLanguage(saved, browserLanguages) {
  if (saved && dictionaries[saved]) return saved;
  for (const tag of browserLanguages || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (dictionaries[base]) return base;
  }
  return 'fr';
}

export const language = () => current;

/** The text for a key, with {name} placeholders filled in; the key itself when unknown. */
export function t(key, vars = {}) {
  const text = dictionaries[current][key] ?? dictionaries.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/**
 * The plain words for an enumerated value ("signage", "absent" → "absent" / "absent"); the value
 * itself for one the server lists but no dictionary names yet (GET /api/config `values`).
 */
export function valueLabel(field, value) {
  const key = `${field}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

/** A field the server names in a problem ("properties.height") in the form's words ("Hauteur (mètres)"); else as named. */
export function fieldLabel(field) {
  const key = `field.${String(field).replace(/^properties\./, '')}`;
  const label = t(key);
  return label === key ? String(field) : label;
}

/** A refusal in the volunteer's words: each field error with the field's label, else the problem's detail. */
export const refusalText = ({ detail = '', errors = [] } = {}) =>
  (errors.length ? errors.map((e) => `${fieldLabel(e.field)} : ${e.reason}`).join(' ; ') : detail);

export function setLanguage(lang, root = document) {
  current = dictionaries[lang] ? lang : 'fr';
  try {
    localStorage.setItem('vigie.lang', current);
  } catch {
    // private browsing: the choice lasts for this page only
  }
  root.documentElement.lang = current;
  root.title = t('app.title');
  translate(root);
  listeners.forEach((fn) => fn(current));
}

export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder)));
}

export const onLanguageChange = (fn) => listeners.push(fn);

export function initialLanguage() {
  let saved = null;
  try {
    saved = localStorage.getItem('vigie.lang');
  } catch {
    saved = null;
  }
  return chooseLanguage(saved, navigator.languages || [navigator.language]);
}
