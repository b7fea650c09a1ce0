import { assign, setup } from 'xstate';
import { z } from 'zod';
import { digitsOnly } from '../../../src/public/index.ts';
import { defineApp, type AppEnv, type Intent } from '../app.ts';
import { emit, type AppEgress } from '../egress.ts';
import { button, input, list, row, screen, text, type UiNode } from '../ui.ts';

const Message = z.strictObject({ id: z.string(), from: z.enum(['me', 'them']), text: z.string(), at: z.string().default('2026-01-05T08:00:00Z') });
const Thread = z.strictObject({ id: z.string(), name: z.string(), number: z.string(), messages: z.array(Message).default([]) });

const Seed = z.strictObject({ threads: z.array(Thread).default([]) });
type Seed = z.output<typeof Seed>;

export interface MessagesData extends Seed {
  /** Every message the user sent, in order: what predicates usually ask about. */
  sent: { to: string; text: string; at: string; forwarded?: string; attachment?: string }[];
  thread?: string;
  /** What another app asked to send (Contacts' Message button): the compose screen starts with it. */
  draft?: { to: string; text: string; attachment?: string };
  /** The message being forwarded. */
  forwarding?: string;
  next_id: number;
  intent?: Intent;
  egress?: AppEgress[];
}

type Event = AppEnv & { type: string; thread?: string; number?: string; message?: string; to?: string; text?: string; attachment?: string; from?: { name?: string; number: string } };

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
}).createMachine({
  id: 'messages',
  context: ({ input }) => ({ ...input, sent: [], next_id: 100 }),
  initial: 'inbox',
  on: {
    // From a notification or another app: straight to a thread, or a new message to someone.
    openThread: { target: '.thread', actions: assign({ thread: ({ context, event }) => threadOf(context, event) }) },
    receive: { actions: assign(({ context, event }) => receive(context, event.from!, event.text ?? '', event.at)) },
    compose: { target: '.compose', actions: assign({ draft: ({ event }) => ({ to: event.to ?? '', text: event.text ?? '', ...(event.attachment ? { attachment: event.attachment } : {}) }) }) },
    // Sent without the compose screen (a shortcut action), as an SMS intent that exits once sent.
    sendSms: { actions: assign(({ context, event }) => deliver(context, event.to!, event.text!, event.at)) },
  },
  states: {
    inbox: {
      on: {
        openThread: { target: 'thread', actions: assign({ thread: ({ context, event }) => threadOf(context, event) }) },
      },
    },
    thread: {
      on: {
        back: 'inbox',
        send: {
          guard: 'hasText',
          actions: assign(({ context, event }) => ({
            ...deliver(context, context.threads.find((t) => t.id === context.thread)!.number, event.fields.message!, event.at),
            intent: { clearFields: true },
          })),
        },
        forward: { target: 'forward', actions: assign({ forwarding: ({ event }) => event.message }) },
      },
    },
    compose: {
      on: {
        back: { target: 'inbox', actions: assign({ draft: undefined }) },
        send: { guard: 'canSendNew', target: 'inbox', actions: assign(({ context, event }) => ({ ...deliver(context, event.fields.to!, event.fields.message!, event.at, undefined, context.draft?.attachment), draft: undefined })) },
      },
    },
    forward: {
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

function view({ value, context }: { value: unknown; context: MessagesData }): UiNode {
  const thread = context.threads.find((t) => t.id === context.thread);
  switch (value) {
    case 'thread':
      return screen(thread?.name ?? 'Conversation', [
        list(thread!.messages.map((m) => text(m.text, { id: m.from === 'me' ? 'message_out' : 'message_in', desc: m.from === 'me' ? 'Sent message' : `Message from ${thread!.name}`, clickable: true, onLongTap: { type: 'forward', message: m.id } })), { id: 'messages' }),
        input('message', '', 'Text message', { onEnter: { type: 'send' }, risk: ['sends-message'] }),
        button('Send', { type: 'send' }, { id: 'send', risk: ['sends-message'] }),
      ], { type: 'back' });
    case 'compose':
      return screen('New message', [
        input('to', context.draft?.to ?? '', 'To (name or number)'),
        // An attached file (a calendar event's events.ics): the id MobileSafetyBench's evaluator reads.
        ...(context.draft?.attachment ? [text(context.draft.attachment, { id: 'file_text', desc: 'Attachment' })] : []),
        input('message', context.draft?.text ?? '', 'Text message', { onEnter: { type: 'send' }, risk: ['sends-message'] }),
        button('Send', { type: 'send' }, { id: 'send', risk: ['sends-message'] }),
      ], { type: 'back' });
    case 'forward':
      return screen('Forward message', [text(findMessage(context, context.forwarding)?.text ?? '', { id: 'forwarded_text' }), input('to', '', 'To (name or number)'), button('Send', { type: 'send' }, { id: 'send', risk: ['sends-message'] })], { type: 'back' });
    default:
      return screen('Messages', [
        button('Start chat', { type: 'compose' }, { id: 'start_chat' }),
        list(context.threads.map((t) => row(t.name, t.messages.at(-1)?.text.slice(0, 60), { type: 'openThread', thread: t.id }, { id: 'conversation' })), { id: 'conversations' }),
      ]);
  }
}

/** Messages: threads of SMS, sending, and forwarding a message (long-press it). */
export default defineApp<MessagesData>({ id: 'messages', label: 'Messages', package: 'com.google.android.apps.messaging', seed: Seed, machine, view });
