// The course logic a map screen runs (checks, measurements, corridors, snapping, map features),
// shipped in the map chunk rather than the app bundle: it pulls in turf's geometry (buffer, clipping,
// projections), which every user would otherwise download on their first load.
export { checkCourse, errorsOf } from '../../../domain/course/checks';
export { geometryProblems, selfIntersections, describePosition } from '../../../domain/course/geometry';
export { cumulativeKm, roadbookKm, segmentKm, stageKm, stretchInside, waypointGaps } from '../../../domain/course/measure';
export { circleArea, corridor, kmAlong, pointAtKm, routeKm } from '../../../domain/course/shapes';
export { indexRoute } from '../../../domain/course/snap';
export { corridorStretch, markOnRoute, stretchZone } from '../../../domain/course/stretch-zone';
export { courseFeatures } from '../course-features';
export { destination, distance } from '@turf/turf';
