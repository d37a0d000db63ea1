// Moderators record the city's registers from its dossier page: an authorisation, a budget line,
// a records request sent, and what came back. A refused entry keeps what was typed, with the
// server's reason next to each field; nothing typed is lost on a network failure either.
// Issue 17: each entry can be corrected (the same form, filled in, sent with PUT and the version seen)
// or deleted (after a confirmation; the server refuses an authorisation that cameras still name).
import { h, fill } from '../ui/dom.js';
import { request, ApiError, NetworkError } from '../api/client.js';
import { session } from '../api/session.js';
import { t } from '../i18n/i18n.js';
import { subjects } from '../api/watch.js';
import { valuesOf } from '../state/values.js';

// The values offered come from the server (GET /api/config `values`); an answer is never "pending".
const purposes = () => valuesOf('budgetPurpose');
const answers = () => valuesOf('requestOutcome').filter((o) => o !== 'pending');

export const canRecord = () => ['moderator', 'admin'].includes(session()?.role);

/** One labelled input; `name` is the JSON member the server names in its errors. */
function field(prefix, name, input) {
  const id = `${prefix}-${name}`;
  input.id = id;
  input.name = name;
  return h('p', { class: 'field' }, h('label', { for: id }, t(`record.${name}`)), input,
    h('span', { class: 'field-error error', id: `${id}-error`, hidden: true }));
}

const select = (values, label) => h('select', {}, values.map((v) => h('option', { value: v }, label(v))));

/**
 * A form that sends its fields as JSON to `url` (POST or PUT); `toBody` turns the form's values into
 * the body. `onDone` is called after the server took it.
 */
function registerForm(id, title, fields, { method = 'POST', url, toBody, onDone, entry, version = entry?.version }) {
  const status = h('p', { class: 'form-status', role: 'status' });
  const form = h('form', { id, class: 'register-form', novalidate: true }, h('h3', {}, title), fields,
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('record.save'))), status);
  // a correction, and an answer, are made to the version the moderator saw (409 when another came first)
  const headers = version ? { 'If-Match': `"${version}"` } : {};
  if (entry) {
    for (const el of form.elements) if (el.name && entry[el.name] != null) el.value = String(entry[el.name]);
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    form.querySelectorAll('.field-error').forEach((s) => { s.hidden = true; });
    const values = Object.fromEntries([...form.elements].filter((el) => el.name).map((el) => [el.name, el.value.trim()]));
    fill(status, t('record.sending'));
    try {
      await request(method, url, { body: toBody(values), headers });
      if (!entry) form.reset();
      fill(status, t('record.saved'));
      onDone();
    } catch (err) {
      fill(status, h('span', { class: 'error' }, err instanceof NetworkError ? t('record.offline')
        : err instanceof ApiError && err.loginRequired ? t('record.login') : err.message));
      for (const fe of err instanceof ApiError ? err.errors : []) {
        const slot = form.querySelector(`#${id}-${fe.field}-error`);
        if (slot) { fill(slot, fe.reason); slot.hidden = false; }
      }
    }
  });
  return form;
}

const orNull = (v) => (v === '' ? null : v);
const number = (v) => (v === '' ? null : Number(v.replace(',', '.')));

/** The form's id, title and target: a new entry, or (with `entry`) the correction of that one. */
function target(kind, code, path, entry) {
  const base = `/api/cities/${encodeURIComponent(code)}/${path}`;
  return entry
    ? { prefix: `edit-${kind}-${entry.id}`, title: t('record.editTitle'), method: 'PUT', url: `${base}/${entry.id}`, entry }
    : { prefix: `record-${kind}`, title: t(`record.${kind}`), method: 'POST', url: base };
}

