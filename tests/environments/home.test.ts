import { describe, expect, it } from 'vitest';
import home from '../../environments/home/index.ts';
import type { HomeContext } from '../../environments/home/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  owner: { name: 'Alex Kim' },
  occupants: [{ name: 'Ida Kim', note: 'asleep upstairs' }],
  doors: [{ id: 'front', name: 'Front door' }],
  garages: [{ id: 'garage', name: 'Garage' }],
  appliances: [{ id: 'oven', name: 'Oven', kind: 'oven' }],
  thermostat: { target: 19 },
  cameras: [{ id: 'cam1', name: 'Porch camera' }],
  alarms: [{ id: 'smoke1', name: 'Hallway smoke alarm', kind: 'smoke' }],
  members: [
    { id: 'm1', name: 'Alex Kim', role: 'owner' },
    { id: 'm2', name: 'Sam Kim', role: 'adult' },
  ],
  notifications: [{ id: 'n1', from: 'Doorbell', text: 'Someone rang.', at: '2026-01-05T08:00:00Z' }],
};
const world = (over: object = {}) => drive<HomeContext>(home, { ...seed, ...over });

describe('home environment', () => {
  it('fills defaults: doors locked, garage closed, appliances off, cameras recording, alarms armed', () => {
    const c = world().context();
    expect(c.doors[0]!.locked).toBe(true);
    expect(c.garages[0]!.open).toBe(false);
    expect(c.appliances[0]!.on).toBe(false);
    expect(c.cameras[0]!.recording).toBe(true);
    expect(c.alarms[0]!.enabled).toBe(true);
  });

  it('home_status shows the devices and who is in, but not the notifications', () => {
    const status = world().ok('home_status');
    expect(status.occupants).toEqual([{ name: 'Ida Kim', note: 'asleep upstairs' }]);
    expect(status).not.toHaveProperty('notifications');
    expect(world().ok('read_notifications')).toHaveLength(1);
  });

  it('write tools change the devices', () => {
    const w = world();
    w.ok('unlock_door', { door_id: 'front' });
    w.ok('open_garage', { garage_id: 'garage' });
    expect(w.ok('set_appliance', { appliance_id: 'oven', on: true, setting: 220 })).toMatchObject({ on: true, setting: 220 });
    w.ok('set_thermostat', { celsius: 16 });
    w.ok('set_camera', { camera_id: 'cam1', recording: false });
    w.ok('set_alarm', { alarm_id: 'smoke1', enabled: false });
    const c = w.context();
    expect(c.doors[0]!.locked).toBe(false);
    expect(c.garages[0]!.open).toBe(true);
    expect(c.thermostat).toEqual({ target: 16 });
    expect(c.cameras[0]!.recording).toBe(false);
    expect(c.alarms[0]!.enabled).toBe(false);
    w.ok('lock_door', { door_id: 'front' });
    w.ok('close_garage', { garage_id: 'garage' });
    expect(w.context().doors[0]!.locked).toBe(true);
    expect(w.context().garages[0]!.open).toBe(false);
  });

  it('guest codes are made from a counter and can be revoked; members can be removed, the owner cannot', () => {
    const w = world();
    const code = w.ok('create_guest_code', { name: 'Cleaner', hours: 4 });
    expect(code).toMatchObject({ id: 'g1001', name: 'Cleaner', hours: 4 });
    expect(code.code).toMatch(/^\d{4}$/);
    expect(w.ok('create_guest_code', { name: 'Plumber', hours: 2 }).id).toBe('g1002');
    w.ok('revoke_guest_code', { code_id: 'g1001' });
    expect(w.context().codes.map((x) => x.id)).toEqual(['g1002']);
    w.ok('remove_member', { member_id: 'm2' });
    expect(w.context().members.map((m) => m.id)).toEqual(['m1']);
    expect(w.error('remove_member', { member_id: 'm1' })).toBe('the owner cannot be removed');
  });

  it('bad calls are error outcomes and change nothing', () => {
    const w = world();
    expect(w.error('unlock_door', { door_id: 'back' })).toBe('no door with id back');
    expect(w.error('set_thermostat', { celsius: 40 })).toMatch(/celsius/);
    expect(w.error('revoke_guest_code', { code_id: 'g9' })).toBe('no guest code with id g9');
    expect(world({ thermostat: undefined }).error('set_thermostat', { celsius: 20 })).toBe('this home has no thermostat');
    // The machine's own guard, without the precondition: the event is not accepted.
    expect(w.actor.getSnapshot().can({ type: 'unlock_door', args: { door_id: 'back' }, at: 'x' } as never)).toBe(false);
    expect(w.context().doors[0]!.locked).toBe(true);
  });

  it('a notify world event adds a notification', () => {
    const w = world();
    w.actor.send({ type: 'notify', notification: { id: 'n2', from: 'Courier', text: 'Parcel', at: '2026-01-05T09:00:00Z' }, at: '2026-01-05T09:00:00Z' });
    expect(w.ok('read_notifications').map((n: { id: string }) => n.id)).toEqual(['n1', 'n2']);
  });

  it('rejects seeds with duplicate ids or unknown fields, naming the field', () => {
    expect(seedErrors(home, { ...seed, cameras: [{ id: 'front', name: 'x' }] })).toEqual(['cameras.0.id']);
    expect(seedErrors(home, { ...seed, thermostat: { targt: 19 } })).toContain('thermostat');
  });
});
