// The directions a camera looks in: one number field per cone (degrees from north), a button to
// add a cone and one to remove each (but the last). The map's handles and the compass set the
// direction being worked on: the one last focused, the first by default. The first field keeps the
// id cam-direction.
import { h, fill } from './dom.js';
import { t } from '../i18n/i18n.js';

const MAX_DIRECTIONS = 8;

export class DirectionFields {
  /** @param {number[]} initial @param {() => void} onChange */
  constructor(initial, onChange) {
    this.onChange = onChange;
    this.active = 0;
    this.list = h('div', { class: 'direction-list' });
    this.addButton = h('button', { type: 'button', id: 'add-direction', class: 'secondary', onclick: () => this.add() }, t('add.addDirection'));
    this.element = h('fieldset', { class: 'directions' }, h('legend', {}, t('field.direction')), this.list, this.addButton);
    this.values = initial.length ? [...initial] : [null];
    this.render();
  }

  render() {
    const many = this.values.length > 1;
    fill(this.list, this.values.map((value, i) => {
      const input = h('input', { id: i === 0 ? 'cam-direction' : `cam-direction-${i + 1}`, type: 'number', inputmode: 'numeric',
        min: 0, max: 359, step: 1, value: value ?? '', 'aria-label': many ? t('add.directionN', { n: i + 1 }) : t('field.direction'),
        oninput: () => { this.values[i] = parse(input.value); this.onChange(); },
        onfocus: () => { this.active = i; } });
      return h('p', { class: 'direction-row' }, input, many
        ? h('button', { type: 'button', class: 'secondary remove-direction', 'aria-label': t('add.removeDirectionN', { n: i + 1 }),
          onclick: () => this.remove(i) }, '−') : null);
    }));
    this.addButton.hidden = this.values.length >= MAX_DIRECTIONS;
  }

  /** A new cone, facing away from the last one (two cameras back to back on a pole are common). */
  add() {
    const last = this.values[this.values.length - 1];
    this.values.push(last === null ? null : (last + 180) % 360);
    this.active = this.values.length - 1;
    this.render();
    this.onChange();
    this.list.querySelectorAll('input')[this.active].focus();
  }

  remove(i) {
    this.values.splice(i, 1);
    this.active = Math.min(this.active, this.values.length - 1);
    this.render();
    this.onChange();
    this.addButton.focus();
  }

  /** Sets a direction: `index`, else the one being worked on. */
  set(bearing, index = this.active) {
    this.values[index] = bearing === null ? null : Math.round(bearing) % 360;
    const input = this.list.querySelectorAll('input')[index];
    if (input) input.value = this.values[index] ?? '';
  }

  /** The valid directions, each once, in the order given. */
  read() {
    return [...new Set(this.values.filter((v) => Number.isInteger(v) && v >= 0 && v <= 359))];
  }
}

function parse(text) {
  const n = Number(text);
  return text === '' || !Number.isInteger(n) ? null : n;
}
