// Files a race director hands us that we cannot use. Each refusal says what is wrong and what to
// do about it; nothing of a refused file is written.
export type RefusalCode = 'too-large' | 'empty' | 'not-a-course-file' | 'no-geometry' | 'out-of-range';

export const MAX_FILE_MEGABYTES = 30;
export const MAX_FILE_BYTES = MAX_FILE_MEGABYTES * 1024 * 1024;

export class CourseFileRefusal extends Error {
  constructor(readonly code: RefusalCode, message: string) {
    super(message);
    this.name = 'CourseFileRefusal';
  }
}

export function refuseSize(bytes: number, fileName: string): void {
  if (bytes > MAX_FILE_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    throw new CourseFileRefusal('too-large', `"${fileName}" is ${mb} MB; course files are limited to ${MAX_FILE_MEGABYTES} MB. Export one stage at a time, or without roadbook drawings.`);
  }
}

export function refuseEmpty(fileName: string): never {
  throw new CourseFileRefusal('empty', `"${fileName}" is empty: export the course again from your roadbook tool and pick the saved file.`);
}

export function refuseNotCourse(fileName: string, detail: string): never {
  throw new CourseFileRefusal('not-a-course-file', `"${fileName}" is not a GPX, KML or GeoJSON file (${detail}). Export the course as GPX (OpenRally), KML or GeoJSON.`);
}

export function refuseNoGeometry(fileName: string): never {
  throw new CourseFileRefusal('no-geometry', `"${fileName}" holds no track, route, waypoint or zone with coordinates: there is nothing to import. Check that the export included the track and the waypoints.`);
}

/** Throws unless the pair is a real place; `where` names the element for the race director. */
export function checkRange(lon: number, lat: number, where: string): void {
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    throw new CourseFileRefusal('out-of-range', `${where} has latitude ${lat}, longitude ${lon}: latitudes run from -90 to 90 and longitudes from -180 to 180. Fix that point in your roadbook tool (are latitude and longitude swapped, or written in another unit?).`);
  }
}
