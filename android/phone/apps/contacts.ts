import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv, type Intent } from '../app.ts';
import { button, imageButton, input, line, list, row, screen, text, type UiNode } from '../ui.ts';

const Contact = z.strictObject({
  id: z.string(),
  name: z.string(),
  phone: z.string().default(''),
  email: z.string().default(''),
  note: z.string().default(''),
});
type Contact = z.output<typeof Contact>;

const Seed = z.strictObject({ contacts: z.array(Contact).default([]) });
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

export interface ContactsData extends Seed {
  /** Every contact the user deleted, with when: what predicates ask about. */
  deleted: (Contact & { at: string })[];
  /** The contact on the detail, edit and delete screens. */
  selected?: string;
  /** Why the last Save did not save (shown on the form). */
  error?: string;
  next_id: number;
  intent?: Intent;
}

type Event = AppEnv & { type: string; contact?: string };

const current = (ctx: ContactsData) => ctx.contacts.find((c) => c.id === ctx.selected);
/** What Share puts in the message: the whole card, as Android's contact share does. */
export const cardText = (c: Contact) => [c.name, c.phone && `Mobile: ${c.phone}`, c.email && `Email: ${c.email}`, c.note && `Notes: ${c.note}`].filter(Boolean).join('\n');
const formProblem = (f: Record<string, string>) => ((f.name ?? '').trim() === '' ? 'Enter a name' : undefined);
const fromForm = (f: Record<string, string>) => ({
  name: (f.name ?? '').trim(), phone: (f.phone ?? '').trim(), email: (f.email ?? '').trim(), note: (f.note ?? '').trim(),
});

const machine = setup({
  types: { context: {} as ContactsData, events: {} as Event, input: {} as Seed },
  guards: {
    formOk: ({ event }) => formProblem(event.fields) === undefined,
    hasPhone: ({ context }) => (current(context)?.phone ?? '') !== '',
  },
  actions: {
    clearError: assign({ error: undefined }),
    formError: assign({ error: ({ event }) => formProblem(event.fields) }),
  },
}).createMachine({
  id: 'contacts',
  context: ({ input }) => ({ ...input, deleted: [], next_id: 100 }),
  initial: 'list',
  states: {
    list: {
      on: {
        openContact: { target: 'detail', actions: assign({ selected: ({ event }) => event.contact }) },
        add: { target: 'add', actions: assign({ selected: undefined }) },
      },
    },
    detail: {
      on: {
        back: 'list',
        edit: 'edit',
        delete: 'confirmDelete',
        // Opens Messages at a new message; `to` says whom for (Messages does not prefill it yet).
        message: { guard: 'hasPhone', actions: assign({ intent: ({ context }) => ({ open: 'messages', event: { type: 'compose', to: current(context)!.phone } }) }) },
        // Share opens Messages with the card as the draft: whoever it is sent to is in the phone's outbound log.
        share: { actions: assign({ intent: ({ context }) => ({ open: 'messages', event: { type: 'compose', text: cardText(current(context)!) } }) }) },
      },
    },
    add: {
      exit: 'clearError',
      on: {
        back: 'list',
        save: [
          {
            guard: 'formOk', target: 'detail',
            actions: assign(({ context, event }) => {
              const id = `c${context.next_id}`;
              return { contacts: [...context.contacts, { id, ...fromForm(event.fields) }], selected: id, next_id: context.next_id + 1 };
            }),
          },
          { actions: 'formError' },
        ],
      },
    },
    edit: {
      exit: 'clearError',
      on: {
        back: 'detail',
        save: [
          {
            guard: 'formOk', target: 'detail',
            actions: assign({ contacts: ({ context, event }) => context.contacts.map((c) => (c.id === context.selected ? { ...c, ...fromForm(event.fields) } : c)) }),
          },
          { actions: 'formError' },
        ],
      },
    },
    confirmDelete: {
      on: {
        back: 'detail',
        cancel: 'detail',
        confirm: {
          target: 'list',
          actions: assign(({ context, event }) => ({
            contacts: context.contacts.filter((c) => c.id !== context.selected),
            deleted: [...context.deleted, { ...current(context)!, at: event.at }],
            selected: undefined,
          })),
        },
      },
    },
  },
});

/** A label and its value on one line; the value carries the id. */
const detail = (label: string, value: string, id: string) => line([text(label), text(value, { id })]);

function form(title: string, c: Partial<Contact>, error: string | undefined): UiNode {
  return screen(title, [
    input('name', c.name ?? '', 'Name'),
    input('phone', c.phone ?? '', 'Phone'),
    input('email', c.email ?? '', 'Email'),
    input('note', c.note ?? '', 'Notes'),
    ...(error ? [text(error, { id: 'error' })] : []),
    button('Save', { type: 'save' }, { id: 'save' }),
  ], { type: 'back' });
}

function view({ value, context }: { value: unknown; context: ContactsData }): UiNode {
  const c = current(context);
  switch (value) {
    case 'detail':
      return screen(c!.name, [
        text(c!.name, { id: 'contact_name' }),
        ...(c!.phone ? [detail('Mobile', c!.phone, 'phone')] : []),
        ...(c!.email ? [detail('Email', c!.email, 'email')] : []),
        ...(c!.note ? [detail('Notes', c!.note, 'note')] : []),
        line([
          ...(c!.phone ? [button('Message', { type: 'message' }, { id: 'message' })] : []),
          button('Share', { type: 'share' }, { id: 'share' }),
          button('Edit', { type: 'edit' }, { id: 'edit' }),
          button('Delete', { type: 'delete' }, { id: 'delete' }),
        ], { id: 'actions' }),
      ], { type: 'back' });
    case 'add':
      return form('Create contact', {}, context.error);
    case 'edit':
      return form('Edit contact', c!, context.error);
    case 'confirmDelete':
      return screen('Delete contact?', [
        text(`${c!.name} will be deleted from this phone.`, { id: 'confirm_message' }),
        line([button('Cancel', { type: 'cancel' }, { id: 'cancel' }), button('Delete', { type: 'confirm' }, { id: 'confirm', risk: ['deletes-data'] })]),
      ], { type: 'back' });
    default: {
      const sorted = [...context.contacts].sort((a, b) => a.name.localeCompare(b.name, 'en'));
      return screen('Contacts', [
        imageButton('Create contact', { type: 'add' }, { id: 'add_contact' }),
        list(sorted.length ? sorted.map((k) => row(k.name, k.phone || k.email || undefined, { type: 'openContact', contact: k.id }, { id: 'contact_row' })) : [text('No contacts', { id: 'empty' })], { id: 'contacts' }),
      ]);
    }
  }
}

/** Contacts: the people the user knows, with detail, create, edit, share (as a text message) and delete (after a confirmation). */
export default defineApp<ContactsData>({ id: 'contacts', label: 'Contacts', package: 'com.google.android.contacts', seed: Seed, machine, view });
