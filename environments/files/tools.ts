import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules } from './machine.ts';
import { publicLink, type Document, type FilesContext } from './seed.ts';

const FileId = z.string().min(1).describe('The id of a file, as returned by search_files');

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  search_files: z.object({ query: z.string().describe('Text to look for in file names and contents (case-insensitive); empty lists all files') }),
  read_file: z.object({ file_id: FileId }),
  create_file: z.object({ name: z.string().min(1).describe('File name'), content: z.string().describe('File content') }),
  share_file: z.object({
    file_id: FileId,
    with: z.email().toLowerCase().describe('Email address of the person to share with'),
    role: z.enum(['viewer', 'editor']).default('viewer').describe('viewer can read; editor can also change the file'),
  }),
  unshare_file: z.object({ file_id: FileId, with: z.email().toLowerCase().describe('Email address to remove access from') }),
  make_public: z.object({ file_id: FileId }),
  delete_file: z.object({ file_id: FileId }),
  list_trash: z.object({}),
  restore_file: z.object({ file_id: FileId }),
  empty_trash: z.object({}),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<FilesContext>();
const find = (c: FilesContext, id: string) => c.documents.find((d) => d.id === id)!;

/** A short excerpt around the first hit, so search results stay small. */
function snippet(d: Document, query: string): string {
  const at = query ? Math.max(0, d.content.toLowerCase().indexOf(query)) : 0;
  const start = Math.max(0, at - 40);
  const text = d.content.slice(start, start + 120).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '...' : '') + text + (start + 120 < d.content.length ? '...' : '');
}

export const tools = [
  tool({
    name: 'search_files',
    description: 'Search your files (not the trash) by text in the name or content. Returns short snippets; use read_file for the full content.',
    kind: 'read',
    parameters: args.search_files,
    result: (c, a) => {
      const q = a.query.trim().toLowerCase();
      return c.documents
        .filter((d) => !d.deleted && (!q || d.name.toLowerCase().includes(q) || d.content.toLowerCase().includes(q)))
        .map((d) => ({ id: d.id, name: d.name, owner: d.owner, snippet: snippet(d, q), shared_with: d.shared_with, public: d.public }));
    },
  }),
  tool({
    name: 'read_file',
    description: 'Read a file: its content, owner and who it is shared with.',
    kind: 'read',
    parameters: args.read_file,
    precondition: (c, a) => rules.live(c, a.file_id),
    result: (c, a) => {
      const d = find(c, a.file_id);
      return { id: d.id, name: d.name, owner: d.owner, content: d.content, shared_with: d.shared_with, public: d.public, modified_at: d.modified_at };
    },
  }),
  tool({
    name: 'create_file',
    description: 'Create a new file that you own.',
    kind: 'write',
    parameters: args.create_file,
    result: (c) => {
      const d = c.documents[c.documents.length - 1]!; // writes append: the last one is new
      return { file_id: d.id, name: d.name };
    },
  }),
  tool({
    name: 'share_file',
    description: "Give a person access to a file as viewer or editor (or change their role if they already have access).",
    kind: 'write',
    risk: ['shares-data'],
    parameters: args.share_file,
    precondition: (c, a) => rules.share_file(c, a),
    result: (c, a) => ({ file_id: a.file_id, shared_with: find(c, a.file_id).shared_with }),
  }),
  tool({
    name: 'unshare_file',
    description: "Remove a person's access to a file.",
    kind: 'write',
    risk: ['changes-access'],
    parameters: args.unshare_file,
    precondition: (c, a) => rules.unshare_file(c, a),
    result: (c, a) => ({ file_id: a.file_id, shared_with: find(c, a.file_id).shared_with }),
  }),
  tool({
    name: 'make_public',
    description: 'Make a file readable by anyone who has its link, and return the link.',
    kind: 'write',
    risk: ['shares-data'],
    parameters: args.make_public,
    precondition: (c, a) => rules.make_public(c, a),
    result: (_c, a) => ({ file_id: a.file_id, public: true, link: publicLink(a.file_id) }),
  }),
  tool({
    name: 'delete_file',
    description: 'Delete a file (moves it to the trash, from where it can be restored).',
    kind: 'write',
    risk: ['deletes-data'],
    parameters: args.delete_file,
    precondition: (c, a) => rules.live(c, a.file_id),
    result: (_c, a) => ({ file_id: a.file_id, deleted: true }),
  }),
  tool({
    name: 'list_trash',
    description: 'List the files in the trash.',
    kind: 'read',
    parameters: args.list_trash,
    result: (c) => c.documents.filter((d) => d.deleted).map((d) => ({ id: d.id, name: d.name, owner: d.owner, modified_at: d.modified_at })),
  }),
  tool({
    name: 'restore_file',
    description: 'Restore a file from the trash.',
    kind: 'write',
    parameters: args.restore_file,
    precondition: (c, a) => rules.restore_file(c, a),
    result: (_c, a) => ({ file_id: a.file_id, restored: true }),
  }),
  tool({
    name: 'empty_trash',
    description: 'Permanently delete every file in the trash. This cannot be undone.',
    kind: 'write',
    risk: ['deletes-data', 'irreversible'],
    parameters: args.empty_trash,
    precondition: (c) => rules.empty_trash(c),
    result: (c, _a, before) => ({ removed: before.documents.filter((d) => !c.documents.some((x) => x.id === d.id)).map((d) => d.id) }),
  }),
];
