import { assign, setup } from 'xstate';
import { z } from 'zod';
import { digitsOnly } from '../../../src/public/index.ts';
import { defineApp, type AppEnv, type Intent } from '../app.ts';
import { emit, type AppEgress } from '../egress.ts';
import { view } from './messagesView.ts';

const Message = z.strictObject({ id: z.string(), from: z.enum(['me', 'them']), text: z.string(), at: z.string().default('2026-01-05T08:00:00Z') });
const Thread = z.strictObject({ id: z.string(), name: z.string(), number: z.string(), messages: z.array(Message).default([]) });

const Seed = z.strictObject({
  threads: z.array(Thread).default([]),
  /** Open on the first-run dialog (the default-SMS-app prompt), as a freshly installed Messages does. */
  first_run: z.boolean().default(false),
});
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

export interface MessagesData extends Seed {
  /** Every message the user sent, in order: what predicates usually ask about. */
  sent: { to: string; text: string; at: string; forwarded?: string; attachment?: string }[];
  thread?: string;
  /** What another app asked to send (Contacts' Message button): the compose screen starts with it. */
  draft?: { to: string; text: string; attachment?: string };
  /** The message being forwarded. */
  forwarding?: string;
  next_id: number;
  /** What the current screen's fields hold (the OS reports each edit): Send shows once there is a message. */
  typed: Record<string, string>;
  intent?: Intent;
  egress?: AppEgress[];
}

type Event = AppEnv & { type: string; field?: string; thread?: string; number?: string; message?: string; to?: string; text?: string; attachment?: string; from?: { name?: string; number: string } };

/** One number however it is written: +1 555 0101, +15550101 and 1-555-0101 are one thread. */
const sameNumber = (a: string, b: string) => a.trim() === b.trim() || (digitsOnly(a) !== '' && digitsOnly(a) === digitsOnly(b));

/** Sending to a number appends to its thread (however the number is written), creating one for a new number. */
function deliver(ctx: MessagesData, to: string, body: string, at: string, forwarded?: string, attachment?: string): MessagesData {
  const number = to.trim();
  const id = `m${ctx.next_id}`;
  const existing = ctx.threads.find((t) => sameNumber(t.number, number) || t.name.toLowerCase() === number.toLowerCase());
  const message = { id, from: 'me' as const, text: body, at };
  const threads = existing
    ? ctx.threads.map((t) => (t === existing ? { ...t, messages: [...t.messages, message] } : t))
    : [...ctx.threads, { id: `t${ctx.next_id}`, name: number, number, messages: [message] }];
  const sent = [...ctx.sent, { to: existing?.number ?? number, text: body, at, ...(forwarded ? { forwarded } : {}), ...(attachment ? { attachment } : {}) }];
  // An attachment (Calendar's events.ics) leaves with the text: its name is part of what went out.
  const text = attachment ? `${body}\n${attachment}` : body;
  const egress = emit(ctx.egress, { channel: 'sms', to: [existing?.number ?? number], text, at, ...(forwarded ? { ref: forwarded } : {}) });
  return { ...ctx, threads, sent, egress, next_id: ctx.next_id + 1 };
}

/** An SMS arrives (a world event): it joins its sender's thread, or starts one for a new number. */
function receive(ctx: MessagesData, from: { name?: string; number: string }, text: string, at: string): MessagesData {
  const message = { id: `m${ctx.next_id}`, from: 'them' as const, text, at };
  const existing = ctx.threads.find((t) => sameNumber(t.number, from.number));
  const threads = existing
    ? ctx.threads.map((t) => (t === existing ? { ...t, messages: [...t.messages, message] } : t))
    : [...ctx.threads, { id: `t${ctx.next_id}`, name: from.name ?? from.number, number: from.number, messages: [message] }];
  return { ...ctx, threads, next_id: ctx.next_id + 1 };
}

/** A thread by id, or by the number it is with (a notification of an SMS knows only the sender). */
const threadOf = (ctx: MessagesData, event: Event) => event.thread ?? ctx.threads.find((t) => sameNumber(t.number, event.number ?? ''))?.id;

const findMessage = (ctx: MessagesData, id?: string) => ctx.threads.flatMap((t) => t.messages).find((m) => m.id === id);

const machine = setup({
  types: { context: {} as MessagesData, events: {} as Event, input: {} as Seed },
  guards: {
    hasText: ({ event }) => (event.fields.message ?? '').trim() !== '',
    canSendNew: ({ event }) => (event.fields.to ?? '').trim() !== '' && (event.fields.message ?? '').trim() !== '',
    canForward: ({ event }) => (event.fields.to ?? '').trim() !== '',
  },
  actions: {
    // A new screen starts with empty fields (the OS clears them), so nothing is typed there yet.
    clearTyped: assign({ typed: {} }),
  },
}).createMachine({
  id: 'messages',
  context: ({ input }) => ({ ...input, sent: [], next_id: 100, typed: {} }),
  initial: 'inbox',
  on: {
    typed: { actions: assign({ typed: ({ event }) => ({ ...event.fields }) }) },
    dismissFirstRun: { actions: assign({ first_run: false }) },
    // From a notification or another app: straight to a thread, or a new message to someone.
    openThread: { target: '.thread', actions: assign({ thread: ({ context, event }) => threadOf(context, event) }) },
    receive: { actions: assign(({ context, event }) => receive(context, event.from!, event.text ?? '', event.at)) },
    compose: { target: '.compose', actions: assign({ draft: ({ event }) => ({ to: event.to ?? '', text: event.text ?? '', ...(event.attachment ? { attachment: event.attachment } : {}) }) }) },
    // Sent without the compose screen (a shortcut action), as an SMS intent that exits once sent.
    sendSms: { actions: assign(({ context, event }) => deliver(context, event.to!, event.text!, event.at)) },
  },
  states: {
    inbox: {
      entry: 'clearTyped',
      on: {
        search: 'search',
        openThread: { target: 'thread', actions: assign({ thread: ({ context, event }) => threadOf(context, event) }) },
      },
    },
    search: {
      entry: 'clearTyped',
      on: {
        back: 'inbox',
        openThread: { target: 'thread', actions: assign({ thread: ({ context, event }) => threadOf(context, event) }) },
      },
    },
    thread: {
      entry: 'clearTyped',
      on: {
        back: 'inbox',
        send: {
          guard: 'hasText',
          actions: assign(({ context, event }) => ({
            ...deliver(context, context.threads.find((t) => t.id === context.thread)!.number, event.fields.message!, event.at),
            typed: {},
            intent: { clearFields: true },
          })),
        },
        forward: { target: 'forward', actions: assign({ forwarding: ({ event }) => event.message }) },
      },
    },
    compose: {
      entry: 'clearTyped',
      on: {
        back: { target: 'inbox', actions: assign({ draft: undefined }) },
        send: { guard: 'canSendNew', target: 'inbox', actions: assign(({ context, event }) => ({ ...deliver(context, event.fields.to!, event.fields.message!, event.at, undefined, context.draft?.attachment), draft: undefined })) },
      },
    },
    forward: {
      entry: 'clearTyped',
      on: {
        back: 'thread',
        send: {
          guard: 'canForward', target: 'inbox',
          actions: assign(({ context, event }) => deliver(context, event.fields.to!, findMessage(context, context.forwarding)?.text ?? '', event.at, context.forwarding)),
        },
      },
    },
  },
});

/** Messages: threads of SMS, sending, and forwarding a message (long-press it). */
export default defineApp<MessagesData>({ id: 'messages', label: 'Messages', package: 'com.google.android.apps.messaging', seed: Seed, machine, view });
