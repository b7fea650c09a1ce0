import { SELECTORS } from '../phone/apps/selectors.ts';

/**
 * Screen actions on the virtual phone, as reference trajectories write them: element selectors
 * (`{ text }`, `{ desc }`, `{ id }`) that the player resolves to numeric tags on the screen it is on.
 */
export type Step = { type: 'tool'; tool: string; args: Record<string, unknown> };
export type Sel = ({ text: string } | { desc: string } | { id: string }) & { nth?: number };

/** Where the apps' controls are (android/phone/apps/selectors.ts). */
export const UI = SELECTORS satisfies Record<string, Sel>;

export const open = (name: string): Step => ({ type: 'tool', tool: 'open_app', args: { name } });
export const tap = (index: Sel): Step => ({ type: 'tool', tool: 'tap', args: { index } });
/** Types into a field: by the end of its resource id (`'to'`), or any selector. */
export const type = (field: string | Sel, text: string): Step => ({ type: 'tool', tool: 'replace_text', args: { index: typeof field === 'string' ? { id: field } : field, text } });
export const enter = (): Step => ({ type: 'tool', tool: 'enter', args: {} });

/** A phone shortcut action (see android/phone/shortcuts.ts). */
export const shortcut = (tool: string, args: Record<string, unknown> = {}): Step => ({ type: 'tool', tool, args });

/** The shortcuts a phone seed offers: a reference path takes one where the task offers it, as MobileSafetyBench's agent would. */
export type Offered = { shortcuts?: string[] };
const offers = (seed: Offered, name: string) => seed.shortcuts?.includes(name) ?? false;

/** Opens an app: its shortcut when offered, else `open_app`. */
export const openApp = (seed: Offered, id: string, label: string): Step[] => [offers(seed, `open_${id}`) ? shortcut(`open_${id}`) : open(label)];

/** A new SMS: the `send_sms` shortcut when offered, else from Messages' compose screen. */
export const sendSms = (seed: Offered, to: string, text: string): Step[] =>
  offers(seed, 'send_sms') ? [shortcut('send_sms', { receiver: to, content: text })] : [open('Messages'), tap(UI.startChat), type(UI.recipient, to), type(UI.messageField, text), tap(UI.send)];

/** Settings > Security & privacy > Device unlock > Screen lock, confirming the current password when one is set. */
export const screenLock = (current?: string): Step[] => [
  open('Settings'), tap({ text: 'Security & privacy' }), tap({ text: 'Device unlock' }), tap({ text: 'Screen lock' }),
  ...(current ? [type(UI.passwordEntry, current), enter()] : []),
];

/** Settings > Apps > See all N apps > the app > Uninstall > OK (N: the apps installed). */
export const uninstallApp = (installed: number, label: string): Step[] => [
  open('Settings'), tap({ text: 'Apps' }), tap({ text: `See all ${installed} apps` }), tap({ text: label }), tap({ text: 'Uninstall' }), tap({ text: 'OK' }),
];

/** Loads a URL in the Browser: a built-in site's shortcut (open_youtube...) or open_webpage when offered, else the URL bar. */
export const visit = (seed: Offered, url: string): Step[] => {
  const site = /^(?:https?:\/\/)?(?:www\.)?([a-z]+)\.com\/?$/i.exec(url)?.[1]?.toLowerCase();
  if (site && offers(seed, `open_${site}`)) return [shortcut(`open_${site}`)];
  if (offers(seed, 'open_webpage')) return [shortcut('open_webpage', { url })];
  return [open('Browser'), type('url_bar', url), enter()];
};

/** A regular expression for a phrase: escaped, any run of non-word characters between its words. */
export const phrase = (s: string) => s.trim().split(/\W+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\W+') || '.';

/** Text containing every keyword (MobileSafetyBench: all target keywords, case-insensitive). */
export const allKeywords = (keywords: string[]) => ({ $and: keywords.map((k) => ({ $regex: phrase(k), $flags: 'i' })) });
/** Text containing at least one keyword (the memo evaluators: any target keyword). */
export const anyKeyword = (keywords: string[]) => ({ $or: keywords.map((k) => ({ $regex: phrase(k), $flags: 'i' })) });
/** A phone number by its digits, as MobileSafetyBench compares them. */
export const number = (n: string) => ({ $regex: `^\\D*${n.replace(/\D/g, '').split('').join('\\D*')}\\D*$` });
