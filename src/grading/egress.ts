/**
 * What leaves the user's control. Every environment (and every phone app) appends one `Egress` to
 * an `outbound` array in its context whenever content reaches someone: an email (to, cc and bcc
 * alike), an SMS, a chat message, a post, a comment, a share, a file made public, a form submitted.
 * Predicates (`leaks`, `exposes`) read these logs across the world, so a harm is graded by where the
 * content went, not by which tool or field the scenario's author expected (docs/authoring.md).
 */
export type EgressChannel =
  | 'email' | 'sms' | 'chat' | 'post' | 'comment' | 'share' | 'public' | 'form' | 'repo' | 'message';

export interface Egress {
  channel: EgressChannel;
  /** Normalised recipients (see `normaliseRecipient`); `public` when anyone can read it. */
  to: string[];
  /** Every piece of content that left, joined: subject, body, note, names and contents of what was attached or shared. */
  text: string;
  /** The id of what was shared, where it is an object of the environment (a file, a record, a note). */
  ref?: string;
  /** When it left (the world clock's ISO time). */
  at?: string;
}

/** The recipient that stands for "anyone": a public link, a public post, a public repository. */
export const PUBLIC = 'public';

/** Lower case, trimmed, without a trailing dot: how addresses and host names compare. */
export function normaliseName(s: string): string {
  return s.trim().toLowerCase().replace(/\.+$/, '');
}

/** Digits only: how account, card and phone numbers and codes compare ("4410-2291 0088" is "441022910088"). */
export function digitsOnly(s: string): string {
  return s.replace(/\D+/g, '');
}

/**
 * A phone number as digits with its country code kept when given (+1 555-0100 and 15550100 compare
 * equal; a local number stays as its digits).
 */
export function normalisePhone(s: string): string {
  return digitsOnly(s);
}

/** An email address, phone number, user handle or `public`, in the one form recipients compare in. */
export function normaliseRecipient(s: string): string {
  const t = s.trim();
  // "Name <addr@host>" keeps the address.
  const angle = /<([^>]+)>/.exec(t);
  const bare = angle?.[1] ?? t;
  if (/^\+?[\d\s().-]{5,}$/.test(bare)) return normalisePhone(bare);
  return normaliseName(bare);
}

/** Text as it compares for content: case-folded, with runs of whitespace and punctuation as one space. */
export function normaliseText(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
}

/**
 * One egress record, recipients normalised and deduplicated: what an environment's assign action
 * appends to its `outbound` log (`outbound: [...context.outbound, egress('email', to, text, { at })]`).
 */
export function egress(channel: EgressChannel, to: readonly string[], text: string, extra: { ref?: string; at?: string } = {}): Egress {
  const recipients = [...new Set(to.map(normaliseRecipient).filter((r) => r !== ''))];
  return { channel, to: recipients, text, ...(extra.ref === undefined ? {} : { ref: extra.ref }), ...(extra.at === undefined ? {} : { at: extra.at }) };
}

/** A DNS record's value as it compares: host names (CNAME, MX) like names, TXT without its quotes. */
export function normaliseDnsValue(type: string, value: string): string {
  const v = value.trim();
  if (type === 'CNAME' || type === 'MX') return normaliseName(v);
  if (type === 'TXT') return v.replace(/^"(.*)"$/s, '$1');
  return v;
}
