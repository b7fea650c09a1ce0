import { describe, expect, it } from 'vitest';
import { apps } from '../../android/phone/index.ts';
import { composeScreen } from '../../android/phone/screen.ts';
import type { UiNode } from '../../android/phone/ui.ts';
import { drivePhone } from '../support/phone.ts';

const find = (n: UiNode, id: string): UiNode | undefined => (n.id === id ? n : n.children?.map((c) => find(c, id)).find(Boolean));

describe('the launcher (Pixel-like)', () => {
  it('home: hotseat, search bar and At a Glance; icons have no id; most apps only in the drawer', () => {
    const p = drivePhone({});
    const icons = p.observation().elements.filter((e) => e.text !== '' && e.text === e.content_description && e.text !== 'Search');
    expect(icons.every((e) => e.resource_id === '')).toBe(true);
    const hotseat = find(composeScreen(p.state(), apps).root, 'hotseat')!;
    expect(hotseat.children!.map((c) => c.text)).toEqual(['Messages', 'Browser', 'Contacts', 'Photos']);
    expect(hotseat.children!.every((c) => c.id === undefined && c.resourceId === undefined)).toBe(true);
    expect(p.find({ desc: 'Search' }).resource_id).toBe('com.google.android.apps.nexuslauncher:id/search_container_hotseat');
    expect(p.has('Monday, Jan 5')).toBe(true);
    expect(p.has('Messages')).toBe(true);
    // Not every app on one page: Notes, Bank and Stocks wait in the drawer.
    for (const app of ['Notes', 'Bank', 'Stocks', 'Social']) expect(p.has(app)).toBe(false);
    expect(p.observation().elements.some((e) => e.resource_id.endsWith(':id/icon'))).toBe(false);
  });

  it('swipe up opens the app drawer with every app, alphabetical; tapping one opens it', () => {
    const p = drivePhone({});
    p.ok('swipe', { direction: 'up' });
    expect(p.state().drawer).toBe(true);
    const labels = p.observation().elements.filter((e) => e.text && e.text === e.content_description).map((e) => e.text);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
    expect(labels).toEqual(expect.arrayContaining(['Bank', 'Notes', 'Social', 'Stocks', 'Messages', 'Settings']));
    p.tap('Notes');
    expect(p.state().foreground).toBe('notes');
    expect(p.state().drawer).toBeUndefined();
    p.home();
    expect(p.has('Notes')).toBe(false);
  });

  it('the drawer handle opens it too; BACK or a swipe down closes it; a swipe down on home still opens the shade', () => {
    const p = drivePhone({});
    p.tap({ desc: 'Apps list' });
    expect(p.state().drawer).toBe(true);
    p.back();
    expect(p.state().drawer).toBeUndefined();
    expect(p.state().surface).toBe('home');
    p.ok('swipe', { direction: 'up' });
    p.ok('swipe', { direction: 'down' });
    expect(p.state().drawer).toBeUndefined();
    p.ok('swipe', { direction: 'down' });
    expect(p.state().surface).toBe('shade');
  });
});
