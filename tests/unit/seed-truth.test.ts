import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { rallyAlbaniaCourse } from '../../seed/rally-albania-2026/course/index.ts';
import { rallyAlbaniaRoster } from '../../seed/rally-albania-2026/roster.ts';
import { stageOneGroundTruth } from '../../seed/rally-albania-2026/tracks.ts';
import { FAULT_KINDS } from '../../seed/tracks/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

it('the committed ground truth is what the seed injects (npm run seed:truth after a generator change)', () => {
  const committed = JSON.parse(readFileSync(path.join(ROOT, 'seed/rally-albania-2026/faults.ground-truth.json'), 'utf8'));
  const truth = stageOneGroundTruth(rallyAlbaniaRoster(), rallyAlbaniaCourse());
  expect(committed).toEqual(truth);
  expect(new Set(truth.faults.map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
  expect(truth.trackers).toBeGreaterThan(240);
});
