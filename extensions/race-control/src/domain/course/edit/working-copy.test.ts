import { describe, expect, it } from 'vitest';
import { validCourse } from '../fixtures.ts';
import { keyOf, WorkingCopy } from './working-copy.ts';

describe('the working copy', () => {
  it('undoes and redoes changes of any kind, and plans only what changed', () => {
    const copy = new WorkingCopy(validCourse());
    expect(copy.dirty).toBe(false);
    copy.patch('clear radius', keyOf('waypoints', 'w1'), { tolerance_meters: 120 });
    const id = copy.newId();
    copy.apply('draw geofence', [{ key: keyOf('geofences', id), after: { id, name: 'CP', kind: 'checkpoint', area: { type: 'Polygon', coordinates: [[[20, 42], [20.01, 42], [20.01, 42.01], [20, 42]]] } } }]);
    copy.apply('delete zone', [{ key: keyOf('speed_limit_zones', 'z1'), after: null }]);
    const plan = copy.plan();
    expect(plan.count).toBe(3);
    expect(plan.updates.waypoints).toEqual([{ id: 'w1', tolerance_meters: 120 }]);
    expect(plan.creates.geofences?.[0]?.fields).toMatchObject({ name: 'CP', kind: 'checkpoint' });
    expect(plan.deletes.speed_limit_zones).toEqual(['z1']);
    expect(copy.undo()).toBe('delete zone');
    expect(copy.undo()).toBe('draw geofence');
    expect(copy.undo()).toBe('clear radius');
    expect(copy.undo()).toBeNull();
    expect(copy.dirty).toBe(false);
    expect(copy.redo()).toBe('clear radius');
    expect(copy.plan().count).toBe(1);
    copy.patch('again', keyOf('waypoints', 'w1'), { tolerance_meters: 90 });
    expect(copy.canRedo).toBe(false);
    expect(copy.dirty).toBe(false); // back to what was opened
  });
});
