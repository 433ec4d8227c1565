import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes, typeName } from '../../scripts/lib/schema-types.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('collection types', () => {
  it('are up to date with snapshots/schema.yaml (run npm run schema:types after a snapshot)', () => {
    const generated = generateTypes(readFileSync(path.join(ROOT, 'snapshots', 'schema.yaml'), 'utf8'));
    const committed = readFileSync(path.join(ROOT, 'extensions/race-control/src/domain/schema.generated.ts'), 'utf8');
    expect(committed).toBe(generated);
  });

  it('are named in the singular', () => {
    expect(['entries', 'classes', 'entry_crew', 'speed_limit_zones', 'directus_users', 'geofences'].map(typeName))
      .toEqual(['Entry', 'Class', 'EntryCrew', 'SpeedLimitZone', 'DirectusUser', 'Geofence']);
  });

  it('type relations, enums and geometry', () => {
    const types = generateTypes(readFileSync(path.join(ROOT, 'snapshots', 'schema.yaml'), 'utf8'));
    expect(types).toMatch(/export interface Entry \{[^}]*event_id: string \| Event;[^}]*crew: string\[\] \| EntryCrew\[\];/s);
    expect(types).toMatch(/kind: "moto" \| "quad" \| "car" \| "ssv" \| "truck";/);
    expect(types).toMatch(/area: GeoPolygon;/);
  });
});
