// npm run seed:truth: writes the ground-truth list of the GPS faults that the seed injects into
// stage 1, beside the generator, for tests of fault detection and the marshals' review screen.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { rallyAlbaniaCourse } from '../seed/rally-albania-2026/course/index.ts';
import { rallyAlbaniaRoster } from '../seed/rally-albania-2026/roster.ts';
import { stageOneGroundTruth } from '../seed/rally-albania-2026/tracks.ts';
import { ROOT } from './lib/paths.ts';

export const GROUND_TRUTH_PATH = path.join(ROOT, 'seed', 'rally-albania-2026', 'faults.ground-truth.json');

const truth = stageOneGroundTruth(rallyAlbaniaRoster(), rallyAlbaniaCourse());
// One fault per line: diffs stay readable when the generator changes.
const { faults, ...header } = truth;
const body = JSON.stringify(header, null, 1).replace(/\n}$/, `,\n "faults": [\n${faults.map((f) => `  ${JSON.stringify(f)}`).join(',\n')}\n ]\n}\n`);
writeFileSync(GROUND_TRUTH_PATH, body);
console.log(`ground truth written: ${truth.faults.length} faults on ${truth.trackers} trackers (${path.relative(process.cwd(), GROUND_TRUTH_PATH)})`);
