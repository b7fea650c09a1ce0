import type { App } from './app.ts';
import type { PhoneContext } from './context.ts';
import { text, type UiNode } from './ui.ts';

/**
 * The Pixel launcher as UiAutomator2 shows it: a workspace page (the At a Glance date and a few
 * icons), the hotseat at the bottom, the search bar under it, and every other app in the app drawer
 * (swipe up on the home screen, or the drawer handle). Icons carry no resource id: their text and
 * content-desc are the app's label, as on a real device.
 */

/** The hotseat: what a Pixel puts there first (Messages, Chrome...), of the apps this phone has. */
const HOTSEAT = ['messages', 'browser', 'contacts', 'photos'];
/** The first workspace page: a couple of icons the user placed. */
const WORKSPACE = ['settings'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const icon = (id: string, label: string): UiNode => text(label, { desc: label, clickable: true, longClickable: true, onTap: { type: 'os.open', app: id } });

/**
 * At a Glance (the smartspace) as the real launcher nests it: the workspace's search container, the
 * smartspace view, its card pager, the card, the card's text group, then the date and the (empty)
 * subtitle group.
 */
function glance(now: string): UiNode {
  const d = new Date(now);
  const date = Number.isNaN(d.getTime()) ? '' : `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  const frame = (id: string, cls: string, children: UiNode[]): UiNode => ({ class: cls, id, important: false, children });
  return frame('search_container_workspace', 'android.widget.FrameLayout', [
    frame('bc_smartspace_view', 'android.widget.FrameLayout', [
      frame('smartspace_card_pager', 'androidx.viewpager.widget.ViewPager', [{
        class: 'android.view.ViewGroup',
        children: [frame('text_group', 'android.widget.RelativeLayout', [
          text(date, { id: 'date', desc: date }),
          { class: 'android.view.ViewGroup', id: 'smartspace_subtitle_group', important: false, height: 48 },
        ])],
      }]),
    ]),
  ]);
}

/** The search bar (QSB) under the hotseat: the G, then the mic and Lens at its end. Its label is its description. */
const searchBar = (): UiNode => ({
  class: 'android.widget.FrameLayout', id: 'search_container_hotseat', desc: 'Search', horizontal: true,
  children: [
    { class: 'android.widget.ImageView', id: 'g_icon', desc: 'Google app', width: 132 },
    {
      class: 'android.widget.LinearLayout', id: 'end_part', horizontal: true, important: false, width: 264,
      children: [{ class: 'android.widget.ImageView', id: 'mic_icon', desc: 'Voice search', width: 132 }, { class: 'android.widget.ImageButton', id: 'lens_icon', desc: 'Google Lens' }],
    },
  ],
});

/**
 * A CellLayout and its ShortcutAndWidgetContainer, the two id-less levels Launcher3 puts around a
 * page's (or the hotseat's) icons and widgets.
 */
const cells = (children: UiNode[], extra: Partial<UiNode> = {}): UiNode => ({
  class: 'android.view.ViewGroup', important: false,
  children: [{ class: 'android.view.ViewGroup', important: false, children, ...extra }],
});

export function launcherView(ctx: PhoneContext, apps: ReadonlyMap<string, App>): UiNode {
  const mine = ctx.installed.filter((id) => apps.has(id));
  const label = (id: string) => apps.get(id)!.label;
  if (ctx.drawer) {
    const sorted = [...mine].sort((a, b) => label(a).localeCompare(label(b), 'en'));
    return {
      class: 'android.widget.FrameLayout', id: 'apps_view', paneTitle: 'Apps list',
      children: [
        { class: 'android.widget.TextView', id: 'search_container_all_apps', text: 'Search your phone and more' },
        { class: 'androidx.recyclerview.widget.RecyclerView', id: 'apps_list_view', scrollable: true, collection: true, columns: 5, children: sorted.map((id) => icon(id, label(id))) },
      ],
    };
  }
  const hotseat = HOTSEAT.filter((id) => mine.includes(id));
  const workspace = mine.filter((id) => WORKSPACE.includes(id) && !hotseat.includes(id));
  // launcher > drag_layer > workspace > CellLayout > ShortcutAndWidgetContainer > icons and widgets;
  // the hotseat is a CellLayout too, with the search bar under its icons.
  return {
    class: 'android.widget.FrameLayout', id: 'launcher', paneTitle: 'Home', important: false,
    children: [{
      class: 'android.widget.FrameLayout', id: 'drag_layer', important: false,
      children: [
        { class: 'android.widget.ScrollView', id: 'workspace', desc: 'Home', children: [cells([glance(ctx.now), { class: 'android.view.View', columns: 5, important: false, children: workspace.map((id) => icon(id, label(id))) }])] },
        { class: 'android.view.View', id: 'page_indicator', desc: 'Page 1 of 1' },
        { class: 'android.view.View', desc: 'Apps list', clickable: true, onTap: { type: 'os.drawer' } },
        {
          class: 'android.view.ViewGroup', id: 'hotseat',
          children: [{ class: 'android.view.ViewGroup', important: false, horizontal: true, children: hotseat.map((id) => icon(id, label(id))) }, searchBar()],
        },
      ],
    }],
  };
}
