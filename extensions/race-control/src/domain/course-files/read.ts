// The one entry point: a file's text in, the course it holds out (or a refusal in words). Pure,
// so the same code runs in the browser's Web Worker for the preview and on the server for the save.
import { assemble, type AssembleOptions } from './assemble';
import { readGeoJson } from './geojson';
import { readGpx } from './gpx';
import { readKml } from './kml';
import { refuseEmpty, refuseNotCourse, refuseSize } from './refusals';
import type { CourseFile } from './types';
import { localName, parseXml } from './xml';

export interface ReadOptions extends AssembleOptions {
  /** The file's size in bytes, when known (a string's length undercounts multi-byte text). */
  bytes?: number;
}

export function readCourseFile(input: string, options: ReadOptions): CourseFile {
  const { fileName } = options;
  refuseSize(options.bytes ?? input.length, fileName);
  const body = input.replace(/^\uFEFF/, '').trim();
  if (!body) refuseEmpty(fileName);
  if (body.startsWith('<')) {
    const root = parseXml(body, fileName);
    const tag = localName(root.tagName);
    if (tag === 'gpx') return assemble(readGpx(root), options);
    if (tag === 'kml') return assemble(readKml(root), options);
    refuseNotCourse(fileName, `XML, but its root element is <${root.tagName}>, not <gpx> or <kml>`);
  }
  if (body.startsWith('{') || body.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      refuseNotCourse(fileName, `the JSON is broken: ${(error as Error).message}`);
    }
    return assemble(readGeoJson(value, fileName), options);
  }
  refuseNotCourse(fileName, 'neither XML nor JSON');
}
