// Waypoint kinds: the OpenRally elements and the words other files use, mapped to the kinds of
// domain.md. The kind only suggests radii (FIM-style, as the seed's course uses); every waypoint
// row carries its own, so a file's radii always win over these.
import type { WaypointKind } from './types';

export const WAYPOINT_KINDS: readonly WaypointKind[] = ['WPV', 'WPM', 'WPE', 'WPS', 'WPC', 'WPN', 'WPP', 'DSS', 'ASS'];

/** Radii by kind and the kinds whose coordinates are printed: the course editor's own table. */
export { WAYPOINT_RADII as DEFAULT_RADII, SHOWS_COORDINATES } from '../course/defaults';

/** OpenRally element (v0.1–v1.0.3, legacy duplicates included) → our kind. */
const OPENRALLY: Record<string, WaypointKind> = {
  dss: 'DSS', ass: 'ASS', wpm: 'WPM', wpe: 'WPE', wps: 'WPS', wpc: 'WPC', wpv: 'WPV', wpp: 'WPP', wpn: 'WPN',
  startspecialstage: 'DSS', finishspecialstage: 'ASS', waypointeclipse: 'WPE', waypointsafety: 'WPS', waypointmasked: 'WPM',
};

/** OpenRally kinds we have no kind for, and the one a race director would take in their place. */
const OPENRALLY_NEAREST: Record<string, { kind: WaypointKind; why: string }> = {
  checkpoint: { kind: 'WPC', why: 'a checkpoint is a control: taken as WPC' },
  dt: { kind: 'WPV', why: 'start of transfer: kept as a visible waypoint (WPV)' },
  ft: { kind: 'WPV', why: 'end of transfer: kept as a visible waypoint (WPV)' },
};

export const OPENRALLY_KIND_ELEMENTS: ReadonlySet<string> = new Set([...Object.keys(OPENRALLY), ...Object.keys(OPENRALLY_NEAREST)]);

export interface KindChoice { kind: WaypointKind; note: string | null }

export function openRallyKind(element: string): KindChoice | null {
  const name = element.toLowerCase();
  const kind = OPENRALLY[name];
  if (kind) return { kind, note: null };
  const near = OPENRALLY_NEAREST[name];
  return near ? { kind: near.kind, note: `"${name}": ${near.why}` } : null;
}

// Words seen in plain GPX `type`/`sym`, KML and GeoJSON properties, checked in this order.
const WORDS: [RegExp, WaypointKind][] = [
  [/^(dss|start|depart)/, 'DSS'],
  [/^(ass|finish|arriv|end)/, 'ASS'],
  [/mask/, 'WPM'],
  [/eclipse/, 'WPE'],
  [/safe|danger/, 'WPS'],
  [/control|check|^cp/, 'WPC'],
  [/navig/, 'WPN'],
  [/precis/, 'WPP'],
];

/**
 * A kind from free text ("WPM", "wpm-3", "Waypoint masked", "checkpoint"). Unknown words become
 * the nearest kind, WPV (a plain visible waypoint), with a note rather than being dropped.
 */
export function kindFromWords(text: string | null | undefined): KindChoice {
  const word = (text ?? '').trim();
  const lower = word.toLowerCase();
  const exact = WAYPOINT_KINDS.find((k) => lower === k.toLowerCase() || new RegExp(`^${k}([^a-z]|$)`, 'i').test(word));
  if (exact) return { kind: exact, note: null };
  const element = openRallyKind(lower);
  if (element) return element;
  for (const [pattern, kind] of WORDS) if (pattern.test(lower)) return { kind, note: `kind "${word}" taken as ${kind}` };
  return { kind: 'WPV', note: word ? `unknown kind "${word}" taken as WPV` : 'no kind: taken as WPV' };
}
