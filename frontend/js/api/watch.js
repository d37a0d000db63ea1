// The citizen-watch endpoints of a city: its dossier (registers and figures in one answer).
import { get } from './client.js';
import { valuesOf } from '../state/values.js';

export const dossier = (code) => get(`/api/cities/${encodeURIComponent(code)}/dossier`);

/** The printable pages, on this server: the dossier, and the records-request letter for a subject. */
export const dossierPage = (code) => `/dossier.html?city=${encodeURIComponent(code)}`;
export const letterPage = (code, subject) => `/lettre-cada.html?city=${encodeURIComponent(code)}&subject=${encodeURIComponent(subject)}`;

/** What a records request may ask for, as the server lists them (GET /api/config `values`, RequestSubject). */
export const subjects = () => valuesOf('requestSubject');
