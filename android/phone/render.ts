import { indexedNodes } from './elements.ts';
import { SCREEN } from './layout.ts';
import type { UiNode } from './ui.ts';

/**
 * Draws a laid-out UI tree (composeScreen's `root`) as one self-contained HTML document that looks
 * like an Android phone screen. Every node is a box absolutely positioned from its bounds, so the
 * picture is exactly what the page source and the element list say, and a click at a point of the
 * page maps back to a node (each listed node carries `data-tag`, its numeric_tag). Nothing is
 * fetched and nothing runs: no scripts, no external resources, every text escaped.
 *
 * Device pixels (1080x2400) map to CSS pixels by SCALE: the page is 360x800 CSS px and a screenshot
 * at deviceScaleFactor 3 has the phone's size.
 */
export const SCALE = 3;
export const CSS_WIDTH = SCREEN.width / SCALE;
export const CSS_HEIGHT = SCREEN.height / SCALE;

const SYSTEM = 'com.android.systemui';
const LAUNCHER = 'com.google.android.apps.nexuslauncher';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const short = (cls: string) => cls.slice(cls.lastIndexOf('.') + 1);
const px = (n: number) => `${Math.round((n / SCALE) * 100) / 100}px`;

/** Material-ish theme colours by app (the package's last segment); others get one by hash. */
const THEMES: Record<string, [primary: string, dark: string]> = {
  messages: ['#1a73e8', '#1557b0'],
  messaging: ['#1a73e8', '#1557b0'],
  chrome: ['#3c4043', '#202124'],
  contacts: ['#0b8043', '#096a37'],
  bank: ['#00695c', '#004d40'],
  stocks: ['#283593', '#1a237e'],
  social: ['#c2185b', '#880e4f'],
  notes: ['#ef6c00', '#c25700'],
  browser: ['#3c4043', '#202124'],
  settings: ['#455a64', '#37474f'],
  calendar: ['#d93025', '#a52714'],
  photos: ['#7b1fa2', '#5c1679'],
  files: ['#5e35b1', '#4527a0'],
};
const PALETTE = Object.values(THEMES);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function themeOf(pkg: string | undefined): [string, string] {
  const name = (pkg ?? '').slice((pkg ?? '').lastIndexOf('.') + 1).toLowerCase();
  return THEMES[name] ?? PALETTE[hash(name) % PALETTE.length]!;
}

