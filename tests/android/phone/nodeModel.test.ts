import { describe, expect, it } from 'vitest';
import { elementList, indexedNodes, resourceId } from '../../../android/phone/elements.ts';
import { layoutContent } from '../../../android/phone/layout.ts';
import { button, column, frame, imageButton, list, text, view, type UiNode } from '../../../android/phone/ui.ts';

const laid = (content: UiNode) => layoutContent({ ...content, package: 'com.example' }, 0).root;
const find = (n: UiNode, pred: (n: UiNode) => boolean): UiNode | undefined => (pred(n) ? n : n.children?.map((c) => find(c, pred)).find(Boolean));

describe('the node model', () => {
  it('resource ids: the package prefix for a short id, verbatim ids as given, none when unset', () => {
    expect(resourceId({ class: 'x', id: 'send', package: 'com.example' })).toBe('com.example:id/send');
    expect(resourceId({ class: 'x', id: 'title', resourceId: 'android:id/title', package: 'com.example' })).toBe('android:id/title');
    expect(resourceId({ class: 'android.view.View', resourceId: 'Compose:Draft:Send' })).toBe('Compose:Draft:Send');
    expect(resourceId(view({ text: 'Hi' }))).toBe('');
  });

  it('a disabled control is listed but its tap (and the tap of text inside it) does nothing', () => {
    const root = laid(column([
      button('Send', { type: 'send' }, { enabled: false, risk: ['sends-message'] }),
      { class: 'android.widget.LinearLayout', clickable: true, enabled: false, onTap: { type: 'row' }, children: [text('Row title')] },
      button('Cancel', { type: 'cancel' }),
    ]));
    const nodes = indexedNodes(root);
    const by = (t: string) => nodes.find((n) => n.text === t)!;
    expect(by('Send').onTap).toBeUndefined();
    expect(by('Row title').onTap).toBeUndefined();
    expect(by('Cancel').onTap).toEqual({ type: 'cancel' });
    expect(elementList(nodes).map((e) => e.text)).toEqual(['Send', '', 'Row title', 'Cancel']);
  });

  it('an overlay puts a floating button over the bottom end of the list it floats on', () => {
    const rows = Array.from({ length: 40 }, (_, i) => text(`Conversation ${i}`));
    const root = laid(frame([list(rows, { id: 'list' }), imageButton('Start chat', { type: 'new' }, { id: 'fab', width: 200, height: 200, gravity: 'bottom-end' })]));
    const fab = find(root, (n) => n.id === 'fab')!.bounds!;
    const listBounds = find(root, (n) => n.id === 'list')!.bounds!;
    expect(fab[2] - fab[0]).toBe(200);
    expect(fab[2]).toBeLessThan(1080);
    expect(fab[0]).toBeGreaterThan(540);
    // Over the list's visible window, near its bottom, not below the screen.
    expect(fab[3]).toBeLessThanOrEqual(listBounds[3]);
    expect(fab[3]).toBeGreaterThan(listBounds[3] - 300);
  });

  it('columns lay children out in a grid; fixed heights and widths hold', () => {
    const icons = Array.from({ length: 10 }, (_, i) => text(`App ${i}`, { height: 240 }));
    const root = laid(column([{ class: 'android.widget.GridView', columns: 4, children: icons }]));
    const b = (t: string) => find(root, (n) => n.text === t)!.bounds!;
    expect(b('App 0')).toEqual([0, 84, 270, 324]);
    expect(b('App 3')[0]).toBe(810);
    expect(b('App 4')[1]).toBe(324);
    expect(b('App 9')).toEqual([270, 564, 540, 804]);
  });
});
