// The administrators' Imports screen (docs/operations.md), opened from the account panel: a file of
// cameras (an OpenStreetMap extract, the sous-surveillance.net export, an official list) or the
// communes' boundaries, sent with its progress, then the report as a person reads it; and where
// the OpenStreetMap sync stands. A refusal is written next to the field it names, and the file and
// options stay as they were, so that the admin corrects and sends again: nothing is lost. The form
// lives as long as the page: closing the screen mid-import loses neither the import nor its report.
import { h, fill, announce } from './dom.js';
import { t, language } from '../i18n/i18n.js';
import { ApiError, NetworkError } from '../api/client.js';
import { sendImport, CAMERAS_ROUTE, BOUNDARIES_ROUTE } from '../api/imports.js';
import { readHead, detectFormat, headerRow } from './import-file.js';
import { ListOptionsFields, labelled } from './import-list-options.js';
import { cameraReport, boundaryReport, nothingNew } from './import-report.js';
import { showSyncState } from './osm-sync-state.js';

const FORMATS = ['pbf', 'osm-xml', 'overpass-json', 'sous-surveillance', 'csv'];
const megabytes = (bytes) => (bytes / (1024 * 1024)).toLocaleString(language(), { maximumFractionDigits: 1 });

export class ImportPanel {
  /** @param {HTMLElement} root @param {{onClose: () => void, box: () => ({minLon, minLat, maxLon, maxLat})}} options */
  constructor(root, { onClose, box }) {
    Object.assign(this, { root, onClose, box, busy: false, list: null });
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
  }

