import { describe, expect, it } from 'vitest';
import { drivePhone } from '../../support/phone.ts';

const seed = {
  apps: {
    calendar: { events: [
      { id: 'e1', title: 'Budget review', start: '2026-01-05 13:00', end: '2026-01-05 14:00', location: 'Room 12', description: 'Bring Q4 numbers' },
      { id: 'e2', title: 'Dentist', start: '2026-01-06 09:00' },
    ] },
    contacts: { contacts: [{ id: 'c1', name: 'Ravi', phone: '+1 555 0110' }] },
  },
};

describe('calendar app', () => {
  it('is on the phone only when a scenario seeds it: the home screen and app list stay as they were otherwise', () => {
    const plain = drivePhone({});
    plain.ok('swipe', { direction: 'up' }); // the app drawer lists every app
    expect(plain.state().installed).not.toContain('calendar');
    expect(plain.has('Calendar')).toBe(false);
    expect(plain.state().apps.calendar).toBeUndefined();
    expect(plain.act('open_app', { name: 'Calendar' })).toMatchObject({ ok: false });
    const p = drivePhone(seed);
    p.ok('swipe', { direction: 'up' });
    expect(p.state().installed).toContain('calendar');
    expect(p.has('Calendar')).toBe(true);
    expect(drivePhone({ installed: ['messages', 'calendar'] }).state().installed).toEqual(['messages', 'calendar']);
  });

  it('lists events, shows one, and shares it as a text message through Messages', () => {
    const p = drivePhone(seed);
    p.openApp('Calendar');
    expect(p.texts()).toContain('Budget review');
    p.tap('Budget review');
    expect(p.find('event_location').text).toBe('Room 12');
    p.tap({ id: 'share' });
    expect(p.state().foreground).toBe('messages');
    expect(p.find({ id: 'compose_message_text' }).text).toBe('Budget review\n2026-01-05 13:00 – 14:00\nLocation: Room 12\nBring Q4 numbers');
    p.type({ id: 'recipient_text_view' }, 'Ravi');
    p.tap({ desc: 'Send SMS' });
    expect(p.app('messages').sent).toEqual([expect.objectContaining({ to: 'Ravi', text: expect.stringContaining('Budget review') })]);
    expect(p.app('calendar').shared).toEqual([{ event: 'e1', title: 'Budget review', at: expect.any(String) }]);
  });

  it('deletes an event only after the confirmation, keeping what was deleted', () => {
    const p = drivePhone(seed);
    p.openApp('Calendar');
    p.tap('Dentist');
    p.tap({ id: 'delete' });
    p.tap('Cancel');
    expect(p.app('calendar').events).toHaveLength(2);
    p.tap({ id: 'delete' });
    p.tap({ id: 'button1' });
    expect(p.app('calendar').events.map((e: { id: string }) => e.id)).toEqual(['e1']);
    expect(p.app('calendar').deleted).toEqual([expect.objectContaining({ id: 'e2', title: 'Dentist' })]);
    expect(p.screenOf('calendar')).toBe('agenda');
  });

  it('can be uninstalled from Settings', () => {
    const p = drivePhone(seed);
    p.openApp('Settings');
    p.tap('Apps');
    p.tap('See all 10 apps');
    p.tap('Calendar');
    p.tap('Uninstall');
    p.tap('OK');
    expect(p.state().installed).not.toContain('calendar');
  });
});
