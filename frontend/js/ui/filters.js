// The filter panel: one group of checkboxes per enumerated field, and the operator's name.
// It only edits the filters; main.js applies them (URL, reload).
import { h, fill, debounce } from './dom.js';
import { t, valueLabel } from '../i18n/i18n.js';
import { valuesOf, onValuesChange } from '../state/values.js';
import { asDay } from '../state/url-state.js';

// The fields offered, in this order; their values come from the server (state/values.js).
const CHOICES = ['kind', 'cameraType', 'operatorType', 'signage', 'status'];

// issue 16: where the camera is and what it can do, folded under "Workplace" to keep the panel short
const WORKPLACE_CHOICES = ['zone', 'filmedArea', 'filmsWorkstations', 'capabilities'];

// issue 17: for journalists, the day first seen (a range) and what the sign says, folded alike
const WATCH_CHOICES = ['signNamesOperator', 'signGivesContact'];
const WATCH_DATES = ['firstSeenFrom', 'firstSeenTo'];

export class FilterPanel {
  /**
   * @param {HTMLElement} root @param {(filters) => void} onChange
   * @param {(format) => string} exportUrlFor the export link of what the map shows now
   */
  constructor(root, onChange, exportUrlFor, { onSites = null } = {}) {
    this.root = root;
    this.onSites = onSites; // issue 16: the sites' panel opens from the workplace part too (phones)
    this.onChange = onChange;
    this.exportUrlFor = exportUrlFor;
    this.filters = {};
    this.emitOperator = debounce(() => this.onChange(this.filters), 500);
    // the lists arrive with the settings, possibly after the panel was first drawn
    onValuesChange(() => { if (this.root.childElementCount) this.render(); });
  }

  /** Shows these filters; unchanged ones are not redrawn, so that typing keeps its focus. */
  set(filters) {
    if (this.root.childElementCount && JSON.stringify(filters) === JSON.stringify(this.filters)) return;
    this.filters = structuredClone(filters);
    this.render();
  }

  render() {
    const group = (field) => h('fieldset', { class: 'filter-group' },
      h('legend', {}, t(`field.${field}`)),
      offered(field, this.filters[field]).map((value) => {
        const id = `filter-${field}-${value}`;
        return h('span', { class: 'choice' },
          h('input', { type: 'checkbox', id, name: field, value, checked: (this.filters[field] || []).includes(value),
            onchange: (e) => this.toggle(field, value, e.target.checked) }),
          h('label', { for: id }, valueLabel(field, value)));
      }));
    const groups = CHOICES.map(group);
    // issue 15: one box, first, so that a volunteer finds at once the cameras to go and look at
    const recheck = h('fieldset', { class: 'filter-group' },
      h('legend', {}, t('filters.verification')),
      h('span', { class: 'choice' },
        h('input', { type: 'checkbox', id: 'filter-toRecheck', name: 'toRecheck', value: 'true',
          checked: (this.filters.toRecheck || []).includes('true'),
          onchange: (e) => this.toggle('toRecheck', 'true', e.target.checked) }),
        h('label', { for: 'filter-toRecheck' }, t('filters.toRecheck'))));
    const workplaceOn = WORKPLACE_CHOICES.some((field) => this.filters[field]);
    const workplace = h('details', { class: 'filter-more', id: 'filters-workplace', open: workplaceOn },
      h('summary', {}, t('filters.workplace')),
      this.onSites ? h('button', { type: 'button', class: 'sites-open', id: 'filters-sites', onclick: () => this.onSites() },
        t('sites.openLabel')) : null,
      WORKPLACE_CHOICES.map(group));
    const watchOn = [...WATCH_DATES, ...WATCH_CHOICES].some((field) => this.filters[field]);
    const watch = h('details', { class: 'filter-more', id: 'filters-watch', open: watchOn },
      h('summary', {}, t('filters.watch')),
      h('fieldset', { class: 'filter-group filter-dates' },
        h('legend', {}, t('field.firstSeen')),
        WATCH_DATES.map((field) => this.dateField(field)),
        h('p', { class: 'hint' }, t('filters.firstSeenHelp'))),
      WATCH_CHOICES.map(group));
    const operator = h('input', { id: 'filter-operator', type: 'search', autocomplete: 'off',
      value: (this.filters.operator || [''])[0],
      oninput: (e) => {
        const name = e.target.value.trim();
        if (name) this.filters.operator = [name];
        else delete this.filters.operator;
        this.emitOperator();
      } });
    fill(this.root,
      recheck, groups, workplace, watch,
      h('p', { class: 'field' }, h('label', { for: 'filter-operator' }, t('filters.operator')), operator),
      h('button', { type: 'button', class: 'secondary', onclick: () => { this.set({}); this.onChange(this.filters); } },
        t('filters.reset')),
      h('p', { class: 'exports' }, t('city.exportView'), ' ',
        ['geojson', 'csv'].map((format) => h('a', { class: 'button', href: '#', download: '',
          // the link follows the view: computed when used, not when drawn
          onclick: (e) => { e.currentTarget.href = this.exportUrlFor(format); } },
        t(format === 'csv' ? 'city.exportCsv' : 'city.exportGeojson')))));
  }

  /** A bound of the first-seen range; a year or month from a link shows as the day the server reads it as. */
  dateField(field) {
    const id = `filter-${field}`;
    const end = field === 'firstSeenTo';
    const otherField = end ? 'firstSeenFrom' : 'firstSeenTo';
    // the other bound as a day, read when used: the panel is not redrawn for its own changes
    const other = () => asDay((this.filters[otherField] || [])[0], !end);
    const input = h('input', { type: 'date', id, name: field, value: asDay((this.filters[field] || [])[0], end),
      // the browser's picker keeps the range the right way round; the server refuses it otherwise
      [end ? 'min' : 'max']: other() || null,
      onchange: (e) => {
        const day = e.target.value;
        const bound = other();
        // a reversed range would be refused by the server: said here, and the filters left as they were
        e.target.setCustomValidity(day && bound && (end ? day < bound : day > bound) ? t('filters.firstSeenOrder') : '');
        if (!e.target.reportValidity()) return;
        if (day) this.filters[field] = [day];
        else delete this.filters[field];
        const sibling = this.root.querySelector(`#filter-${otherField}`);
        if (sibling) sibling[end ? 'max' : 'min'] = day;
        this.onChange(this.filters);
      } });
    return h('span', { class: 'choice' }, h('label', { for: id }, t(`filters.${field}`)), input);
  }

  toggle(field, value, on) {
    const values = new Set(this.filters[field] || []);
    if (on) values.add(value);
    else values.delete(value);
    if (values.size) this.filters[field] = [...values];
    else delete this.filters[field];
    this.onChange(this.filters);
  }
}

/** The server's values, and those of the URL it does not list (yet): a filter in use stays visible, to be unchecked. */
function offered(field, chosen = []) {
  const values = valuesOf(field);
  return [...values, ...chosen.filter((value) => !values.includes(value))];
}
