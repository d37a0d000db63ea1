// An official list's options (issue 17), as POST /api/imports takes them, chosen from the file's own
// header row: the source's name, where the positions are (lon/lat, or x/y in Lambert-93), the
// reference, the date and its pattern, the address columns, the operator, the kind, the match
// distance. The Paris police's list is recognised from its header: its columns are known already.
import { h } from './dom.js';
import { t, valueLabel } from '../i18n/i18n.js';
import { valuesOf } from '../state/values.js';
import { isParisPolice, guessColumns } from './import-file.js';

const DATE_FORMATS = ['dd/MM/yyyy', 'dd/MM/yy', 'yyyy-MM-dd', 'yyyy'];

/**
 * A labelled control and the place where the server's refusal of its field is written
 * ([data-error-for=NAME], filled by the panel; the control points to it with aria-describedby).
 */
export function labelled(name, label, control, help = null) {
  const id = `import-${name}`;
  control.id = control.id || id;
  const error = h('div', { class: 'error field-error', id: `${id}-error`, 'data-error-for': name, hidden: true });
  control.setAttribute('aria-describedby', help ? `${id}-help ${id}-error` : `${id}-error`);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    help ? h('p', { class: 'help', id: `${id}-help` }, help) : null, error);
}

/** A source name from the file's name: a first choice the admin may keep or change. */
export function sourceFromFileName(name) {
  const stem = String(name || '').replace(/\.[^.]*$/, '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const cleaned = stem.replace(/[^a-z0-9._:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return ['osm', 'volunteer', 'sous-surveillance'].includes(cleaned) ? `${cleaned}-liste` : cleaned;
}

export class ListOptionsFields {
  /** @param {string[]} columns the header row @param {string} fileName */
  constructor(columns, fileName) {
    this.columns = columns;
    this.paris = isParisPolice(columns);
    const guess = guessColumns(columns);
    const select = (name, chosen, { optional = true } = {}) => h('select', { name },
      optional ? h('option', { value: '' }, t('imports.list.none')) : null,
      columns.map((c) => h('option', { value: c, selected: c === chosen }, c)));
    this.source = h('input', { name: 'source', type: 'text', required: true, maxlength: 40, autocomplete: 'off',
      value: this.paris ? 'prefecture-police-paris' : sourceFromFileName(fileName) });
    this.projected = h('input', { type: 'checkbox', name: 'projected', checked: guess.projected, onchange: () => this.showPositions() });
    this.lon = select('lon', guess.projected ? guess.columns.x : guess.columns.lon, { optional: false });
    this.lat = select('lat', guess.projected ? guess.columns.y : guess.columns.lat, { optional: false });
    this.ref = select('ref', guess.columns.ref);
    this.date = select('date', guess.columns.date);
    this.dateFormat = h('input', { name: 'date-format', type: 'text', list: 'import-date-formats', autocomplete: 'off',
      placeholder: 'dd/MM/yyyy', maxlength: 40 });
    this.address = columns.map((c) => h('input', { type: 'checkbox', name: 'address', value: c,
      checked: (guess.columns.address || []).includes(c) }));
    this.operatorColumn = select('operator-column', guess.columns['operator-column']);
    this.operator = h('input', { name: 'operator', type: 'text', maxlength: 200, autocomplete: 'off' });
    this.operatorColumn.addEventListener('change', () => { this.operatorRow.hidden = Boolean(this.operatorColumn.value); });
    this.kind = h('select', { name: 'kind' }, h('option', { value: '' }, t('imports.list.kindDefault')),
      valuesOf('kind').map((k) => h('option', { value: k }, valueLabel('kind', k))));
    this.distance = h('input', { name: 'match-distance', type: 'number', min: 0, max: 1000, step: 1, value: 15, inputmode: 'numeric' });
    this.own = h('input', { type: 'checkbox', name: 'own-columns', onchange: () => { this.columnsBox.hidden = !this.own.checked; } });
    this.element = this.build();
    this.showPositions();
  }

  build() {
    this.lonField = labelled('lon', '', this.lon);
    this.latField = labelled('lat', '', this.lat);
    this.operatorRow = labelled('operator', t('imports.list.operatorText'), this.operator);
    this.operatorRow.hidden = Boolean(this.operatorColumn.value);
    this.columnsBox = h('div', { class: 'list-columns', hidden: this.paris },
      h('fieldset', {}, h('legend', {}, t('imports.list.positions')),
        h('label', { class: 'choice' }, this.projected, t('imports.list.lambert93')),
        this.lonField, this.latField),
      labelled('ref', t('imports.list.ref'), this.ref, t('imports.list.refHelp')),
      labelled('date', t('imports.list.date'), this.date),
      labelled('date-format', t('imports.list.dateFormat'), this.dateFormat, t('imports.list.dateFormatHelp')),
      h('datalist', { id: 'import-date-formats' }, DATE_FORMATS.map((f) => h('option', { value: f }))),
      h('fieldset', { 'aria-describedby': 'import-address-error' }, h('legend', {}, t('imports.list.address')),
        this.address.map((box) => h('label', { class: 'choice' }, box, box.value)),
        h('div', { class: 'error field-error', id: 'import-address-error', 'data-error-for': 'address', hidden: true })),
      labelled('operator-column', t('imports.list.operatorColumn'), this.operatorColumn),
      this.operatorRow);
    return h('fieldset', { class: 'list-options' }, h('legend', {}, t('imports.list.title')),
      this.paris ? h('p', { class: 'recognised', role: 'status' }, t('imports.list.paris')) : null,
      labelled('source', t('imports.list.source'), this.source, t('imports.list.sourceHelp')),
      this.paris ? h('label', { class: 'choice' }, this.own, t('imports.list.ownColumns')) : null,
      this.columnsBox,
      labelled('kind', t('imports.list.kind'), this.kind),
      labelled('match-distance', t('imports.list.distance'), this.distance, t('imports.list.distanceHelp')));
  }

  /** Lon/lat or x/y: the same two selects, named and labelled for what they hold. */
  showPositions() {
    const projected = this.projected.checked;
    this.lon.name = projected ? 'x' : 'lon';
    this.lat.name = projected ? 'y' : 'lat';
    this.lonField.querySelector('label').textContent = t(projected ? 'imports.list.x' : 'imports.list.lon');
    this.latField.querySelector('label').textContent = t(projected ? 'imports.list.y' : 'imports.list.lat');
    this.lonField.querySelector('.field-error').dataset.errorFor = this.lon.name;
    this.latField.querySelector('.field-error').dataset.errorFor = this.lat.name;
  }

  /** The fields to send, as the API names them; the Paris police's list sends its source alone unless asked. */
  entries() {
    const out = [['source', this.source.value.trim()]];
    const add = (name, value) => { if (value) out.push([name, value]); };
    if (!this.paris || this.own.checked) {
      add(this.lon.name, this.lon.value);
      add(this.lat.name, this.lat.value);
      if (this.projected.checked) add('crs', 'EPSG:2154');
      add('ref', this.ref.value);
      add('date', this.date.value);
      add('date-format', this.dateFormat.value.trim());
      this.address.filter((box) => box.checked).forEach((box) => add('address', box.value));
      add('operator-column', this.operatorColumn.value);
      if (!this.operatorColumn.value) add('operator', this.operator.value.trim());
    }
    add('kind', this.kind.value);
    add('match-distance', this.distance.value);
    return out;
  }

  /** The control a refused field names, opened if folded, to show the error next to it. */
  reveal(field) {
    if (this.paris && !['source', 'kind', 'match-distance'].includes(field)) {
      this.own.checked = true;
      this.columnsBox.hidden = false;
    }
  }
}
