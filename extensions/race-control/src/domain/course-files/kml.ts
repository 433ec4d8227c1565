// KML 2.2 (Google Earth, most mapping tools): Placemarks with Point, LineString, gx:Track, Polygon
// or MultiGeometry; ExtendedData carries our field names. Read with txml, since a Web Worker has no DOM.
import { addArea, addLine, checkedPosition, waypointFrom, type Properties } from './properties';
import type { RawCourse } from './raw';
import { emptySkipped } from './types';
import { child, elements, localName, text, type TNode } from './xml';

const coordinates = (node: TNode | undefined): string[][] =>
  text(node).split(/\s+/).filter(Boolean).map((t) => t.split(','));

function properties(placemark: TNode): Properties {
  const p: Properties = { name: text(child(placemark, 'name')) };
  const data = child(placemark, 'extendeddata');
  for (const d of data ? elements(data) : []) {
    const tag = localName(d.tagName);
    if (tag === 'data') p[d.attributes.name ?? ''] = text(child(d, 'value'));
    if (tag === 'schemadata') for (const s of elements(d)) p[s.attributes.name ?? ''] = text(s);
  }
  return p;
}

function addGeometry(course: RawCourse, g: TNode, p: Properties, where: string): void {
  const tag = localName(g.tagName);
  if (tag === 'point') {
    const pos = checkedPosition(coordinates(child(g, 'coordinates'))[0], `The point of ${where}`);
    if (pos) course.waypoints.push(waypointFrom(p, pos));
  } else if (tag === 'linestring') {
    addLine(course, p, [coordinates(child(g, 'coordinates'))], where);
  } else if (tag === 'track') {
    addLine(course, p, [elements(g).filter((e) => localName(e.tagName) === 'coord').map((e) => text(e).split(/\s+/))], where);
  } else if (tag === 'polygon') {
    const outer = child(g, 'outerboundaryis');
    addArea(course, p, coordinates(outer && child(outer, 'linearring') && child(child(outer, 'linearring')!, 'coordinates')), where);
  } else if (tag === 'multigeometry' || tag === 'multitrack') {
    for (const sub of elements(g)) addGeometry(course, sub, p, where);
  }
}

function placemarks(node: TNode, out: TNode[]): TNode[] {
  for (const e of elements(node)) {
    const tag = localName(e.tagName);
    if (tag === 'placemark') out.push(e);
    else if (tag === 'document' || tag === 'folder') placemarks(e, out);
  }
  return out;
}

export function readKml(root: TNode): RawCourse {
  const course: RawCourse = { format: 'kml', routes: [], waypoints: [], zones: [], notes: [], skipped: emptySkipped(), ours: false };
  const doc = child(root, 'document');
  course.ours = !!doc && text(child(doc, 'description')).startsWith('Written by race control');
  placemarks(root, []).forEach((pm, i) => {
    const p = properties(pm);
    const where = `placemark ${p.name ? `"${p.name}"` : i + 1}`;
    for (const g of elements(pm)) {
      if (['point', 'linestring', 'polygon', 'multigeometry', 'track', 'multitrack'].includes(localName(g.tagName))) addGeometry(course, g, p, where);
    }
  });
  return course;
}
