// One panel at a time on a phone's screen: when a panel opens, the others close, each through its
// own close (a sheet, the filters, the account, the list of what waits, "am I filmed here?", the
// legend). The camera form is never closed this way (it holds the volunteer's work); the city's
// figures stay open underneath, hidden by the stylesheet while another panel is shown.

/** @param {Record<string, () => void>} closers by element id: how to close each panel */
export function onePanelAtATime(closers) {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const opened = record.target;
      if (opened.hidden || record.oldValue === null) continue; // not a panel that just appeared
      for (const [id, close] of Object.entries(closers)) {
        const other = document.getElementById(id);
        if (other && other !== opened && !other.hidden) close();
      }
    }
  });
  for (const id of [...Object.keys(closers), 'editor']) {
    const el = document.getElementById(id);
    if (el) observer.observe(el, { attributes: true, attributeFilter: ['hidden'], attributeOldValue: true });
  }
}
