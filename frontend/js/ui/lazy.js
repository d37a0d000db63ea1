// Panels the first view does not need (the camera sheet, the account and city
// panels) are loaded on first use, so that the map draws without waiting for their modules.

/**
 * `load` returns a promise of the component, built once. The returned `use(fn)` calls `fn` with it
 * once loaded; when the module cannot be fetched (a phone that lost its signal), `onFailure` is
 * told and the next `use` tries again, so the button that asked still works once the network is
 * back. `use.ifLoaded(fn)` touches the component only if it exists already (closing a panel that
 * was never opened needs no module); `use.preload()` builds it ahead, quietly.
 */
export function lazy(load, onFailure = () => {}) {
  let component = null;
  const get = () => (component ??= load().catch((e) => {
    component = null;
    throw e;
  }));
  const use = (fn) => get().then(fn, onFailure);
  use.ifLoaded = (fn) => { if (component) component.then(fn, () => {}); };
  /** Builds it ahead of the first tap, quietly: a failure here is tried again on that tap. */
  use.preload = () => { get().catch(() => {}); };
  return use;
}
