import { describe, expect, it } from 'vitest';
import { CLAIMABLE, CLUB_COLLECTIONS, foreignLinkMessage } from './club-links';

describe('links outside the club', () => {
  it('tell a registrar to register a vehicle or tracker with the club first', () => {
    expect(foreignLinkMessage('devices', 'device_id')).toBe('The tracker in "device_id" is not registered with your club: register it with your club first');
    expect(foreignLinkMessage('vehicles', 'vehicle_id')).toMatch(/^The vehicle in "vehicle_id" is not registered with your club/);
  });

  it('name what was chosen in the words of the sport', () => {
    expect(foreignLinkMessage('entries', 'entry_id')).toBe('The entry in "entry_id" is not one of your club\'s');
    expect(foreignLinkMessage('directus_users', 'user_id')).toBe('The person in "user_id" is not one of your club\'s');
    expect(foreignLinkMessage('somewhere_else', 'x_id')).toBe('The item in "x_id" is not one of your club\'s');
  });

  it('let only shared catalogue items be claimed, through their club junctions', () => {
    expect(CLAIMABLE).toEqual({ organization_users: 'user_id', organization_vehicles: 'vehicle_id', organization_devices: 'device_id' });
    for (const junction of Object.keys(CLAIMABLE)) expect(CLUB_COLLECTIONS.has(junction)).toBe(true);
  });
});
