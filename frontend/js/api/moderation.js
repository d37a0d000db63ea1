// The moderators' endpoints (issue 14): the reports queue, decisions on cameras, the log.
import { get, request } from './client.js';
import { session } from './session.js';

// Reads go without the token elsewhere (they are public); these ones are the moderators'.
const asModerator = (url) => get(url, { headers: { Authorization: `Bearer ${session()?.token ?? ''}` } });

const camera = (id) => `/api/moderation/cameras/${encodeURIComponent(id)}`;

export const openReports = (limit = 100) => asModerator(`/api/moderation/reports?limit=${limit}`);
export const moderationLog = (limit = 100) => asModerator(`/api/moderation/log?limit=${limit}`);
export const settle = (id, status) => request('POST', `${camera(id)}/resolution`, { body: { status } });
export const hide = (id, reason) => request('POST', `${camera(id)}/hide`, { body: reason ? { reason } : {} });
export const restore = (id) => request('POST', `${camera(id)}/restore`);
export const merge = (id, into) => request('POST', `${camera(id)}/merge`, { body: { into } });
export const closeReport = (reportId) => request('POST', `/api/moderation/reports/${encodeURIComponent(reportId)}/close`);
// An account's page (issue 14): suspending it, lifting it, reverting it with its puppets.
const suspension = (username) => `/api/moderation/accounts/${encodeURIComponent(username)}/suspension`;
export const suspend = (username, reason, until = null) => request('POST', suspension(username), { body: until ? { reason, until } : { reason } });
export const lift = (username) => request('DELETE', suspension(username));
/** Reverts several accounts as one author; `dryRun`: the preview, nothing written. Resolves to the report. */
export const revertTogether = (accounts, since, dryRun) => request('POST', `/api/moderation/reverts?dryRun=${Boolean(dryRun)}`,
  { body: since ? { accounts, since } : { accounts } }).then((r) => r.body);
