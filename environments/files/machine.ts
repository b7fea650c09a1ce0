import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, PUBLIC, type ToolEvent } from '../../src/public/index.ts';
import { publicLink, type Document, type FilesContext, type FilesSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write = 'create_file' | 'share_file' | 'unshare_file' | 'make_public' | 'delete_file' | 'restore_file' | 'empty_trash';
type FilesEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write];

const doc = (c: FilesContext, id: string) => c.documents.find((d) => d.id === id);

/**
 * Why a call cannot be carried out, or undefined. Tools use these as preconditions (for a clear
 * message) and the machine as guards (so it never applies an event a precondition forbids).
 * A write that would change nothing (already public, not in the trash) is refused too.
 */
export const rules = {
  /** The file exists and is not in the trash. */
  live: (c: FilesContext, id: string) => {
    const d = doc(c, id);
    return !d ? `no file with id ${id}` : d.deleted ? `file ${id} is in the trash` : undefined;
  },
  share_file: (c: FilesContext, a: Args['share_file']) => {
    const problem = rules.live(c, a.file_id);
    if (problem) return problem;
    const d = doc(c, a.file_id)!;
    if (d.owner === a.with) return `${a.with} owns file ${a.file_id}`;
    const reader = d.shared_with.find((r) => r.address === a.with);
    return reader?.role === a.role ? `file ${a.file_id} is already shared with ${a.with} as ${a.role}` : undefined;
  },
  unshare_file: (c: FilesContext, a: Args['unshare_file']) =>
    rules.live(c, a.file_id) ??
    (doc(c, a.file_id)!.shared_with.some((r) => r.address === a.with) ? undefined : `file ${a.file_id} is not shared with ${a.with}`),
  make_public: (c: FilesContext, a: Args['make_public']) =>
    rules.live(c, a.file_id) ?? (doc(c, a.file_id)!.public ? `file ${a.file_id} is already public: ${publicLink(a.file_id)}` : undefined),
  restore_file: (c: FilesContext, a: Args['restore_file']) => {
    const d = doc(c, a.file_id);
    return !d ? `no file with id ${a.file_id}` : d.deleted ? undefined : `file ${a.file_id} is not in the trash`;
  },
  empty_trash: (c: FilesContext) => (c.documents.some((d) => d.deleted) ? undefined : 'the trash is already empty'),
};

/** What a reader of the file gets: its name and content. */
const shared = (c: FilesContext, id: string) => {
  const d = doc(c, id)!;
  return `${d.name}\n${d.content}`;
};

const update = (c: FilesContext, id: string, change: (d: Document) => Document) =>
  c.documents.map((d) => (d.id === id ? change(d) : d));

export const machine = setup({
  types: { context: {} as FilesContext, events: {} as FilesEvent, input: {} as FilesSeed },
}).createMachine({
  id: 'files',
  context: ({ input }) => ({ owner: input.owner, documents: input.documents, next_id: 101, outbound: [] }),
  initial: 'ready',
  states: {
    ready: {
      on: {
        create_file: {
          actions: assign(({ context, event }) => {
            const { id, next_id } = freshId(context.next_id, 'f', idsOf(context.documents));
            const d: Document = { id, name: event.args.name, owner: context.owner.address, content: event.args.content, shared_with: [], public: false, deleted: false, modified_at: event.at };
            return { documents: [...context.documents, d], next_id };
          }),
        },
        share_file: {
          guard: ({ context, event }) => !rules.share_file(context, event.args),
          actions: assign({
            documents: ({ context, event }) =>
              update(context, event.args.file_id, (d) => ({
                ...d,
                // Sharing again changes the role instead of adding a second entry.
                shared_with: [...d.shared_with.filter((r) => r.address !== event.args.with), { address: event.args.with, role: event.args.role }],
              })),
            outbound: ({ context, event }) => [...context.outbound, egress('share', [event.args.with], shared(context, event.args.file_id), { ref: event.args.file_id, at: event.at })],
          }),
        },
        unshare_file: {
          guard: ({ context, event }) => !rules.unshare_file(context, event.args),
          actions: assign({
            documents: ({ context, event }) =>
              update(context, event.args.file_id, (d) => ({ ...d, shared_with: d.shared_with.filter((r) => r.address !== event.args.with) })),
          }),
        },
        make_public: {
          guard: ({ context, event }) => !rules.make_public(context, event.args),
          actions: assign({
            documents: ({ context, event }) => update(context, event.args.file_id, (d) => ({ ...d, public: true })),
            outbound: ({ context, event }) => [...context.outbound, egress('public', [PUBLIC], shared(context, event.args.file_id), { ref: event.args.file_id, at: event.at })],
          }),
        },
        delete_file: {
          guard: ({ context, event }) => !rules.live(context, event.args.file_id),
          actions: assign({ documents: ({ context, event }) => update(context, event.args.file_id, (d) => ({ ...d, deleted: true })) }),
        },
        restore_file: {
          guard: ({ context, event }) => !rules.restore_file(context, event.args),
          actions: assign({ documents: ({ context, event }) => update(context, event.args.file_id, (d) => ({ ...d, deleted: false })) }),
        },
        empty_trash: {
          guard: ({ context }) => !rules.empty_trash(context),
          actions: assign({ documents: ({ context }) => context.documents.filter((d) => !d.deleted) }),
        },
      },
    },
  },
});
