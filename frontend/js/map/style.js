// How a camera looks: a glyph by kind, a shape by camera type, a colour by operator type, and a
// pattern by status. Colours are read from CSS classes so that the stylesheet owns them.

const GLYPH = { camera: '◉', alpr: '▤', webcam: '◍', guard: '♜', other: '?' };

export const glyph = (kind) => GLYPH[kind] || GLYPH.other;

/** The camera types drawn round (app.css: .camera-icon.type-dome, .type-panning); the others are square. */
export const ROUND_TYPES = new Set(['dome', 'panning']);

/** CSS classes for a camera's marker and cone. */
export function classes(p) {
  return [`kind-${p.kind}`, `type-${p.cameraType}`, `op-${p.operatorType}`, `st-${p.status}`,
    p.filmedArea === 'indoor' ? 'indoor' : '', p.toRecheck ? 'recheck' : ''].filter(Boolean).join(' ');
}

/** An indoor camera films a room, not the street its cone would cross on the map: no cone is drawn. */
export const drawsCone = (p) => p.filmedArea !== 'indoor';

/** Stroke and fill of a cone, by operator type (Leaflet path options cannot come from CSS alone). */
const COLOURS = { public: '#1f5fbf', private: '#b4361b', unknown: '#5b5b5b' };

export function coneStyle(p) {
  const colour = COLOURS[p.operatorType] || COLOURS.unknown;
  const removed = p.status === 'removed';
  return {
    color: colour,
    weight: 1,
    fillColor: colour,
    fillOpacity: removed ? 0.05 : p.status === 'disputed' ? 0.1 : 0.22,
    dashArray: removed || p.status === 'disputed' ? '4 4' : null,
    className: `cone ${classes(p)}`,
    interactive: false,
  };
}