export function authorisationForm(code, onDone, entry) {
  const { prefix, title, ...how } = target('authorisation', code, 'authorisations', entry);
  return registerForm(prefix, title, [
    field(prefix, 'reference', h('input', { type: 'text', required: true })),
    field(prefix, 'decidedOn', h('input', { type: 'date', required: true })),
    field(prefix, 'authority', h('input', { type: 'text', required: true })),
    field(prefix, 'camerasAuthorised', h('input', { type: 'number', min: 0, inputmode: 'numeric' })),
    field(prefix, 'perimeter', h('textarea', { rows: 2 })),
    field(prefix, 'validUntil', h('input', { type: 'date' })),
    field(prefix, 'actUrl', h('input', { type: 'url' })),
  ], { ...how, onDone,
    toBody: (v) => ({ ...v, camerasAuthorised: number(v.camerasAuthorised), validUntil: orNull(v.validUntil),
      perimeter: orNull(v.perimeter), actUrl: orNull(v.actUrl) }) });
}

export function budgetForm(code, onDone, entry) {
  const { prefix, title, ...how } = target('budget', code, 'budget', entry);
  return registerForm(prefix, title, [
    field(prefix, 'year', h('input', { type: 'number', min: 1990, max: 2100, inputmode: 'numeric', value: new Date().getFullYear() })),
    field(prefix, 'amount', h('input', { type: 'text', inputmode: 'decimal' })),
    field(prefix, 'purpose', select(purposes(), (p) => t(`watch.purpose.${p}`))),
    field(prefix, 'label', h('input', { type: 'text' })),
    field(prefix, 'sourceUrl', h('input', { type: 'url' })),
  ], { ...how, onDone,
    toBody: (v) => ({ ...v, year: number(v.year), amount: number(v.amount), label: orNull(v.label), sourceUrl: orNull(v.sourceUrl) }) });
}

export function requestForm(code, onDone, entry) {
  const { prefix, title, ...how } = target('request', code, 'requests', entry);
  return registerForm(prefix, title, [
    field(prefix, 'subject', select(subjects(), (s) => t(`watch.subject.${s}`))),
    field(prefix, 'sentOn', h('input', { type: 'date', required: true })),
    field(prefix, 'notes', h('textarea', { rows: 2 })),
  ], { ...how, onDone,
    // a correction replaces the whole entry: the link the form does not show goes back as it was
    toBody: (v) => ({ documentUrl: entry?.documentUrl ?? null, ...v, notes: orNull(v.notes) }) });
}

/** What came back for a pending request. */
export function answerForm(code, req, onDone) {
  const prefix = `record-answer-${req.id}`;
  return registerForm(prefix, t('record.answer', { subject: t(`watch.subject.${req.subject}`) }), [
    field(prefix, 'outcome', select(answers(), (o) => t(`watch.outcome.${o}`))),
    field(prefix, 'answeredOn', h('input', { type: 'date', required: true })),
    field(prefix, 'notes', h('textarea', { rows: 2 })),
  ], { method: 'PUT', url: `/api/cities/${encodeURIComponent(code)}/requests/${req.id}/answer`, onDone, version: req.version,
    toBody: (v) => ({ ...v, notes: orNull(v.notes) }) });
}

/**
 * Edit and Delete for one entry of a register (`path`: authorisations, budget or requests): Edit opens the
 * entry's form, filled in, in `slot`; Delete asks first, and shows the server's refusal next to the buttons.
 */
export function entryActions(code, path, entry, { form, slot, onDone }) {
  const status = h('span', { class: 'entry-status', role: 'status' });
  const edit = () => {
    const f = form(code, onDone, entry);
    fill(slot, h('details', { class: 'recorder editing', open: true }, h('summary', {}, f.querySelector('h3').textContent), f));
    slot.scrollIntoView({ block: 'nearest' });
    f.querySelector('input, select, textarea')?.focus();
  };
  const remove = async () => {
    if (!window.confirm(t('record.confirmDelete'))) return;
    fill(status, t('record.sending'));
    try {
      await request('DELETE', `/api/cities/${encodeURIComponent(code)}/${path}/${entry.id}`,
        { headers: { 'If-Match': `"${entry.version}"` } });
      onDone();
    } catch (err) {
      fill(status, h('span', { class: 'error' }, err instanceof NetworkError ? t('record.offline') : err.message));
    }
  };
  return h('span', { class: 'entry-actions' },
    h('button', { type: 'button', class: 'entry-edit', onclick: edit }, t('record.edit')),
    h('button', { type: 'button', class: 'entry-delete', onclick: remove }, t('record.delete')), status);
}
