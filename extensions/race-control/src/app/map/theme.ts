// Map colours from Directus's theme variables, so course objects read well in the light and the dark
// theme alike. Read once per map (and again when the theme changes) from the element that holds the map.
export interface MapColours {
  background: string;
  backgroundSubdued: string;
  foreground: string;
  foregroundSubdued: string;
  border: string;
  primary: string;
  danger: string;
  warning: string;
  success: string;
  /** The fill of a speed zone, a geofence, a radius: the line colour at low opacity. */
  fillOpacity: number;
}

const FALLBACK: MapColours = {
  background: '#ffffff', backgroundSubdued: '#f0f4f9', foreground: '#172940', foregroundSubdued: '#a2b5cd',
  border: '#e4eaf1', primary: '#6644ff', danger: '#e35169', warning: '#ffa439', success: '#2ecda7', fillOpacity: 0.18,
};

const VARIABLES: Record<Exclude<keyof MapColours, 'fillOpacity'>, string> = {
  background: '--theme--background',
  backgroundSubdued: '--theme--background-subdued',
  foreground: '--theme--foreground',
  foregroundSubdued: '--theme--foreground-subdued',
  border: '--theme--border-color',
  primary: '--theme--primary',
  danger: '--theme--danger',
  warning: '--theme--warning',
  success: '--theme--success',
};

export function mapColours(element?: Element | null): MapColours {
  if (typeof getComputedStyle === 'undefined') return FALLBACK;
  const style = getComputedStyle(element ?? document.documentElement);
  const colours = { ...FALLBACK };
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof typeof VARIABLES, string][]) {
    const value = style.getPropertyValue(variable).trim();
    // MapLibre parses CSS colours, not var() references; keep the fallback for anything else.
    if (value && !value.startsWith('var(')) colours[key] = value;
  }
  return colours;
}
