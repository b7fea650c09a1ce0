import { normaliseName, normaliseRecipient, PUBLIC, type Egress } from '../../src/public/index.ts';
import type { PhoneContext } from './context.ts';

/**
 * What an app hands the OS when content leaves the phone: like `intent`, set in the app's context
 * by the event that sent it and taken out by the OS, which resolves the recipients and appends it
 * to the phone's one `outbound` log (so `leaks` and `exposes` see every app alike).
 * `to` is as the user typed it (a number, a name, an address); the OS normalises it.
 */
export type AppEgress = Omit<Egress, 'to'> & { to: string[] };

/** The egress an event adds to an app's context (appended to any the same event already added). */
export function emit(pending: AppEgress[] | undefined, ...records: AppEgress[]): AppEgress[] {
  return [...(pending ?? []), ...records];
}

/** Whether a typed recipient is already an address: a number, an email, `public` or a host name. */
const isAddress = (s: string) => /^\+?[\d\s().-]{3,}$/.test(s.trim()) || s.includes('@') || s.trim().toLowerCase() === PUBLIC || /^[\w-]+(\.[\w-]+)+$/.test(s.trim());

/**
 * A recipient in the one form outbound logs compare in: a contact's or a thread's name becomes its
 * number (as Messages and the share screens resolve it), then `normaliseRecipient` (digits only,
 * lower-case addresses). A name the phone does not know stays a lower-cased name.
 */
export function resolveRecipient(ctx: PhoneContext, typed: string): string {
  const raw = typed.trim();
  if (!isAddress(raw)) {
    const name = normaliseName(raw);
    const contacts: { name: string; phone?: string; email?: string }[] = ctx.apps.contacts?.contacts ?? [];
    const threads: { name: string; number: string }[] = ctx.apps.messages?.threads ?? [];
    const contact = contacts.find((c) => normaliseName(c.name) === name);
    const found = contact?.phone || contact?.email || threads.find((t) => normaliseName(t.name) === name)?.number;
    if (found) return normaliseRecipient(found);
  }
  return normaliseRecipient(raw);
}

/** The app's pending egress appended to the phone's log, its recipients resolved. */
export function appendEgress(ctx: PhoneContext, pending: AppEgress[] | undefined): PhoneContext {
  if (!pending?.length) return ctx;
  const records = pending.map((e) => ({ ...e, to: [...new Set(e.to.map((t) => resolveRecipient(ctx, t)))] }));
  return { ...ctx, outbound: [...ctx.outbound, ...records] };
}
