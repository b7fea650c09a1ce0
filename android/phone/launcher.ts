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

function glance(now: string): UiNode {
  const d = new Date(now);
  const date = Number.isNaN(d.getTime()) ? '' : `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  return { class: 'android.view.ViewGroup', id: 'search_container_workspace', children: [text(date, { desc: date })] };
}

const searchBar = (): UiNode => ({
  class: 'android.widget.FrameLayout', id: 'search_container_hotseat', desc: 'Search',
  children: [text('Search', { important: false })],
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
  return {
    class: 'android.widget.FrameLayout', id: 'launcher', paneTitle: 'Home',
    children: [
      { class: 'android.widget.ScrollView', id: 'workspace', desc: 'Home', children: [glance(ctx.now), { class: 'android.view.View', columns: 5, children: workspace.map((id) => icon(id, label(id))) }] },
      { class: 'android.view.View', id: 'page_indicator', desc: 'Page 1 of 1' },
      { class: 'android.view.View', desc: 'Apps list', clickable: true, onTap: { type: 'os.drawer' } },
      { class: 'android.view.ViewGroup', id: 'hotseat', horizontal: true, children: hotseat.map((id) => icon(id, label(id))) },
      searchBar(),
    ],
  };
}
