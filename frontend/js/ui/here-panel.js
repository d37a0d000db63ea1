// "Am I filmed here?": the cameras whose field of view covers a point (the volunteer's position or
// a point long-pressed on the map), their count, operators and signs, highlighted on the map; and,
// for each operator, a printable letter asking for the recordings of oneself (access-letter.js).
import { h, fill } from './dom.js';
import { t, valueLabel, language, onLanguageChange } from '../i18n/i18n.js';
import { watching } from '../api/cameras.js';
import { NetworkError } from '../api/client.js';
import { HereLayer } from '../map/here-layer.js';
import { accessLetter } from './access-letter.js';

export class HerePanel {
  /** @param {HTMLElement} root @param {{map, onClose: () => void}} options */
  constructor(root, { map, onClose }) {
    Object.assign(this, { root, map, onClose, point: null, features: [], letterFor: null });
    this.layer = new HereLayer(map);
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
    onLanguageChange(() => { if (!root.hidden && this.point) this.render(); });
  }

  /** Asks the server which cameras film `point` ({lat, lon}) and shows them. */
  async show(point) {
    this.point = point;
    this.letterFor = null;
    this.root.hidden = false;
    fill(this.root, this.header(), h('p', { role: 'status' }, t('here.asking')));
    this.root.querySelector('h2').focus();
    try {
      const answer = await watching([point.lon, point.lat]);
      if (this.point !== point) return;
      this.features = answer.features || [];
    } catch (e) {
      if (this.point !== point) return;
      fill(this.root, this.header(), h('p', { class: 'error', role: 'status' }, e instanceof NetworkError ? t('here.offline') : e.message));
      return;
    }
    this.layer.show(point, this.features);
    this.render();
    // the answer replaced the title that had focus: focus goes back to it, not to the page's start
    this.root.querySelector('h2').focus();
  }

  header() {
    return h('header', {}, h('h2', { id: 'here-title', tabindex: '-1' }, t('here.title')),
      h('button', { type: 'button', class: 'close', 'aria-label': t('here.close'), onclick: () => this.close() }, '×'));
  }

  render() {
    const n = this.features.length;
    const operators = [...new Set(this.features.map((f) => f.properties.operator || ''))];
    fill(this.root, this.header(),
      h('p', { role: 'status', class: n ? 'here-count filmed' : 'here-count' }, n ? t('here.count', { n }) : t('here.none')),
      h('p', { class: 'help' }, t('here.help')),
      n ? h('ul', { class: 'here-list' }, this.features.map((f) => cameraRow(f))) : null,
      n ? h('section', { class: 'here-letters', 'aria-labelledby': 'here-letters-title' },
        h('h3', { id: 'here-letters-title' }, t('here.lettersTitle')),
        h('p', { class: 'help' }, t('here.lettersHelp')),
        h('p', { class: 'actions' }, operators.map((operator) => h('button', { type: 'button', class: 'letter-button',
          onclick: () => this.showLetter(operator) }, t('here.letterFor', { operator: operator || t('here.unknownOperator') }))))) : null,
      this.letterFor !== null ? this.letter(this.letterFor) : null);
  }

  showLetter(operator) {
    this.letterFor = operator;
    this.render();
    this.root.querySelector('.letter h3')?.focus();
  }

  /** The letter, ready to print: only it is printed (css: body.printing-letter). */
  letter(operator) {
    const l = accessLetter({ operator, point: this.point, date: new Date(), lang: language() });
    return h('article', { class: 'letter', 'aria-labelledby': 'letter-subject' },
      h('p', { class: 'letter-sender' }, l.sender),
      h('p', {}, l.to),
      h('p', {}, l.made),
      h('h3', { id: 'letter-subject', tabindex: '-1' }, l.subject),
      h('p', {}, l.opening),
      l.body.map((paragraph) => h('p', {}, paragraph)),
      h('p', { class: 'letter-signature' }, l.signature),
      h('p', { class: 'actions no-print' }, h('button', { type: 'button', class: 'primary', onclick: () => printLetter() }, t('here.print'))));
  }

  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    fill(this.root);
    this.layer.clear();
    this.point = null;
    this.onClose();
  }
}

function cameraRow(f) {
  const p = f.properties;
  return h('li', { class: 'here-camera', dataset: { cameraId: String(f.id) } },
    h('strong', {}, `${t('sheet.title', { id: f.id })} · ${valueLabel('kind', p.kind)}`),
    h('br'), `${t('field.operator')} : ${p.operator || t('here.unknownOperator')} (${valueLabel('operatorType', p.operatorType)})`,
    h('br'), `${t('field.signage')} : ${valueLabel('signage', p.signage)}`);
}

function printLetter() {
  document.body.classList.add('printing-letter');
  const done = () => { document.body.classList.remove('printing-letter'); window.removeEventListener('afterprint', done); };
  window.addEventListener('afterprint', done);
  window.print();
}
