// Leaflet 1.9.4 comes from the webjar as a classic script (index.html) that defines window.L;
// modules import it from here so that nothing else reaches for the global.
export default window.L;
