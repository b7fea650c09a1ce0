/**
 * How the phone looks: colours, type sizes and icons by node kind, per app and per surface. The
 * scene (scene.ts) asks this file what a kind of node looks like; the painter (paint.ts) only draws
 * what the scene says. Sizes are device pixels of the 1080x2400 screen (three per CSS px / dp).
 */

export const DP = 3;

/** The body text: 14 dp on a 52 px line, as the layout's text heights assume (layout.ts LINE). */
export const TYPE = {
  body: 14 * DP,
  line: 52,
  small: 13 * DP,
  title: 15 * DP,
  bar: 18 * DP,
  status: 13 * DP,
  icon: 11.5 * DP,
} as const;

export const INK = {
  text: '#202124',
  secondary: '#5f6368',
  hint: '#80868b',
  divider: '#e6e8eb',
  outline: '#9aa0a6',
  quiet: '#dadce0',
  chip: '#e8eaed',
  white: '#ffffff',
  onDark: '#e8eaed',
  onDarkSecondary: '#bdc1c6',
} as const;

export type Surface = 'app' | 'launcher' | 'overview' | 'shade';

/** Behind every window, by surface: an app's white, the wallpaper, Recents' grey, the shade's dark. */
export const BACKGROUND: Record<Surface, string> = { app: '#ffffff', launcher: '#24508c', overview: '#e8eaed', shade: '#1f2124' };

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

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function themeOf(pkg: string | undefined): [primary: string, dark: string] {
  const name = (pkg ?? '').slice((pkg ?? '').lastIndexOf('.') + 1).toLowerCase();
  return THEMES[name] ?? PALETTE[hash(name) % PALETTE.length]!;
}

/** `a` mixed with `b`: `share` of a (hex colours), as CSS color-mix does. */
export function mix(a: string, b: string, share: number): string {
  const ch = (c: string, i: number) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(ch(a, i) * share + ch(b, i) * (1 - share)).toString(16).padStart(2, '0'));
  return `#${out.join('')}`;
}

/** The colours a screen is drawn in: its surface and the foreground app's theme. */
export interface Look {
  surface: Surface;
  primary: string;
  dark: string;
  /** Text on the surface's background (launcher, overview and shade draw on their own colour). */
  ink: string;
  inkSecondary: string;
}

export function lookOf(surface: Surface, pkg: string | undefined): Look {
  const [primary, dark] = themeOf(pkg);
  const onDark = surface === 'shade' || surface === 'launcher';
  return { surface, primary, dark, ink: onDark ? INK.white : INK.text, inkSecondary: onDark ? INK.onDarkSecondary : INK.secondary };
}

