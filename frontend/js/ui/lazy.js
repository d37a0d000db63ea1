// Panels the first view does not need (the camera sheet, the add flow, the account and city
// panels) are loaded on first use, so that the map draws without waiting for their modules.

/**
 * `load` returns a promise of the component; the returned function builds it once, on first
 * call, and gives that promise. `ifLoaded(use)` touches the component only if it exists already
 * (closing a panel that was never opened needs no module).
 */
export function lazy(load) {
  let component = null;
  const get = () => (component ??= load());
  get.ifLoaded = (use) => { if (component) component.then(use); };
  return get;
}
