// Moderators record the city's registers from its dossier page: an authorisation, a budget line,
// a records request sent, and what came back. A refused entry keeps what was typed, with the
// server's reason next to each field; nothing typed is lost on a network failure either.
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
function registerForm(id, title, fields, { method = 'POST', url, toBody, onDone }) {
  const status = h('p', { class: 'form-status', role: 'status' });
  const form = h('form', { id, class: 'register-form', novalidate: true }, h('h3', {}, title), fields,
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('record.save'))), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    form.querySelectorAll('.field-error').forEach((s) => { s.hidden = true; });
    const values = Object.fromEntries([...form.elements].filter((el) => el.name).map((el) => [el.name, el.value.trim()]));
    fill(status, t('record.sending'));
    try {
      await request(method, url, { body: toBody(values) });
      form.reset();
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

export function authorisationForm(code, onDone) {
  return registerForm('record-authorisation', t('record.authorisation'), [
    field('record-authorisation', 'reference', h('input', { type: 'text', required: true })),
    field('record-authorisation', 'decidedOn', h('input', { type: 'date', required: true })),
    field('record-authorisation', 'authority', h('input', { type: 'text', required: true })),
    field('record-authorisation', 'camerasAuthorised', h('input', { type: 'number', min: 0, inputmode: 'numeric' })),
    field('record-authorisation', 'perimeter', h('textarea', { rows: 2 })),
    field('record-authorisation', 'validUntil', h('input', { type: 'date' })),
    field('record-authorisation', 'actUrl', h('input', { type: 'url' })),
  ], { url: `/api/cities/${encodeURIComponent(code)}/authorisations`, onDone,
    toBody: (v) => ({ ...v, camerasAuthorised: number(v.camerasAuthorised), validUntil: orNull(v.validUntil),
      perimeter: orNull(v.perimeter), actUrl: orNull(v.actUrl) }) });
}

export function budgetForm(code, onDone) {
  return registerForm('record-budget', t('record.budget'), [
    field('record-budget', 'year', h('input', { type: 'number', min: 1990, max: 2100, inputmode: 'numeric', value: new Date().getFullYear() })),
    field('record-budget', 'amount', h('input', { type: 'text', inputmode: 'decimal' })),
    field('record-budget', 'purpose', select(purposes(), (p) => t(`watch.purpose.${p}`))),
    field('record-budget', 'label', h('input', { type: 'text' })),
    field('record-budget', 'sourceUrl', h('input', { type: 'url' })),
  ], { url: `/api/cities/${encodeURIComponent(code)}/budget`, onDone,
    toBody: (v) => ({ ...v, year: number(v.year), amount: number(v.amount), label: orNull(v.label), sourceUrl: orNull(v.sourceUrl) }) });
}

export function requestForm(code, onDone) {
  return registerForm('record-request', t('record.request'), [
    field('record-request', 'subject', select(subjects(), (s) => t(`watch.subject.${s}`))),
    field('record-request', 'sentOn', h('input', { type: 'date', required: true })),
    field('record-request', 'notes', h('textarea', { rows: 2 })),
  ], { url: `/api/cities/${encodeURIComponent(code)}/requests`, onDone,
    toBody: (v) => ({ ...v, notes: orNull(v.notes) }) });
}

/** What came back for a pending request. */
export function answerForm(code, req, onDone) {
  const prefix = `record-answer-${req.id}`;
  return registerForm(prefix, t('record.answer', { subject: t(`watch.subject.${req.subject}`) }), [
    field(prefix, 'outcome', select(answers(), (o) => t(`watch.outcome.${o}`))),
    field(prefix, 'answeredOn', h('input', { type: 'date', required: true })),
    field(prefix, 'notes', h('textarea', { rows: 2 })),
  ], { method: 'PUT', url: `/api/cities/${encodeURIComponent(code)}/requests/${req.id}/answer`, onDone,
    toBody: (v) => ({ ...v, notes: orNull(v.notes) }) });
}
