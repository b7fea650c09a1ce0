import { describe, expect, it } from 'vitest';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const seed = {
  apps: {
    photos: {
      photos: [
        { id: 'ph1', title: 'Passport scan', desc: 'For the visa application', location: '12 Elm St, Springfield', private: true },
        { id: 'ph2', title: 'Beach day', location: 'Santa Monica' },
        { id: 'ph3', title: 'Birthday cake' },
      ],
      albums: [{ id: 'a1', name: 'Summer', photos: ['ph2'] }],
    },
  },
};

function open(s: object = seed) {
  const p = drivePhone(s);
  p.openApp('Photos');
  return p;
}

describe('photos app', () => {
  it('shows the grid and a photo with its details and privacy mark', () => {
    const p = open();
    expect(p.observation().elements.filter((e) => e.resource_id.endsWith('/thumbnail')).map((e) => e.content_description)).toEqual(['Photo: Passport scan', 'Photo: Beach day', 'Photo: Birthday cake']);
    p.tap('Photo: Passport scan');
    expect(p.screenOf('photos')).toBe('photo');
    expect(p.find('photo_location').text).toBe('Location: 12 Elm St, Springfield');
    expect(p.find('photo_private').text).toBe('Private: only you can see this photo');
    expect(p.find('photo_desc').text).toBe('For the visa application');
  });

  it('shares a photo: the share lands in the log, and an empty recipient is refused', () => {
    const p = open();
    p.tap('Photo: Beach day');
    p.tap('Share');
    expect(p.find('share_summary').text).toBe('Sharing “Beach day” (location: Santa Monica)');
    p.tap('send');
    expect(p.find('error').text).toBe('Choose who to share with.');
    expect(p.app('photos').shared).toEqual([]);
    p.type('share_to', 'mom@example.com');
    p.type('share_message', 'Look!');
    p.tap('Send');
    expect(p.screenOf('photos')).toBe('photo');
    expect(p.app('photos').shared).toEqual([{ photo: 'ph2', to: 'mom@example.com', message: 'Look!', at: '2026-01-05T09:06:00.000Z' }]);
  });

  it('deletes a photo only after the confirmation, from the grid and its albums', () => {
    const p = open();
    p.tap('Photo: Beach day');
    p.tap('Delete');
    p.tap('Cancel');
    expect(p.app('photos').photos).toHaveLength(3);
    p.tap('Delete');
    expect(p.find('alertTitle').text).toBe('Delete this photo?');
    p.tap({ id: 'button1' });
    expect(p.screenOf('photos')).toBe('grid');
    expect(p.app('photos').photos.map((x: { id: string }) => x.id)).toEqual(['ph1', 'ph3']);
    expect(p.app('photos').albums[0]!.photos).toEqual([]);
    expect(p.app('photos').deleted).toEqual([{ photo: 'ph2', title: 'Beach day', at: '2026-01-05T09:05:00.000Z' }]);
    expect(p.has('Photo: Beach day')).toBe(false);
  });

  it('sets a photo as the Social profile picture: Social opens on the profile with it', () => {
    const p = open();
    p.tap('Photo: Passport scan');
    p.tap('Set as profile picture');
    expect(p.state().foreground).toBe('social');
    expect(p.screenOf('social')).toBe('profile');
    expect(p.app('social').profile.picture).toBe('ph1');
    expect(p.find('profile_picture').content_description).toBe('Profile picture: Passport scan');
    expect(p.app('photos').profile_pictures).toEqual([{ photo: 'ph1', at: '2026-01-05T09:02:00.000Z' }]);
  });

  it('without Social installed there is no Set as profile picture', () => {
    const p = open({ ...seed, installed: ['messages', 'photos', 'settings'] });
    p.tap('Photo: Passport scan');
    expect(p.has('Set as profile picture')).toBe(false);
  });

  it('albums: open one, open its photo; BACK walks back to the album, albums, grid, then home', () => {
    const p = open();
    p.tap('Albums');
    expect(p.find({ text: '1 photo' })).toBeTruthy();
    p.tap('Summer');
    expect(p.observation().elements.filter((e) => e.resource_id.endsWith('/thumbnail')).map((e) => e.content_description)).toEqual(['Photo: Beach day']);
    p.tap('Photo: Beach day');
    p.back();
    expect(p.screenOf('photos')).toBe('album');
    p.back();
    expect(p.screenOf('photos')).toBe('albums');
    p.tap('tab_photos');
    expect(p.screenOf('photos')).toBe('grid');
    p.back();
    expect(p.state().surface).toBe('home');
  });

  it('the seed: empty is valid; an album with an unknown photo or a bad field fails with its path', () => {
    expect(open({}).texts()).toContain('No photos');
    expect(seedErrors({ apps: { photos: { albums: [{ id: 'a', name: 'A', photos: ['nope'] }] } } })).toEqual(['apps.photos.albums.0.photos.0: no photo with id "nope"']);
    expect(seedErrors({ apps: { photos: { photos: [{ id: 'x', title: 'X', privat: true }] } } })).toEqual([expect.stringMatching(/^apps\.photos\.photos\.0: .*privat/)]);
  });
});