// Material icon paths (24x24), picked by a node's content description.
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
  [/add|new|create|plus|attach/, 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z'],
  [/menu|drawer/, 'M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z'],
  [/refresh|reload/, 'M17.65 6.35A7.958 7.958 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A5.99 5.99 0 0 1 12 18a6 6 0 1 1 0-12c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z'],
  [/call|phone|dial/, 'M6.62 10.79a15.05 15.05 0 0 0 6.59 6.59l2.2-2.2a1 1 0 0 1 1.02-.24c1.12.37 2.33.57 3.57.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1.02l-2.2 2.2z'],
  [/voice|record|microphone|\bmic\b/, 'M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5.3-3A5.3 5.3 0 0 1 12 16.1 5.3 5.3 0 0 1 6.7 11H5a7 7 0 0 0 6 6.72V21h2v-3.28A7 7 0 0 0 19 11h-1.7z'],
  [/comment|reply|chat|message/, 'M20 2H4a2 2 0 0 0-1.99 2L2 22l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zM6 9h12v2H6V9zm8 5H6v-2h8v2zm4-6H6V6h12v2z'],
  [/camera/, 'M12 15.2a3.2 3.2 0 1 0 0-6.4 3.2 3.2 0 0 0 0 6.4zM9 2 7.17 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-3.17L15 2H9zm3 15a5 5 0 1 1 0-10 5 5 0 0 1 0 10z'],
  [/profile|account|person|contact|avatar|user/, 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z'],
  [/settings|gear/, 'M19.14 12.94a7.1 7.1 0 0 0 0-1.88l2.03-1.58a.49.49 0 0 0 .12-.61l-1.92-3.32a.49.49 0 0 0-.59-.22l-2.39.96a7 7 0 0 0-1.62-.94l-.36-2.54A.48.48 0 0 0 13.93 2h-3.84a.48.48 0 0 0-.48.41l-.36 2.54c-.59.24-1.13.56-1.62.94l-2.39-.96a.49.49 0 0 0-.59.22L2.73 8.47a.48.48 0 0 0 .12.61l2.03 1.58a7.1 7.1 0 0 0 0 1.88l-2.03 1.58a.49.49 0 0 0-.12.61l1.92 3.32c.12.22.37.29.59.22l2.39-.96c.5.38 1.03.7 1.62.94l.36 2.54c.05.24.25.41.48.41h3.84c.24 0 .44-.17.47-.41l.36-2.54c.59-.24 1.13-.56 1.62-.94l2.39.96c.22.08.47 0 .59-.22l1.92-3.32a.48.48 0 0 0-.12-.61l-2.01-1.58zM12 15.6a3.6 3.6 0 1 1 0-7.2 3.6 3.6 0 0 1 0 7.2z'],
  [/photo|image|picture|gallery/, 'M21 19V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2zM8.5 13.5l2.5 3.01L14.5 12l4.5 6H5l3.5-4.5z'],
];
export const IMAGE_ICON = ICONS.at(-1)![1];
export const CHECK_ICON = 'M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z';

export function iconFor(desc: string | undefined): string | undefined {
  const d = (desc ?? '').toLowerCase();
  return d ? ICONS.find(([re]) => re.test(d))?.[1] : undefined;
}

/** Status bar glyphs (24x24) and the navigation keys (stroked outlines). */
export const STATUS_ICONS = {
  wifi: 'M1 9l2 2c4.97-4.97 13.03-4.97 18 0l2-2C16.93 2.93 7.08 2.93 1 9zm8 8 3 3 3-3a4.24 4.24 0 0 0-6 0zm-4-4 2 2a7.07 7.07 0 0 1 10 0l2-2C15.14 9.14 8.87 9.14 5 13z',
  signal: 'M2 22h20V2z',
  battery: 'M15.67 4H14V2h-4v2H8.33C7.6 4 7 4.6 7 5.33v15.34C7 21.4 7.6 22 8.33 22h7.34c.73 0 1.33-.6 1.33-1.33V5.33C17 4.6 16.4 4 15.67 4z',
  bluetooth: 'M17.71 7.71 12 2h-1v7.59L6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 11 14.41V22h1l5.71-5.71-4.3-4.29 4.3-4.29zM13 5.83l1.88 1.88L13 9.59V5.83zm1.88 10.46L13 18.17v-3.76l1.88 1.88z',
} as const;
export const NAV_ICONS: Record<string, string> = {
  back: 'M18 4 6 12l12 8z',
  home: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 1 0 0-17z',
  recent_apps: 'M6 4.5h12a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1-1.5 1.5H6A1.5 1.5 0 0 1 4.5 18V6A1.5 1.5 0 0 1 6 4.5z',
};

/**
 * Chrome's toolbar and tab grid (scene.ts draws them by id): Chrome's light toolbar with its
 * location bar pill, the Material glyphs Chrome uses (24x24 paths: an outlined house, the
 * padlock of a secure connection, the info circle of one that is not, the three-dot menu, a globe
 * for a favicon), and the blue of a selected tab card and of a selected URL.
 */
export const CHROME = {
  toolbar: '#ffffff',
  divider: '#dadce0',
  pill: '#f1f3f4',
  icon: '#3c4043',
  accent: '#1a73e8',
  selection: '#c2dbff',
  card: '#e8eaed',
  thumbnail: '#ffffff',
  skeleton: '#e3e5e8',
  paneSelected: '#d3e3fd',
  icons: {
    home: 'M12 5.69l5 4.5V18h-2v-6H9v6H7v-7.81l5-4.5M12 3 2 12h3v8h6v-6h2v6h6v-8h3L12 3z',
    lock: 'M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2zM9 6c0-1.66 1.34-3 3-3s3 1.34 3 3v2H9V6zm9 14H6V10h12v10zm-6-3c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2z',
    info: 'M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z',
    more: 'M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm0 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
    add: 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z',
    close: 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z',
    mic: 'M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5.3-3A5.3 5.3 0 0 1 12 16.1 5.3 5.3 0 0 1 6.7 11H5a7 7 0 0 0 6 6.72V21h2v-3.28A7 7 0 0 0 19 11h-1.7z',
    search: 'M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z',
    globe: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-1 17.93c-3.95-.49-7-3.85-7-7.93 0-.62.08-1.21.21-1.79L9 15v1c0 1.1.9 2 2 2v1.93zm6.9-2.54c-.26-.81-1-1.39-1.9-1.39h-1v-3c0-.55-.45-1-1-1H8v-2h2c.55 0 1-.45 1-1V7h2c1.1 0 2-.9 2-2v-.41c2.93 1.19 5 4.06 5 7.41 0 2.08-.8 3.97-2.1 5.39z',
  },
} as const;
