// Course files: read GPX (OpenRally), KML and GeoJSON into a stage's course, and write them back.
export { decodeCourseBytes, readCourseFile, type ReadOptions } from './read';
export { DEFAULT_TOLERANCE_METERS, ZONE_HALF_WIDTH_METERS } from './assemble';
export { CourseFileRefusal, MAX_FILE_BYTES, MAX_FILE_MEGABYTES, type RefusalCode } from './refusals';
export { toOpenRallyGpx } from './export-openrally';
export { toPlainGpx } from './export-plain';
export { toGeoJson, toKml } from './export-geojson';
export type { ExportCourse } from './export-shared';
export { DEFAULT_RADII, WAYPOINT_KINDS } from './kinds';
export type * from './types';
export { courseProblems } from './checks';
export { defaultTargets, planImport, summarize, type ExistingSegment, type ImportMode, type ImportPlan, type SegmentTargets } from './plan';
export { asCourse, courseCheckNotes } from './course-checks';
