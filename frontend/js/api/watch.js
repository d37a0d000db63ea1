// The citizen-watch endpoints of a city: its dossier (registers and figures in one answer).
import { get } from './client.js';
import { valuesOf } from '../state/values.js';

export const dossier = (code) => get(`/api/cities/${encodeURIComponent(code)}/dossier`);

/** The printable pages, on this server: the dossier, and the records-request letter for a subject. */
export const dossierPage = (code) => `/dossier.html?city=${encodeURIComponent(code)}`;
export const letterPage = (code, subject) => `/lettre-cada.html?city=${encodeURIComponent(code)}&subject=${encodeURIComponent(subject)}`;

/** What a records request may ask for, as the server lists them (GET /api/config `values`, RequestSubject). */
export const subjects = () => valuesOf('requestSubject');

// Issue 17: what was changed in the registers (public), and the authorisations a camera placed at a point may name.
const cityPath = (code) => `/api/cities/${encodeURIComponent(code)}`;
/** A page of the city's changes, newest first: {changes, next}; `before` is the previous page's next. */
export const registerChanges = (code, before = null) =>
  get(`${cityPath(code)}/registers/changes?limit=20${before ? `&before=${encodeURIComponent(before)}` : ''}`);
/** Every change of one entry (`register`: authorisations, budget or requests), oldest first. */
export const entryChanges = (code, register, id) => get(`${cityPath(code)}/${register}/${encodeURIComponent(id)}/changes`);
/** {city, authorisations}: the city [lon, lat] falls in and its register (city null outside every city). */
export const authorisationsAt = ([lon, lat], { signal } = {}) =>
  get(`/api/authorisations?at=${lon.toFixed(7)},${lat.toFixed(7)}`, { signal });
