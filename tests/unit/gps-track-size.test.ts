// The track format's size goal (issue 11: ≤ 3.5 bytes a point gzipped), on a plausible 1 Hz ride.
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { encodeTrack } from '../../extensions/race-control/src/domain/gps/track-codec.ts';
import { REASON_CODES } from '../../extensions/race-control/src/domain/gps/reasons.ts';
import { ride } from '../../extensions/race-control/src/domain/gps/track-codec.test.ts';

it('gzips a 30k-point ride to under 3.5 bytes a point', () => {
  const header = { from: '', to: '', thinned: false, every: 1, reasons: REASON_CODES, devices: [{ device_id: '352092110000016', entry_id: null, race_number: 1, purpose: null, total: 30_000 }] };
  const bytes = encodeTrack(header, [ride(30_000)]);
  expect(gzipSync(bytes).length / 30_000).toBeLessThan(3.5);
});
