// The filter panel: one group of checkboxes per enumerated field, and the operator's name.
// It only edits the filters; main.js applies them (URL, reload).
import { h, fill, debounce } from './dom.js';
import { t, valueLabel } from '../i18n/i18n.js';
import { valuesOf, onValuesChange } from '../state/values.js';

// The fields offered, in this order; their values come from the server (state/values.js).
const CHOICES = ['kind', 'cameraType', 'operatorType', 'signage', 'status'];

// issue 16: where the camera is and what it can do, folded under "Workplace" to keep the panel short
const WORKPLACE_CHOICES = ['zone', 'filmedArea', 'filmsWorkstations', 'capabilities'];

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
    const workplace = h('details', { class: 'filter-more', open: workplaceOn },
      h('summary', {}, t('filters.workplace')),
      this.onSites ? h('button', { type: 'button', class: 'sites-open', id: 'filters-sites', onclick: () => this.onSites() },
        t('sites.openLabel')) : null,
      WORKPLACE_CHOICES.map(group));
    const operator = h('input', { id: 'filter-operator', type: 'search', autocomplete: 'off',
      value: (this.filters.operator || [''])[0],
      oninput: (e) => {
        const name = e.target.value.trim();
        if (name) this.filters.operator = [name];
        else delete this.filters.operator;
        this.emitOperator();
      } });
    fill(this.root,
      recheck, groups, workplace,
      h('p', { class: 'field' }, h('label', { for: 'filter-operator' }, t('filters.operator')), operator),
      h('button', { type: 'button', class: 'secondary', onclick: () => { this.set({}); this.onChange(this.filters); } },
        t('filters.reset')),
      h('p', { class: 'exports' }, t('city.exportView'), ' ',
        ['geojson', 'csv'].map((format) => h('a', { class: 'button', href: '#', download: '',
          // the link follows the view: computed when used, not when drawn
          onclick: (e) => { e.currentTarget.href = this.exportUrlFor(format); } },
        t(format === 'csv' ? 'city.exportCsv' : 'city.exportGeojson')))));
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
