// The city search box: suggestions as the user types (the server ignores accents), chosen with
// the mouse, a tap, or the arrow keys and Enter (an ARIA combobox).
import { h, fill, debounce } from './dom.js';
import { searchCities } from '../api/cameras.js';
import { ApiError } from '../api/client.js';
import { t } from '../i18n/i18n.js';

export class CitySearch {
  /** @param {HTMLInputElement} input @param {HTMLElement} list @param {(city) => void} onChoose */
  constructor(input, list, onChoose) {
    Object.assign(this, { input, list, onChoose, results: [], active: -1, controller: null });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    list.setAttribute('role', 'listbox');
    input.addEventListener('input', debounce(() => this.search(), 200));
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 200));
  }

  async search() {
    const text = this.input.value.trim();
    this.controller?.abort();
    if (text.length < 2) return this.close();
    this.controller = new AbortController();
    try {
      this.results = await searchCities(text, { signal: this.controller.signal }) || [];
      this.render();
    } catch (e) {
      if (e.name === 'AbortError') return;
      this.results = [];
      this.render(e instanceof ApiError && e.missing ? t('city.unavailable') : e.message);
    }
  }

  render(message) {
    this.active = -1;
    const items = this.results.slice(0, 10).map((city, i) => h('li', {
      id: `city-option-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (e) => { e.preventDefault(); this.choose(i); },
    }, city.name, ' ', h('span', { class: 'muted' }, `(${city.code}, ${city.cameraCount ?? 0})`)));
    if (!items.length) items.push(h('li', { class: 'muted', role: 'option', 'aria-disabled': 'true' }, message || t('city.none')));
    fill(this.list, items);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  key(e) {
    if (this.list.hidden || !this.results.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = Math.min(this.results.length, 10);
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      [...this.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
      this.input.setAttribute('aria-activedescendant', `city-option-${this.active}`);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.choose(Math.max(0, this.active));
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  choose(i) {
    const city = this.results[i];
    if (!city) return;
    this.input.value = city.name;
    this.close();
    this.onChoose(city);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
