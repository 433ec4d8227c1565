import { defineDisplay } from '@directus/extensions-sdk';
import GeometryDisplay from './geometry-display.vue';

// The stock lists and forms showed a waypoint's location as "[object Object]": this shows
// "41.3520° N 19.8510° E", "LineString · 174.2 km", "Polygon · 0.8 km²".
export default defineDisplay({
  id: 'race-control-geometry',
  name: 'Geometry (course)',
  icon: 'map',
  description: 'A point as degrees, a line by its length, a polygon by its area',
  component: GeometryDisplay,
  options: null,
  types: ['geometry', 'geometry.Point', 'geometry.LineString', 'geometry.Polygon', 'json'],
});
