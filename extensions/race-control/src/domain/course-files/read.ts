// The one entry point: a file's text in, the course it holds out (or a refusal in words). Pure,
// so the same code runs in the browser's Web Worker for the preview and on the server for the save.
import { assemble, type AssembleOptions } from './assemble';
import { readGeoJson } from './geojson';
import { readGpx } from './gpx';
import { readKml } from './kml';
import { scanTracks } from './track-scan';
import { refuseEmpty, refuseNotCourse, refuseSize } from './refusals';
import type { RawCourse } from './raw';
import type { CourseFile } from './types';
import { localName, parseXml } from './xml';

export interface ReadOptions extends AssembleOptions {
  /** The file's size in bytes, when known (a string's length undercounts multi-byte text). */
  bytes?: number;
  /** Called between the steps (0–1 and the step's words), for a progress bar in the worker's page. */
  onProgress?: (fraction: number, step: string) => void;
}

export function readCourseFile(input: string, options: ReadOptions): CourseFile {
  const { fileName } = options;
  const progress = options.onProgress ?? (() => {});
  refuseSize(options.bytes ?? input.length, fileName);
  const body = input.replace(/^\uFEFF/, '').trim();
  if (!body) refuseEmpty(fileName);
  if (body.startsWith('<')) {
    progress(0.05, 'Reading the track points');
    const { light, pieces } = scanTracks(body);
    progress(0.4, 'Reading the XML');
    const root = parseXml(light, fileName);
    const tag = localName(root.tagName);
    progress(0.5, 'Reading tracks and waypoints');
    if (tag === 'gpx') return finish(readGpx(root, pieces), options, progress);
    if (tag === 'kml') return finish(readKml(root), options, progress);
    refuseNotCourse(fileName, `XML, but its root element is <${root.tagName}>, not <gpx> or <kml>`);
  }
  if (body.startsWith('{') || body.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      refuseNotCourse(fileName, `the JSON is broken: ${(error as Error).message}`);
    }
    progress(0.5, 'Reading features');
    return finish(readGeoJson(value, fileName), options, progress);
  }
  refuseNotCourse(fileName, 'neither XML nor JSON');
}

function finish(raw: RawCourse, options: ReadOptions, progress: (fraction: number, step: string) => void): CourseFile {
  progress(0.7, 'Simplifying routes, placing waypoints and zones');
  const course = assemble(raw, options);
  progress(1, 'Done');
  return course;
}