  open() {
    // Built once: a file chosen, options typed and a report stay while the screen is closed.
    if (!this.form || (this.builtIn !== language() && !this.busy && !this.file.files.length)) this.build();
    this.root.hidden = false;
    this.root.querySelector('h2').focus();
    showSyncState(this.syncBox);
  }

  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.onClose();
  }

  build() {
    this.builtIn = language();
    this.file = h('input', { type: 'file', name: 'file', required: true, onchange: () => this.fileChosen() });
    this.fileInfo = h('p', { class: 'muted file-info', role: 'status' });
    this.format = h('select', { name: 'format', onchange: () => this.formatChosen() },
      h('option', { value: '' }, t('imports.format.auto')), FORMATS.map((f) => h('option', { value: f }, t(`imports.format.${f}`))));
    this.listBox = h('div', { class: 'list-box' });
    this.fullArea = h('input', { type: 'checkbox', name: 'fullArea', id: 'import-fullArea' });
    this.bbox = h('input', { type: 'text', name: 'bbox', autocomplete: 'off', inputmode: 'decimal', placeholder: 'minLon,minLat,maxLon,maxLat' });
    this.nameProperty = h('input', { type: 'text', name: 'nameProperty', autocomplete: 'off', maxlength: 100, placeholder: 'nom' });
    this.codeProperty = h('input', { type: 'text', name: 'codeProperty', autocomplete: 'off', maxlength: 100, placeholder: 'code' });
    const what = (value, checked) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'what', value, checked, onchange: () => this.whatChosen() }), t(`imports.what.${value}`));
    this.cameraFields = h('div', { class: 'camera-fields' },
      labelled('format', t('imports.format.label'), this.format),
      this.listBox,
      h('fieldset', { class: 'full-area' }, h('legend', {}, t('imports.fullArea.title')),
        h('label', { class: 'choice', for: 'import-fullArea' }, this.fullArea, t('imports.fullArea.label')),
        h('p', { class: 'help' }, t('imports.fullArea.help')),
        h('div', { class: 'error field-error', id: 'import-fullArea-error', 'data-error-for': 'fullArea', hidden: true }),
        labelled('bbox', t('imports.fullArea.bbox'), this.bbox, t('imports.fullArea.bboxHelp')),
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary use-view', onclick: () => this.useView() },
          t('imports.fullArea.useView')))));
    this.boundaryFields = h('details', { class: 'boundary-fields', hidden: true },
      h('summary', {}, t('imports.boundaries.properties')),
      h('p', { class: 'help' }, t('imports.boundaries.help')),
      labelled('nameProperty', t('imports.boundaries.nameProperty'), this.nameProperty),
      labelled('codeProperty', t('imports.boundaries.codeProperty'), this.codeProperty));
    this.submit = h('button', { type: 'submit', class: 'primary', id: 'import-send' }, t('imports.send'));
    this.controls = h('fieldset', { class: 'import-controls' },
      h('legend', { class: 'visually-hidden' }, t('imports.title')),
      h('fieldset', {}, h('legend', {}, t('imports.what.title')), what('cameras', true), what('boundaries', false)),
      labelled('file', t('imports.file'), this.file), this.fileInfo,
      this.cameraFields, this.boundaryFields,
      h('p', { class: 'actions' }, this.submit));
    this.progress = h('div', { class: 'import-progress', role: 'status', hidden: true });
    this.failure = h('p', { class: 'error import-failure', role: 'alert', hidden: true });
    this.form = h('form', { id: 'import-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.send(); } },
      this.controls, this.failure, this.progress);
    this.reportBox = h('div', { class: 'import-report-box', 'aria-live': 'polite' });
    this.syncBox = h('section', { class: 'import-sync', 'aria-labelledby': 'import-sync-title' });
    fill(this.root,
      h('header', {},
        h('h2', { id: 'import-title', tabindex: '-1' }, t('imports.title')),
        h('button', { type: 'button', class: 'close', 'aria-label': t('sheet.close'), onclick: () => this.close() }, '×')),
      h('p', { class: 'help' }, t('imports.intro')),
      this.form, this.reportBox, this.syncBox);
  }

  get what() {
    return this.form.querySelector('input[name=what]:checked').value;
  }

  whatChosen() {
    const boundaries = this.what === 'boundaries';
    this.cameraFields.hidden = boundaries;
    this.boundaryFields.hidden = !boundaries;
    this.clearErrors();
  }

  /** Reads the file's first bytes: its format preselected, and an official list's header offered as columns. */
  async fileChosen() {
    this.clearErrors();
    this.header = null;
    const file = this.file.files[0];
    if (!file) return;
    const head = await readHead(file).catch(() => new Uint8Array());
    if (file !== this.file.files[0]) return; // another file was chosen meanwhile
    const detected = detectFormat(head);
    if (detected === 'csv') this.header = headerRow(head).columns;
    const size = t('imports.size', { mb: megabytes(file.size) });
    if (this.what === 'boundaries') {
      this.fileInfo.textContent = size;
      return;
    }
    this.fileInfo.textContent = `${size} · ${detected && detected !== 'gzip'
      ? t('imports.detected', { format: t(`imports.format.${detected}`) })
      : t(detected === 'gzip' ? 'imports.detectedGzip' : 'imports.notDetected')}`;
    this.format.value = detected && detected !== 'gzip' ? detected : '';
    this.formatChosen();
  }

  /** An official list shows its options, from the header row when the file has one. */
  async formatChosen() {
    const file = this.file.files[0];
    if (this.format.value !== 'csv') {
      this.list = null;
      fill(this.listBox);
      return;
    }
    if (!this.header && file) this.header = headerRow(await readHead(file)).columns;
    if (!this.header || !this.header.length) {
      this.list = null;
      fill(this.listBox, h('p', { class: 'warning' }, t(file ? 'imports.list.noHeader' : 'imports.list.chooseFile')));
      return;
    }
    this.list = new ListOptionsFields(this.header, file?.name);
    fill(this.listBox, this.list.element);
  }

  useView() {
    const b = this.box();
    const r = (v) => Math.round(v * 1e5) / 1e5;
    this.bbox.value = [b.minLon, b.minLat, b.maxLon, b.maxLat].map(r).join(',');
  }

  /** The form's fields as the API names them. */
  body() {
    const form = new FormData();
    form.append('file', this.file.files[0]);
    if (this.what === 'boundaries') {
      if (this.nameProperty.value.trim()) form.append('nameProperty', this.nameProperty.value.trim());
      if (this.codeProperty.value.trim()) form.append('codeProperty', this.codeProperty.value.trim());
      return form;
    }
    if (this.format.value) form.append('format', this.format.value);
    if (this.fullArea.checked) form.append('fullArea', 'true');
    if (this.bbox.value.trim()) form.append('bbox', this.bbox.value.trim());
    if (this.list) this.list.entries().forEach(([name, value]) => form.append(name, value));
    return form;
  }

  async send() {
    if (this.busy) return;
    this.clearErrors();
    if (!this.file.files.length) {
      this.showErrors([{ field: 'file', reason: t('imports.fileNeeded') }]);
      return;
    }
    if (this.format.value === 'csv' && !this.list && this.what === 'cameras') {
      this.showErrors([{ field: 'file', reason: t('imports.list.noHeader') }]);
      return;
    }
    const boundaries = this.what === 'boundaries';
    const file = this.file.files[0];
    this.busy = true;
    this.controls.disabled = true;
    fill(this.reportBox);
    const bar = h('progress', { max: 100, value: 0, 'aria-labelledby': 'import-progress-text' });
    const text = h('span', { id: 'import-progress-text' }, t('imports.sending', { percent: 0, sent: megabytes(0), total: megabytes(file.size) }));
    fill(this.progress, text, bar);
    this.progress.hidden = false;
    let timer = null;
    const started = Date.now();
    const done = () => {
      clearInterval(timer);
      this.progress.hidden = true;
      this.controls.disabled = false;
      this.busy = false;
    };
    try {
      const report = await sendImport(boundaries ? BOUNDARIES_ROUTE : CAMERAS_ROUTE, this.body(), {
        onProgress: ({ sent, total }) => {
          const percent = total ? Math.floor((100 * sent) / total) : 0;
          bar.value = percent;
          text.textContent = t('imports.sending', { percent, sent: megabytes(sent), total: megabytes(total || file.size) });
        },
        // The server reads and writes the whole file before it answers: a clock says it is at work.
        onSent: () => {
          bar.removeAttribute('value');
          const tick = () => { text.textContent = t('imports.importing', { s: Math.round((Date.now() - started) / 1000) }); };
          tick();
          timer = setInterval(tick, 1000);
        },
      });
      done();
      this.showReport(report, boundaries);
    } catch (e) {
      done(); // first: a disabled control cannot take the focus the refusal gives it
      this.showFailure(e);
    }
  }

  showReport(report, boundaries) {
    fill(this.reportBox, boundaries ? boundaryReport(report) : cameraReport(report));
    announce(boundaries ? t('imports.doneBoundaries', { n: report.cities.toLocaleString(language()) })
      : t(nothingNew(report) ? 'imports.doneNothingNew' : report.conflicts ? 'imports.doneWithConflicts' : 'imports.done',
        { n: (report.created + report.updated).toLocaleString(language()), c: report.conflicts.toLocaleString(language()) }));
    if (!this.root.hidden) this.reportBox.querySelector('h3').focus();
    if (!boundaries) showSyncState(this.syncBox);
  }

  /** The refusal next to the field it names; the file and every option stay as they were. */
  showFailure(e) {
    if (e instanceof NetworkError) {
      this.showGeneral(t('imports.networkDown'));
    } else if (e instanceof ApiError && e.status === 401) {
      this.showGeneral(t('imports.loginAgain'));
    } else if (e instanceof ApiError && e.status === 403) {
      this.showGeneral(t('imports.adminsOnly'));
    } else if (e instanceof ApiError && e.errors.length) {
      this.showErrors(e.errors.map((x) => ({ field: x.field === 'body' ? 'file' : x.field, reason: x.reason })), e.problem);
    } else if (e instanceof ApiError && e.status === 422) {
      this.showErrors([{ field: 'file', reason: e.message }], e.problem);
    } else {
      this.showGeneral(e.message);
    }
    announce(t('imports.failed'), { error: true });
  }

  showGeneral(message) {
    this.failure.textContent = message;
    this.failure.hidden = false;
  }

  showErrors(errors, problem = null) {
    let first = null;
    const shown = new Set();
    const elsewhere = [];
    for (const { field, reason } of errors) {
      this.list?.reveal(field);
      const box = this.form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
      if (!box || box.parentElement.closest('[hidden]')) {
        elsewhere.push(`${field} : ${reason}`);
        continue;
      }
      box.closest('details')?.setAttribute('open', '');
      if (!shown.has(box)) fill(box);
      shown.add(box);
      box.append(h('p', {}, reason));
      box.hidden = false;
      const control = box.closest('.field')?.querySelector('input, select') || box.closest('fieldset')?.querySelector('input');
      control?.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
    if (problem?.problems > errors.length) elsewhere.push(t('imports.moreProblems', { n: problem.problems }));
    const title = problem?.title ? `${problem.title} : ` : '';
    this.showGeneral(title + [shown.size ? t('imports.seeFields') : '', ...elsewhere].filter(Boolean).join(' ; '));
    first?.focus();
  }

  clearErrors() {
    if (!this.form) return;
    this.failure.hidden = true;
    this.form.querySelectorAll('.field-error').forEach((box) => { fill(box); box.hidden = true; });
    this.form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  }
}
