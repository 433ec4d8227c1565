// How a place and a distance read to a race director: degrees with hemisphere, as roadbooks print
// them (latitude first), and km with one decimal beyond 10 km.
export function formatLatLon(lon: number, lat: number, decimals = 4): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(decimals)}° ${ns} ${Math.abs(lon).toFixed(decimals)}° ${ew}`;
}

export function formatKm(km: number): string {
  if (km < 1) return `${Math.round(km * 1000)} m`;
  return `${km.toFixed(km < 10 ? 2 : 1)} km`;
}