// Material icon paths (24x24), picked by an ImageButton's content description.
const ICONS: [RegExp, string][] = [
  [/navigate up|^back$|go back/, 'M20 11H7.83l5.59-5.59L12 4l-8 8 8 8 1.41-1.41L7.83 13H20v-2z'],
  [/search|find/, 'M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z'],
  [/send/, 'M2.01 21 23 12 2.01 3 2 10l15 2-15 2z'],
  [/delete|remove|trash|uninstall/, 'M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z'],
  [/close|cancel|dismiss|clear/, 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z'],
  [/more|option|overflow/, 'M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm0 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z'],
  [/like|favou?rite|heart|love/, 'M12 21.35 10.55 20.03C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z'],
  [/edit|rename|write|compose/, 'M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z'],
  [/share|forward/, 'M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11A2.99 2.99 0 0 0 21 5a3 3 0 1 0-5.91.7L8.04 9.81A2.99 2.99 0 0 0 3 12a3 3 0 0 0 5.04 2.19l7.12 4.16a2.92 2.92 0 1 0 2.84-2.27z'],
  [/add|new|create|plus/, 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z'],
  [/menu|drawer/, 'M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z'],
  [/refresh|reload/, 'M17.65 6.35A7.958 7.958 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A5.99 5.99 0 0 1 12 18a6 6 0 1 1 0-12c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z'],
  [/call|phone|dial/, 'M6.62 10.79a15.05 15.05 0 0 0 6.59 6.59l2.2-2.2a1 1 0 0 1 1.02-.24c1.12.37 2.33.57 3.57.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1.02l-2.2 2.2z'],
  [/comment|reply|chat|message/, 'M20 2H4a2 2 0 0 0-1.99 2L2 22l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zM6 9h12v2H6V9zm8 5H6v-2h8v2zm4-6H6V6h12v2z'],
  [/camera/, 'M12 15.2a3.2 3.2 0 1 0 0-6.4 3.2 3.2 0 0 0 0 6.4zM9 2 7.17 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-3.17L15 2H9zm3 15a5 5 0 1 1 0-10 5 5 0 0 1 0 10z'],
  [/profile|account|person|contact|avatar|user/, 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z'],
  [/settings|gear/, 'M19.14 12.94a7.1 7.1 0 0 0 0-1.88l2.03-1.58a.49.49 0 0 0 .12-.61l-1.92-3.32a.49.49 0 0 0-.59-.22l-2.39.96a7 7 0 0 0-1.62-.94l-.36-2.54A.48.48 0 0 0 13.93 2h-3.84a.48.48 0 0 0-.48.41l-.36 2.54c-.59.24-1.13.56-1.62.94l-2.39-.96a.49.49 0 0 0-.59.22L2.73 8.47a.48.48 0 0 0 .12.61l2.03 1.58a7.1 7.1 0 0 0 0 1.88l-2.03 1.58a.49.49 0 0 0-.12.61l1.92 3.32c.12.22.37.29.59.22l2.39-.96c.5.38 1.03.7 1.62.94l.36 2.54c.05.24.25.41.48.41h3.84c.24 0 .44-.17.47-.41l.36-2.54c.59-.24 1.13-.56 1.62-.94l2.39.96c.22.08.47 0 .59-.22l1.92-3.32a.48.48 0 0 0-.12-.61l-2.01-1.58zM12 15.6a3.6 3.6 0 1 1 0-7.2 3.6 3.6 0 0 1 0 7.2z'],
  [/photo|image|picture|gallery/, 'M21 19V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2zM8.5 13.5l2.5 3.01L14.5 12l4.5 6H5l3.5-4.5z'],
];
const IMAGE_ICON = ICONS.at(-1)![1];
const CHECK = 'M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z';

const svg = (path: string, size: number, color = 'currentColor') =>
  `<svg width="${size}" height="${size}" viewBox="0 0 24 24" aria-hidden="true"><path fill="${color}" d="${path}"/></svg>`;

function iconFor(desc: string): string | undefined {
  const d = desc.toLowerCase();
  return ICONS.find(([re]) => re.test(d))?.[1];
}

const NAV_ICONS: Record<string, string> = {
  back: '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round" d="M18 4 6 12l12 8z"/></svg>',
  home: '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2.2"/></svg>',
  recent_apps: '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><rect x="4.5" y="4.5" width="15" height="15" rx="1.5" fill="none" stroke="currentColor" stroke-width="2.2"/></svg>',
};

const STATUS_ICONS =
  svg('M1 9l2 2c4.97-4.97 13.03-4.97 18 0l2-2C16.93 2.93 7.08 2.93 1 9zm8 8 3 3 3-3a4.24 4.24 0 0 0-6 0zm-4-4 2 2a7.07 7.07 0 0 1 10 0l2-2C15.14 9.14 8.87 9.14 5 13z', 14) +
  svg('M2 22h20V2z', 13) +
  svg('M15.67 4H14V2h-4v2H8.33C7.6 4 7 4.6 7 5.33v15.34C7 21.4 7.6 22 8.33 22h7.34c.73 0 1.33-.6 1.33-1.33V5.33C17 4.6 16.4 4 15.67 4z', 14);

type Surface = 'app' | 'launcher' | 'overview' | 'shade';

function surfaceOf(root: UiNode): Surface {
  let found: Surface = 'app';
  const walk = (n: UiNode): boolean => {
    if (n.id === 'launcher' || n.id === 'launcher_title') found = 'launcher';
    else if (n.id === 'overview_title') found = 'overview';
    else if (n.id === 'shade_title') found = 'shade';
    else return (n.children ?? []).some(walk);
    return true;
  };
  walk(root);
  return found;
}

/** numeric_tag of every listed node. indexedNodes copies nodes that inherit a row's tap; match those by their fields. */
function tags(root: UiNode, nodes: UiNode[]): Map<UiNode, number> {
  const out = new Map<UiNode, number>();
  let i = 0;
  const same = (a: UiNode, b: UiNode) =>
    a === b || (a.class === b.class && a.bounds === b.bounds && a.text === b.text && a.desc === b.desc && a.id === b.id && a.children === b.children);
  const walk = (n: UiNode) => {
    if (i < nodes.length && same(nodes[i]!, n)) out.set(n, i++);
    n.children?.forEach(walk);
  };
  walk(root);
  return out;
}

interface Ctx {
  tags: Map<UiNode, number>;
  out: string[];
}

function textOf(n: UiNode): string {
  const t = n.text ?? '';
  return n.password && t ? '•'.repeat(t.length) : t;
}

/** A list row (ui.ts `row`): a vertical layout holding a title and maybe a subtitle. */
const isRow = (n: UiNode) => short(n.class) === 'LinearLayout' && !n.horizontal && (n.children ?? []).some((k) => k.id === 'title');

/** How one node looks, by its class, id and state: [css classes, inner html]. */
function draw(n: UiNode, parent: UiNode | undefined): [string, string] {
  const cls = short(n.class);
  const id = n.id ?? '';
  const system = n.package === SYSTEM;
  const t = escapeHtml(textOf(n));
  const desc = escapeHtml(n.desc ?? '');

  if (n.class === 'scrim') return ['scrim', ''];
  if (n.window) return ['dialog', ''];
  if (system && id === 'status_bar') return ['status-bar', ''];
  if (system && id === 'clock') return ['clock', t];
  if (system && id === 'system_icons') return ['status-icons', STATUS_ICONS];
  // The icons system_icons draws, and the notification icons (a dot each): no text of their own on screen.
  if (system && (id === 'statusIcons' || id === 'battery' || id === 'wifi_combo' || id === 'mobile_combo' || id === 'notification_icon_area')) return ['group', ''];
  if (system && parent?.id === 'notificationIcons') return ['notif-dot', '<i></i>'];
  if (system && id === 'navigation_bar_frame') return ['nav-bar', ''];
  if (system && NAV_ICONS[id]) return ['nav-button', NAV_ICONS[id]!];
  if (id === 'toolbar') return ['toolbar', ''];
  if (id === 'toolbar_title') return ['toolbar-title', `<span>${t}</span>`];
  if (id === 'launcher_title') return ['launcher-title', `<span>${t}</span>`];
  if (/_title$/.test(id) && cls === 'TextView') return ['heading', `<span>${t}</span>`];
  if (n.package === LAUNCHER && (id === 'icon' || n.onTap?.type === 'os.open')) {
    const [primary] = themeOf(`x.${(n.text ?? '').toLowerCase()}`);
    return ['app-icon', `<i style="background:${primary}">${escapeHtml((n.text ?? '?').slice(0, 1).toUpperCase())}</i><span>${t}</span>`];
  }
  if (id === 'message_in' || id === 'message_out') return [`bubble ${id === 'message_out' ? 'out' : 'in'}`, `<span>${t}</span>`];
  // Messages' Compose bubbles: only the description says who wrote it, as TalkBack reads it.
  if (n.resourceId === 'message_text') return [`bubble ${n.desc?.startsWith('You said') ? 'out' : 'in'}`, `<span>${t}</span>`];

  switch (cls) {
    case 'Button': {
      const quiet = /^(cancel|no|not now|dismiss|close|skip|later)$/i.test(n.text ?? '');
      const kids = parent?.horizontal ? parent.children ?? [] : [];
      const place = kids.length > 1 ? ` in-line${kids[0] === n ? ' first' : ''}${kids.at(-1) === n ? ' last' : ''}` : '';
      return [`button${place}`, `<span class="${quiet ? 'quiet' : 'filled'}">${t || desc}</span>`];
    }
    case 'ImageButton': {
      const path = iconFor(n.desc ?? '');
      return [`icon-button${parent?.id === 'toolbar' ? ' on-bar' : ''}`, path ? svg(path, 22) : `<i>${escapeHtml((n.desc ?? '?').slice(0, 1).toUpperCase())}</i>`];
    }
    case 'ImageView': {
      const b = n.bounds ?? [0, 0, 0, 0];
      if (n.desc?.startsWith('Photo') || b[3] - b[1] >= 300) {
        const hue = hash(n.desc ?? '') % 360;
        return ['photo', `<div style="background:linear-gradient(135deg,hsl(${hue} 55% 72%),hsl(${(hue + 50) % 360} 60% 52%))">${svg(IMAGE_ICON, 44, 'rgba(255,255,255,.85)')}<span>${desc}</span></div>`];
      }
      return ['image', `<i>${svg(iconFor(n.desc ?? '') ?? IMAGE_ICON, 20)}</i><span>${desc}</span>`];
    }
    case 'EditText': {
      const value = textOf(n);
      const body = value ? `<span class="value">${t}</span>` : `<span class="hint">${escapeHtml(n.hint ?? '')}</span>`;
      return [`field${n.focused ? ' focused' : ''}`, `<div>${n.focused && !value ? '<b class="caret"></b>' : ''}${body}${n.focused && value ? '<b class="caret"></b>' : ''}</div>`];
    }
    case 'Switch':
      return [`switch${n.checked ? ' on' : ''}`, `<span>${t}</span><b class="track"><b class="thumb"></b></b>`];
    case 'CheckBox':
      return [`checkbox${n.checked ? ' on' : ''}`, `<b class="box">${n.checked ? svg(CHECK, 16, '#fff') : ''}</b><span>${t}</span>`];
    case 'ScrollView':
      return ['scroll', ''];
    case 'TextView': {
      if (parent && isRow(parent) && id === 'title') return [`row-title${parent.children!.length === 1 ? ' alone' : ''}`, `<span>${t || desc}</span>`];
      if (parent && isRow(parent) && id === 'subtitle') return ['row-subtitle', `<span>${t || desc}</span>`];
      return [n.clickable ? 'text tappable' : 'text', `<span>${t || desc}</span>`];
    }
    default:
      if (isRow(n) || (n.children?.length && n.clickable && !n.horizontal)) return ['row', ''];
      if (n.children?.length) return ['group', ''];
      return ['text', `<span>${t || desc}</span>`];
  }
}

interface Frame {
  /** Inside the app bar: drawn above the content, which its shadow falls on. */
  raised: boolean;
  /** The visible window of the scroll view this node is in, [top, bottom]. */
  window?: [number, number];
}

/**
 * Appends a node's box, then its children's: tree order is paint order. A node at an edge of a scroll
 * view's window may be cut there (layout clips its bounds): its content keeps to the other edge, so
 * what shows is the part next to it, as on a scrolled screen.
 */
function emit(n: UiNode, parent: UiNode | undefined, c: Ctx, frame: Frame): void {
  const b = n.bounds;
  if (b) {
    // Children of a horizontal line span the line's height, so their content centres in the row.
    const [top, bottom] = parent?.horizontal && parent.bounds ? [parent.bounds[1], parent.bounds[3]] : [b[1], b[3]];
    const [look, inner] = draw(n, parent);
    const edge = !frame.window ? '' : top <= frame.window[0] ? ' edge-top' : bottom >= frame.window[1] ? ' edge-bottom' : '';
    const tag = c.tags.get(n);
    const attrs = [
      `class="n ${look}${edge}"`,
      `style="left:${px(b[0])};top:${px(top)};width:${px(b[2] - b[0])};height:${px(bottom - top)}${frame.raised || n.id === 'toolbar' ? ';z-index:1' : ''}"`,
      `data-class="${escapeHtml(short(n.class))}"`,
      ...(n.id ? [`data-id="${escapeHtml(n.id)}"`] : []),
      ...(tag !== undefined ? [`data-tag="${tag}"`] : []),
      `data-bounds="[${b[0]},${b[1]}][${b[2]},${b[3]}]"`,
    ];
    c.out.push(`<div ${attrs.join(' ')}>${inner}</div>`);
  }
  const below: Frame = {
    raised: frame.raised || n.id === 'toolbar',
    window: n.scrollable && b ? [b[1], b[3]] : frame.window,
  };
  n.children?.forEach((k) => emit(k, n, c, below));
}

const CSS = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{width:${CSS_WIDTH}px;height:${CSS_HEIGHT}px;overflow:hidden;background:#000}
.phone{position:relative;isolation:isolate;width:${CSS_WIDTH}px;height:${CSS_HEIGHT}px;overflow:hidden;background:#fff;color:#202124;
  font:14px/${px(52)} Roboto,"Liberation Sans",Arial,"DejaVu Sans",sans-serif;-webkit-font-smoothing:antialiased}
.phone.launcher{background:#24508c}
.phone.overview{background:#e8eaed}
.phone.shade{background:#1f2124;color:#e8eaed}
.n{position:absolute;overflow:hidden}
.n span{overflow-wrap:anywhere;white-space:pre-wrap}
.status-bar{background:var(--dark)}
.launcher .status-bar,.overview .status-bar{background:transparent}
.overview .clock,.overview .status-icons{color:#202124}
.shade .status-bar{background:#1f2124}
.clock,.status-icons{display:flex;align-items:center;color:#fff;font-size:13px;font-weight:500;padding:0 14px}
.status-icons{justify-content:flex-end;gap:3px}
.status-icons .count{font-size:11px;font-weight:400;margin-right:6px;opacity:.9}
.nav-bar{background:#000}
.scrim{background:rgba(0,0,0,.32)}
.dialog{background:#fff;border-radius:9px;box-shadow:0 4px 16px rgba(0,0,0,.3)}
.notif-dot{display:flex;align-items:center;justify-content:center}.notif-dot i{width:5px;height:5px;border-radius:50%;background:#fff}
.launcher .nav-bar{background:rgba(0,0,0,.28)}
.nav-button{display:flex;align-items:center;justify-content:center;color:#e8eaed}
.toolbar{background:var(--primary);box-shadow:0 2px 4px rgba(0,0,0,.25)}
.toolbar-title{display:flex;align-items:center;padding:0 16px;color:#fff;font-size:18px;font-weight:500;line-height:1.2}
.toolbar-title span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.icon-button.on-bar{color:#fff}
.launcher-title{display:flex;align-items:center;padding:0 18px;color:#fff;font-size:22px;font-weight:300;letter-spacing:.3px}
.heading{display:flex;align-items:center;padding:0 16px;font-size:18px;font-weight:500}
.shade .heading{color:#fff}
.app-icon{display:flex;align-items:center;gap:5px;padding:0 4px;color:#fff;font-size:11.5px;font-weight:500;text-shadow:0 1px 2px rgba(0,0,0,.4)}
.app-icon i{flex:none;display:flex;align-items:center;justify-content:center;width:22px;height:22px;border-radius:7px;
  font-style:normal;font-size:12px;font-weight:700;box-shadow:0 1px 3px rgba(0,0,0,.35);text-shadow:none}
.app-icon span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.text{display:flex;align-items:center;padding:4px 16px}
.text.tappable{color:var(--primary)}
.row{border-bottom:1px solid #e6e8eb;background:#fff}
.row-title{display:flex;align-items:flex-end;padding:4px 16px 0;font-size:15px;font-weight:500;color:#202124}
.row-subtitle{display:flex;align-items:flex-start;padding:0 16px 4px;font-size:13px;color:#5f6368}
.row-title.alone{align-items:center;padding-bottom:0}
.overview .row{margin:0;border:0;background:transparent}
.overview .row::after{content:"";position:absolute;inset:2px 10px;border-radius:8px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.2);z-index:-1}
.overview .row-title{padding-left:28px}
.shade .row{background:transparent;border:0}
.shade .row::after{content:"";position:absolute;inset:3px 10px;border-radius:14px;background:#2d2f33;z-index:-1}
.shade .row-title{color:#fff}.shade .row-subtitle{color:#bdc1c6}.shade .text{color:#bdc1c6}
.button{display:flex;align-items:center;justify-content:center;padding:6px 16px}
.button span{display:flex;align-items:center;justify-content:center;width:100%;height:36px;border-radius:18px;
  font-size:14px;font-weight:600;letter-spacing:.2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding:0 12px}
.button.in-line{padding:6px 4px}.button.first{padding-left:16px}.button.last{padding-right:16px}
.button .filled{background:var(--primary);color:#fff;box-shadow:0 1px 2px rgba(0,0,0,.3)}
.button .quiet{border:1px solid #dadce0;color:var(--primary);background:#fff}
.icon-button{display:flex;align-items:center;justify-content:center;color:#5f6368}
.icon-button i{display:flex;align-items:center;justify-content:center;width:30px;height:30px;border-radius:50%;background:#e8eaed;font-style:normal;font-weight:700}
.image{display:flex;align-items:center;gap:10px;padding:0 12px;color:#5f6368;font-size:13px}
.image i{flex:none;display:flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:8px;background:#e8eaed;color:#80868b}
.photo{padding:6px 12px}
.photo div{position:relative;width:100%;height:100%;border-radius:12px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:6px}
.photo span{color:#fff;font-size:13px;font-weight:500;text-shadow:0 1px 2px rgba(0,0,0,.35);padding:0 12px;text-align:center}
.field{padding:4px 16px}
.field div{display:flex;align-items:center;height:100%;border:1px solid #9aa0a6;border-radius:6px;padding:0 12px;background:#fff;overflow:hidden}
.field.focused div{border:2px solid var(--primary);padding:0 11px}
.field span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.field .hint{color:#80868b}
.field .caret{flex:none;width:2px;height:20px;background:var(--primary);margin:0 1px}
.switch,.checkbox{display:flex;align-items:center;padding:0 16px;gap:12px;font-size:15px}
.switch span,.checkbox span{flex:1}
.switch .track{position:relative;flex:none;width:38px;height:14px;border-radius:7px;background:#bdc1c6}
.switch .thumb{position:absolute;top:-4px;left:-2px;width:22px;height:22px;border-radius:50%;background:#f1f3f4;box-shadow:0 1px 3px rgba(0,0,0,.4)}
.switch.on .track{background:color-mix(in srgb,var(--primary) 45%,#fff)}
.switch.on .thumb{left:18px;background:var(--primary)}
.checkbox .box{flex:none;display:flex;align-items:center;justify-content:center;width:20px;height:20px;border:2px solid #5f6368;border-radius:3px}
.checkbox.on .box{background:var(--primary);border-color:var(--primary)}
.bubble{display:flex;align-items:center;padding:3px 12px}
.bubble span{max-width:88%;padding:2px 12px;border-radius:14px;background:#e8eaed;color:#202124;font-size:14px}
.bubble.out{justify-content:flex-end}
.bubble.out span{background:var(--primary);color:#fff}
.n.edge-top{align-items:flex-end!important}.n.edge-bottom{align-items:flex-start!important}
`;

export interface RenderOptions {
  /** The element list's nodes (composeScreen's `nodes`): each gets `data-tag`. Default: from the tree. */
  nodes?: UiNode[];
  /** The document's title. */
  title?: string;
}

/** Just the phone's screen (a `div.phone` with the theme variables), for embedding next to the phone's CSS. */
export function renderPhoneBody(root: UiNode, options: RenderOptions = {}): string {
  const surface = surfaceOf(root);
  const theme = themeOf(root.package);
  const c: Ctx = { tags: tags(root, options.nodes ?? indexedNodes(root)), out: [] };
  emit(root, undefined, c, { raised: false });
  return `<div class="phone ${surface}" style="--primary:${theme[0]};--dark:${theme[1]}">${c.out.join('')}</div>`;
}

/** One self-contained HTML document: the phone's screen at 360x800 CSS px, no scripts, nothing fetched. */
export function renderPhoneHtml(root: UiNode, options: RenderOptions = {}): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="viewport" content="width=${CSS_WIDTH}">`,
    `<title>${escapeHtml(options.title ?? 'Phone')}</title><style>${CSS}</style></head><body>`,
    renderPhoneBody(root, options),
    '</body></html>',
  ].join('');
}
