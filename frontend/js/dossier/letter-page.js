// The printable records-request letter (lettre-cada.html?city=CODE&subject=S): the city and the law
// filled in; the sender's name, address and signature typed into the yellow fields before printing.
import { h, fill } from '../ui/dom.js';
import { get, ApiError } from '../api/client.js';
import { letter, SUBJECTS } from './cada-letter.js';

const editable = (label, lines) => h('div', { class: 'letter-block', contenteditable: 'true', role: 'textbox',
  'aria-multiline': 'true', 'aria-label': label }, lines);

export function renderLetter(root, city, subject, date) {
  const l = letter(city, subject, date);
  document.title = l.object;
  fill(root,
    h('div', { class: 'screen-only' },
      h('p', { class: 'help' }, 'Complétez les champs en jaune, imprimez, signez et envoyez la lettre à la mairie '
        + '(en recommandé avec accusé de réception, ou par courriel). Notez la date d’envoi : sans réponse sous un mois, '
        + 'la CADA peut être saisie.'),
      h('p', { class: 'actions' },
        h('label', { for: 'subject' }, 'Documents demandés '),
        h('select', { id: 'subject', onchange: (e) => { location.search = `?city=${encodeURIComponent(city.code)}&subject=${e.target.value}`; } },
          Object.entries(SUBJECTS).map(([key, s]) => h('option', { value: key, selected: key === subject }, s.title))),
        h('button', { type: 'button', id: 'print', class: 'primary', onclick: () => window.print() }, 'Imprimer'),
        h('a', { class: 'button', href: `/dossier.html?city=${encodeURIComponent(city.code)}` }, 'Dossier de la commune'))),
    h('div', { class: 'sender' }, editable('Vos nom, adresse et courriel', 'Prénom Nom\nAdresse\nCode postal, ville\nCourriel')),
    h('div', { class: 'recipient letter-block' }, l.recipient),
    h('p', { class: 'place-date' }, 'À ', h('span', { contenteditable: 'true', role: 'textbox', 'aria-label': 'Lieu' }, 'ville'),
      `, ${l.placeAndDate}`),
    h('h1', {}, l.object),
    h('p', {}, l.salutation),
    l.paragraphs.map((text, i) => h('p', { class: i === 1 ? 'asked' : null }, text)),
    h('div', { class: 'signature' }, editable('Signature', 'Signature')));
}

async function start() {
  const root = document.getElementById('letter');
  const params = new URLSearchParams(location.search);
  const code = params.get('city');
  const subject = SUBJECTS[params.get('subject')] ? params.get('subject') : 'camera_list';
  try {
    if (!code) throw new ApiError(404, null);
    const city = await get(`/api/cities/${encodeURIComponent(code)}`);
    renderLetter(root, { code, name: city.properties.name }, subject, new Date());
    document.body.dataset.ready = '';
  } catch (e) {
    fill(root, h('p', { class: 'error' }, e instanceof ApiError && e.status === 404 ? 'Commune introuvable.' : e.message));
  }
}

start();
