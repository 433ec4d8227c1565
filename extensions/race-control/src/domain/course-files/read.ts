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
    refuseEntities(body, fileName);
    progress(0.05, 'Reading the track points');
    const { light, pieces } = scanTracks(body);
    refuseDeep(light, fileName);
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

/** Course files never declare entities; a DOCTYPE that does (billion laughs) is refused unread. */
function refuseEntities(body: string, fileName: string): void {
  const doctype = /<!DOCTYPE\b[^[>]*(\[[\s\S]*?\])?\s*>/i.exec(body.slice(0, 1_000_000));
  if (doctype?.[1] && /<!ENTITY/i.test(doctype[1])) {
    refuseNotCourse(fileName, 'it declares entities (DOCTYPE), which course files never need and which could make it grow without end; Export the course again from your roadbook tool');
  }
}

export const MAX_XML_DEPTH = 100;
/** txml parses recursively: a file nested thousands deep would overflow the stack. GPX needs 6 levels. */
function refuseDeep(xml: string, fileName: string): void {
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else if (!m[2] && ++depth > MAX_XML_DEPTH) refuseNotCourse(fileName, `its elements are nested more than ${MAX_XML_DEPTH} deep, which no GPX or KML needs; Export the course again from your roadbook tool`);
  }
}

/** A file's bytes as text: UTF-8 (with or without a BOM), or UTF-16 when a BOM says so. */
export function decodeCourseBytes(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

function finish(raw: RawCourse, options: ReadOptions, progress: (fraction: number, step: string) => void): CourseFile {
  progress(0.7, 'Simplifying routes, placing waypoints and zones');
  const course = assemble(raw, options);
  progress(1, 'Done');
  return course;
}
