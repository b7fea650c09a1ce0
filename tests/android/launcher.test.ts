import { describe, expect, it } from 'vitest';
import { apps } from '../../android/phone/index.ts';
import { composeScreen } from '../../android/phone/screen.ts';
import type { UiNode } from '../../android/phone/ui.ts';
import { drivePhone } from '../support/phone.ts';

const find = (n: UiNode, id: string): UiNode | undefined => (n.id === id ? n : n.children?.map((c) => find(c, id)).find(Boolean));

describe('the launcher (Pixel-like)', () => {
  it('home: hotseat, search bar and At a Glance; icons have no id; most apps only in the drawer', () => {
    const p = drivePhone({});
    // Icons are the clickable TextViews labelled alike by text and description (the date is neither clickable nor an icon).
    const icons = p.observation().elements.filter((e) => e.class === 'TextView' && e.text !== '' && e.text === e.content_description && e.resource_id === '');
    expect(icons.map((e) => e.text)).toEqual(['Settings', 'Messages', 'Browser', 'Contacts', 'Photos']);
    const root = composeScreen(p.state(), apps).root;
    const hotseat = find(root, 'hotseat')!;
    // Launcher3's nesting: the hotseat's icons sit in its ShortcutAndWidgetContainer, the search bar under them.
    const [container, qsb] = hotseat.children!;
    expect(container!.children!.map((c) => c.text)).toEqual(['Messages', 'Browser', 'Contacts', 'Photos']);
    expect(container!.children!.every((c) => c.id === undefined && c.resourceId === undefined)).toBe(true);
    expect(qsb!.id).toBe('search_container_hotseat');
    expect(p.find({ desc: 'Search' }).resource_id).toBe('com.google.android.apps.nexuslauncher:id/search_container_hotseat');
    expect(['Google app', 'Voice search', 'Google Lens'].every((d) => p.has({ desc: d }))).toBe(true);
    // At a Glance: the date, five levels under the workspace's search container (smartspace, card pager, card, text group).
    expect(p.find('Monday, Jan 5').resource_id).toBe('com.google.android.apps.nexuslauncher:id/date');
    const workspace = find(root, 'workspace')!;
    expect(find(workspace, 'search_container_workspace')).toBeDefined();
    expect(find(find(workspace, 'search_container_workspace')!, 'date')?.text).toBe('Monday, Jan 5');
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
