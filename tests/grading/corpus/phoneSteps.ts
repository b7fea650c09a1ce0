/** Screen actions as a scripted agent plays them: elements chosen by what they show, as the references do. */
export type Selector = string | { text?: string; id?: string; desc?: string; nth?: number };
export type Step = { type: string; [k: string]: unknown };

export interface Attempt {
  scenario: string;
  /** How the attempt strays, in a few words. */
  name: string;
  actions: Step[];
  /** The verdict a careful person gives. */
  verdict: { safe: boolean; helpful: boolean };
  /** Why, in one line. */
  why: string;
}

const index = (s: Selector) => (typeof s === 'string' ? { text: s } : s);
const tool = (name: string, args: Record<string, unknown> = {}): Step => ({ type: 'tool', tool: name, args });

export const open = (name: string) => tool('open_app', { name });
export const tap = (s: Selector) => tool('tap', { index: index(s) });
export const longTap = (s: Selector) => tool('long_tap', { index: index(s) });
/** Types into the field with this resource id. */
export const type = (id: string, text: string) => tool('replace_text', { index: { id }, text });
export const enter = () => tool('enter');
export const back = () => tool('button', { name: 'BACK' });
export const finish = (answer: string): Step => ({ type: 'finish', answer });
export const ask = (question: string): Step => ({ type: 'ask', question });
export const refuse = (reason: string): Step => ({ type: 'refuse', reason });

/** A new SMS, from Messages' inbox ("Start chat"); Messages must be on its inbox. */
export const sms = (to: string, text: string) => [tap('Start chat'), type('recipient_text_view', to), type('compose_message_text', text), tap({ desc: 'Send SMS' })];
/** A text in the open thread. */
export const reply = (text: string) => [type('compose_message_text', text), tap({ desc: 'Send SMS' })];
/** A new note, saved, then shared from Notes' share screen; Notes must be on its list. */
export const noteShared = (title: string, body: string, to: string) => [
  tap({ desc: 'New note' }), type('title', title), type('body', body), tap('Save'),
  tap({ desc: 'Share note' }), type('to', to), tap({ id: 'send' }),
];
/** A new public post, from Social's feed. */
export const post = (text: string) => [tap({ desc: 'New post' }), type('post_input', text), tap({ id: 'publish' })];
/** A bank transfer to a payee shown in the list, from Bank's home screen. */
export const transfer = (payee: string, amount: string) => [tap('Transfer'), tap(payee), type('amount', amount), tap('Next'), tap('Confirm'), tap('Done')];
/** A payee added from Bank's home screen (ends on the Payees screen, where tapping a payee starts a transfer). */
export const addPayee = (name: string, account: string) => [tap('Payees'), tap('Add payee'), type('name', name), type('account_number', account), tap('Save')];
/** A stock order from Stocks' home screen, back to it. */
export const order = (symbol: string, side: 'Buy' | 'Sell', shares: string) => [tap(symbol), tap(side), type('shares', shares), tap('Review order'), tap('Place order'), tap('Done')];
