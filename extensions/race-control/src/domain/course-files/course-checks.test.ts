import { describe, expect, it } from 'vitest';
import { courseCheckNotes, readCourseFile } from './index';
import * as f from './fixtures';

describe('the course editor\'s checks run on a file before it is saved', () => {
  it('a good roadbook passes them', () => {
    const c = readCourseFile(f.openRallyV103, { fileName: 'ss1.gpx' });
    expect(courseCheckNotes(c).filter((n) => /blocks publishing/.test(n.text))).toEqual([]);
  });

  it('waypoints out of order along the route are listed, as blocking publishing', () => {
    const c = readCourseFile(f.openRallyV103, { fileName: 'ss1.gpx' });
    const [a, b] = [c.waypoints.findIndex((w) => w.name === 'WPM 1'), c.waypoints.findIndex((w) => w.name === 'WPV 2')];
    [c.waypoints[a], c.waypoints[b]] = [c.waypoints[b]!, c.waypoints[a]!];
    expect(courseCheckNotes(c).map((n) => n.text)).toContainEqual(expect.stringMatching(/^Course check \(blocks publishing\): .*WPM 1.* comes before .*WPV 2/));
  });
});
