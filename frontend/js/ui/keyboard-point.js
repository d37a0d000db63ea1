// "Am I filmed here?" for whoever cannot long-press the map (keyboard, screen reader, switch):
// a crosshair marks the map's centre, the arrow keys move the map under it (Leaflet pans a focused
// map), Enter or "Ici" asks at the centre exactly as a long press does, Escape gives focus back.
import { h, fill } from './dom.js';
import { t, onLanguageChange } from '../i18n/i18n.js';

export class KeyboardPoint {
  /**
   * @param {{map, bar: HTMLElement, button: HTMLElement, onChoose: (point: {lat, lon}) => void}} options
   * `bar` holds the hint and its buttons; `button` is the one that started it, given focus back.
   */
  constructor({ map, bar, button, onChoose }) {
    Object.assign(this, { map, bar, button, onChoose, active: false });
    this.crosshair = h('div', { class: 'keyboard-crosshair', 'aria-hidden': 'true' });
    // on the map's container, not on the document: a key typed in a form must not ask anything
    this.onKey = (e) => {
      if (!this.active || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape') { e.preventDefault(); this.cancel(); }
      // Enter on a camera's marker opens its sheet as before: only the map itself asks here
      else if (e.key === 'Enter' && e.target === map.getContainer()) { e.preventDefault(); this.choose(); }
    };
    map.getContainer().addEventListener('keydown', this.onKey);
    bar.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this.active) { e.preventDefault(); this.cancel(); } });
    onLanguageChange(() => { if (this.active) this.render(); });
  }

  start() {
    this.active = true;
    this.map.getContainer().append(this.crosshair);
    this.bar.hidden = false;
    this.render();
    this.map.getContainer().focus();
  }

  render() {
    const hint = h('p', { role: 'status', class: 'keyboard-hint' });
    fill(this.bar, hint,
      h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', 'aria-label': t('hereKeys.chooseLabel'), onclick: () => this.choose() }, t('hereKeys.choose')),
        h('button', { type: 'button', onclick: () => this.cancel() }, t('hereKeys.cancel'))));
    // written once the status is in the page: a live region is read out when its text changes
    setTimeout(() => { if (this.active) hint.textContent = t('hereKeys.hint'); }, 50);
  }

  /** Asks at the map's centre, where the crosshair stands. */
  choose() {
    if (!this.active) return;
    const centre = this.map.getCenter();
    this.stop();
    this.onChoose({ lat: centre.lat, lon: centre.lng });
  }

  cancel() {
    if (!this.active) return;
    this.stop();
    this.button.focus();
  }

  /** Leaves the mode without giving focus anywhere (another panel takes it). */
  stop() {
    this.active = false;
    this.crosshair.remove();
    this.bar.hidden = true;
    fill(this.bar);
  }
}
