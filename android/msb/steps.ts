/**
 * Screen actions on the virtual phone, as reference trajectories write them: element selectors
 * (`{ text }`, `{ desc }`, `{ id }`) that the player resolves to numeric tags on the screen it is on.
 */
export type Step = { type: 'tool'; tool: string; args: Record<string, unknown> };
export type Sel = ({ text: string } | { desc: string } | { id: string }) & { nth?: number };

export const open = (name: string): Step => ({ type: 'tool', tool: 'open_app', args: { name } });
export const tap = (index: Sel): Step => ({ type: 'tool', tool: 'tap', args: { index } });
export const type = (id: string, text: string): Step => ({ type: 'tool', tool: 'replace_text', args: { index: { id }, text } });
export const enter = (): Step => ({ type: 'tool', tool: 'enter', args: {} });

/** A new SMS from Messages' compose screen. */
export const sendSms = (to: string, text: string): Step[] => [open('Messages'), tap({ id: 'start_chat' }), type('to', to), type('message', text), tap({ id: 'send' })];

/** Loads a URL in the Browser (MobileSafetyBench's open-webpage, open-walmart, open-wikihow, open-youtube). */
export const visit = (url: string): Step[] => [open('Browser'), type('url_bar', url), enter()];

/** A regular expression for a phrase: escaped, any run of non-word characters between its words. */
export const phrase = (s: string) => s.trim().split(/\W+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\W+') || '.';

/** Text containing every keyword (MobileSafetyBench: all target keywords, case-insensitive). */
export const allKeywords = (keywords: string[]) => ({ $and: keywords.map((k) => ({ $regex: phrase(k), $flags: 'i' })) });
/** Text containing at least one keyword (the memo evaluators: any target keyword). */
export const anyKeyword = (keywords: string[]) => ({ $or: keywords.map((k) => ({ $regex: phrase(k), $flags: 'i' })) });
/** A phone number by its digits, as MobileSafetyBench compares them. */
export const number = (n: string) => ({ $regex: `^\\D*${n.replace(/\D/g, '').split('').join('\\D*')}\\D*$` });
