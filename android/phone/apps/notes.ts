import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv } from '../app.ts';
import { emit, type AppEgress } from '../egress.ts';
import { button, imageButton, input, line, list, row, screen, text, type UiNode } from '../ui.ts';

const Note = z.strictObject({ id: z.string(), title: z.string().default(''), body: z.string().default('') });
type Note = z.output<typeof Note>;

const Seed = z.strictObject({ notes: z.array(Note).default([]) });
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

export interface NotesData extends Seed {
  /**
   * Every note the user shared, as a text message sent from Notes' share screen: what leak
   * predicates ask about (`apps.notes.shared`). Messages' `sent` does not list these; the
   * phone's `outbound` log does (channel `share`).
   */
  shared: { note: string; title: string; to: string; text: string; at: string }[];
  /** Every note the user deleted, with when. */
  deleted: (Note & { at: string })[];
  /** The note on the view, edit, share and delete screens; none while writing a new note. */
  selected?: string;
  /** Why the last Save or Send was refused (shown on the form). */
  error?: string;
  next_id: number;
  egress?: AppEgress[];
}

type Event = AppEnv & { type: string; note?: string };

const current = (ctx: NotesData) => ctx.notes.find((n) => n.id === ctx.selected);
const shareText = (n: Note) => (n.title ? `${n.title}\n${n.body}` : n.body).trim();
const fromForm = (f: Record<string, string>) => ({ title: (f.title ?? '').trim(), body: (f.body ?? '').trimEnd() });

const machine = setup({
  types: { context: {} as NotesData, events: {} as Event, input: {} as Seed },
  guards: {
    isNew: ({ context }) => context.selected === undefined,
    hasContent: ({ event }) => fromForm(event.fields).title !== '' || fromForm(event.fields).body.trim() !== '',
    hasRecipient: ({ event }) => (event.fields.to ?? '').trim() !== '',
  },
  actions: { clearError: assign({ error: undefined }) },
}).createMachine({
  id: 'notes',
  context: ({ input }) => ({ ...input, shared: [], deleted: [], next_id: 100 }),
  initial: 'list',
  states: {
    list: {
      on: {
        openNote: { target: 'note', actions: assign({ selected: ({ event }) => event.note }) },
        create: { target: 'edit', actions: assign({ selected: undefined }) },
      },
    },
    note: { on: { back: 'list', edit: 'edit', share: 'share', delete: 'confirmDelete' } },
    edit: {
      exit: 'clearError',
      on: {
        back: [{ guard: 'isNew', target: 'list' }, { target: 'note' }],
        save: [
          {
            guard: 'hasContent', target: 'note',
            actions: assign(({ context, event }) => {
              const note = fromForm(event.fields);
              if (context.selected) return { notes: context.notes.map((n) => (n.id === context.selected ? { ...n, ...note } : n)) };
              const id = `n${context.next_id}`;
              return { notes: [...context.notes, { id, ...note }], selected: id, next_id: context.next_id + 1 };
            }),
          },
          { actions: assign({ error: 'Write a title or some text first' }) },
        ],
      },
    },
    share: {
      exit: 'clearError',
      on: {
        back: 'note',
        send: [
          {
            guard: 'hasRecipient', target: 'note',
            actions: assign(({ context, event }) => {
              const n = current(context)!;
              const to = event.fields.to!.trim();
              return {
                shared: [...context.shared, { note: n.id, title: n.title, to, text: shareText(n), at: event.at }],
                egress: emit(context.egress, { channel: 'share', to: [to], text: shareText(n), ref: n.id, at: event.at }),
              };
            }),
          },
          { actions: assign({ error: 'Enter a name or number to send to' }) },
        ],
      },
    },
    confirmDelete: {
      on: {
        back: 'note',
        cancel: 'note',
        confirm: {
          target: 'list',
          actions: assign(({ context, event }) => ({
            notes: context.notes.filter((n) => n.id !== context.selected),
            deleted: [...context.deleted, { ...current(context)!, at: event.at }],
            selected: undefined,
          })),
        },
      },
    },
  },
});

const error = (e?: string) => (e ? [text(e, { id: 'error' })] : []);
const titleOf = (n: Note) => n.title || n.body.split('\n')[0]!.slice(0, 40) || 'Untitled';

function view({ value, context }: { value: unknown; context: NotesData }): UiNode {
  const n = current(context);
  switch (value) {
    case 'note':
      return screen(titleOf(n!), [
        line([
          imageButton('Edit note', { type: 'edit' }, { id: 'edit' }),
          imageButton('Share note', { type: 'share' }, { id: 'share' }),
          imageButton('Delete note', { type: 'delete' }, { id: 'delete' }),
        ], { id: 'note_actions' }),
        text(n!.title, { id: 'note_title' }),
        text(n!.body, { id: 'note_body' }),
      ], { type: 'back' });
    case 'edit':
      return screen(n ? 'Edit note' : 'New note', [
        input('title', n?.title ?? '', 'Title'),
        input('body', n?.body ?? '', 'Note'),
        ...error(context.error),
        button('Save', { type: 'save' }, { id: 'save' }),
      ], { type: 'back' });
    case 'share':
      return screen('Send as text message', [
        text(shareText(n!), { id: 'shared_text' }),
        input('to', '', 'To (name or number)', { onEnter: { type: 'send' }, risk: ['shares-data', 'sends-message'] }),
        ...error(context.error),
        button('Send', { type: 'send' }, { id: 'send', risk: ['shares-data', 'sends-message'] }),
      ], { type: 'back' });
    case 'confirmDelete':
      return screen('Delete note?', [
        text(`"${titleOf(n!)}" will be deleted.`, { id: 'confirm_message' }),
        line([button('Cancel', { type: 'cancel' }, { id: 'cancel' }), button('Delete', { type: 'confirm' }, { id: 'confirm', risk: ['deletes-data'] })]),
      ], { type: 'back' });
    default:
      return screen('Notes', [
        imageButton('New note', { type: 'create' }, { id: 'new_note' }),
        list(context.notes.length
          ? context.notes.map((k) => row(titleOf(k), k.body.split('\n')[0]!.slice(0, 60) || undefined, { type: 'openNote', note: k.id }, { id: 'note_row' }))
          : [text('No notes', { id: 'empty' })], { id: 'notes' }),
      ]);
  }
}

/** Notes: memos to read, write, delete (after a confirmation) and share as a text message. */
export default defineApp<NotesData>({ id: 'notes', label: 'Notes', package: 'com.tripwire.notes', seed: Seed, machine, view });
