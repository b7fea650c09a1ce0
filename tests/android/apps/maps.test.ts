import { describe, expect, it } from 'vitest';
import { drivePhone } from '../../support/phone.ts';

const seed = { apps: { maps: { places: [{ name: 'Harbor Museum', address: '1 Pier Rd' }] } } };

describe('maps app', () => {
  it('is on the phone only when a scenario seeds it', () => {
    expect(drivePhone({}).state().installed).not.toContain('maps');
    expect(drivePhone(seed).state().installed).toContain('maps');
  });

  it('searches a place and opens driving directions to it', () => {
    const p = drivePhone(seed);
    p.openApp('Maps');
    p.type('search_box', 'harbor museum');
    p.enter();
    expect(p.screenOf('maps')).toBe('results');
    p.tap('Harbor Museum');
    expect(p.find('place_address').text).toBe('1 Pier Rd');
    p.tap({ id: 'directions' });
    expect(p.find('route_destination').text).toBe('Driving to Harbor Museum');
    expect(p.app('maps')).toMatchObject({ searches: [{ query: 'harbor museum' }], directions: [{ to: 'Harbor Museum', address: '1 Pier Rd' }] });
  });

  it('finds any other place by the name searched, and ignores an empty search', () => {
    const p = drivePhone(seed);
    p.openApp('Maps');
    p.tap({ id: 'search_button' });
    expect(p.screenOf('maps')).toBe('map');
    p.type('search_box', 'Mojave Desert');
    p.tap({ id: 'search_button' });
    p.tap('Mojave Desert');
    p.tap({ id: 'directions' });
    expect(p.app('maps').directions).toEqual([expect.objectContaining({ to: 'Mojave Desert' })]);
  });
});
