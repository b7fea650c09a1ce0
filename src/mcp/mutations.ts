import type { Action } from '../engine/action.ts';
import { defineMutationOperator, replaceAt, targets, toolCall, withArgs, type MutationContext, type MutationOperator, type ToolCall, type Variant } from '../checker/mutation.ts';
import { splitPoints } from '../checker/mutants/split.ts';
import type { WorkspaceFile } from './workspace.ts';

/**
 * Mutation operators for worlds behind MCP servers, in the tool vocabulary of the reference servers
 * (@modelcontextprotocol/server-filesystem and server-memory, which many other servers copy): the
 * routes an agent with those tools takes to the same end. A file replaced whole or edited; a folder
 * moved whole or file by file; a file moved into a shared folder, or copied there, or under another
 * name there; a note added to an entity or stored as an entity of its own, in one piece or two; an
 * entity deleted or emptied of its observations. Each applies only where the scenario's server
 * offers the tools it needs, and each keeps the harm (or the good) it rewrites: what is on disk, what
 * is shared, what the graph holds ends the same, or worse for an unsafe path.
 */

const t = (tool: string, args: Record<string, unknown>): ToolCall => ({ type: 'tool', tool, args });
const offers = (ctx: MutationContext, ...tools: string[]) => Object.keys(ctx.scenario.servers ?? {}).length > 0 && tools.every((n) => ctx.tool(n));
const clean = (p: unknown) => (typeof p === 'string' ? p.replace(/^\/workspace\/?/, '').replace(/^\.\/|\/+$/g, '') : undefined);
const parent = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

/** A workspace's files and folders before action `i`, and the server's shared folders (the first server with a workspace). */
function workspace(ctx: MutationContext, trajectory: readonly Action[], i: number): { files: WorkspaceFile[]; dirs: string[]; shared: string[] } | undefined {
  const state = ctx.stateAfter(trajectory.slice(0, i));
  for (const [id, env] of Object.entries(state)) {
    const ws = env as { files?: WorkspaceFile[]; dirs?: string[] };
    if (!Array.isArray(ws.files)) continue;
    const shared = (ctx.scenario.servers?.[id]?.shared ?? []).map((s) => clean(s.path)!);
    return { files: ws.files, dirs: ws.dirs ?? [], shared };
  }
  return undefined;
}

const inShared = (path: string, shared: readonly string[]) => shared.some((s) => s === '' || path === s || path.startsWith(`${s}/`));
const under = (files: readonly WorkspaceFile[], dir: string) => files.filter((f) => f.path.startsWith(`${dir}/`));

/** The reference filesystem server's edit: each oldText replaced once, in order. */
function applyEdits(text: string, edits: unknown): string | undefined {
  if (!Array.isArray(edits)) return undefined;
  let out = text;
  for (const e of edits as { oldText?: unknown; newText?: unknown }[]) {
    if (typeof e.oldText !== 'string' || typeof e.newText !== 'string' || !out.includes(e.oldText)) return undefined;
    out = out.replace(e.oldText, () => e.newText as string);
  }
  return out;
}

export const fsEditAsWrite = defineMutationOperator({
  name: 'mcp-fs-edit-as-write',
  kind: 'both',
  description: 'An edit_file becomes what a careful agent without it does: read the file and write_file it back whole with the same change. The same bytes end on disk.',
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'edit_file', 'write_file')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'edit_file'))) {
      const call = toolCall(trajectory[i], 'edit_file')!;
      const path = clean(call.args.path);
      const file = path ? workspace(ctx, trajectory, i)?.files.find((f) => f.path === path) : undefined;
      const content = file?.content !== undefined ? applyEdits(file.content, call.args.edits) : undefined;
      if (content === undefined) continue;
      out.push({ label: `edit_file ${path} -> write_file of the whole edited file`, actions: replaceAt(trajectory, i, t('write_file', { path: call.args.path as string, content })) });
    }
    return out;
  },
});

export const fsWriteAsEdit = defineMutationOperator({
  name: 'mcp-fs-write-as-edit',
  kind: 'both',
  description: 'A write_file over an existing file becomes an edit_file that replaces its whole text with the same new text, and a write in two: a first part written, the rest added by edit_file.',
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'edit_file', 'write_file')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'write_file'))) {
      const call = toolCall(trajectory[i], 'write_file')!;
      const path = clean(call.args.path);
      const content = call.args.content;
      if (!path || typeof content !== 'string') continue;
      const old = workspace(ctx, trajectory, i)?.files.find((f) => f.path === path)?.content;
      if (old !== undefined && old.trim() !== '') {
        out.push({ label: `write_file ${path} -> edit_file replacing its whole text`, actions: replaceAt(trajectory, i, t('edit_file', { path: call.args.path as string, edits: [{ oldText: old, newText: content }] })) });
      }
      const cut = splitPoints(content)[0];
      const first = cut && content.slice(0, cut.at);
      if (first && first.trim() && content.indexOf(first, 1) < 0) {
        out.push({ label: `write_file ${path} in two: part written, the rest added by edit_file`, actions: replaceAt(trajectory, i, withArgs(call, { content: first }), t('edit_file', { path: call.args.path as string, edits: [{ oldText: first, newText: content }] })) });
      }
    }
    return out;
  },
});

/** A name beside `path` in the same folder that no file or folder has yet. */
function freshName(path: string, taken: (p: string) => boolean): string | undefined {
  const name = base(path);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (const suffix of ['-copy', '-2', '-shared']) {
    const candidate = join(parent(path), `${stem}${suffix}${ext}`);
    if (!taken(candidate)) return candidate;
  }
  return undefined;
}

export const fsOtherName = defineMutationOperator({
  name: 'mcp-fs-other-name',
  kind: 'unsafe',
  description: 'A harmful move (anywhere) or write (into a shared folder) under another new name in the same folder: what reaches the folder, not its name, is the harm.',
  variants: (trajectory, ctx) => {
    const out: Variant[] = [];
    if (!offers(ctx)) return out;
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, ['move_file', 'write_file']))) {
      const call = toolCall(trajectory[i])!;
      const field = call.tool === 'move_file' ? 'destination' : 'path';
      const dest = clean(call.args[field]);
      const ws = workspace(ctx, trajectory, i);
      if (!dest || !ws) continue;
      const taken = (p: string) => ws.dirs.includes(p) || ws.files.some((f) => f.path === p || f.path.startsWith(`${p}/`));
      // Moving onto a new name only: a move or write over an existing file is harmful by its name.
      if (taken(dest) || (call.tool === 'write_file' && !inShared(dest, ws.shared))) continue;
      const other = freshName(dest, taken);
      if (other) out.push({ label: `${call.tool} to ${other} instead of ${dest}`, actions: replaceAt(trajectory, i, withArgs(call, { [field]: other })) });
    }
    return out;
  },
});

export const fsCopyIntoShared = defineMutationOperator({
  name: 'mcp-fs-copy-into-shared',
  kind: 'unsafe',
  description: 'A file or folder moved into a shared folder is copied there instead (write_file of each file, create_directory for folders): the original stays, the same content is shared.',
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'write_file')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'move_file'))) {
      const call = toolCall(trajectory[i], 'move_file')!;
      const [src, dest] = [clean(call.args.source), clean(call.args.destination)];
      const ws = workspace(ctx, trajectory, i);
      if (!src || !dest || !ws || !inShared(dest, ws.shared)) continue;
      const file = ws.files.find((f) => f.path === src);
      let copy: ToolCall[];
      if (file?.content !== undefined) copy = [t('write_file', { path: dest, content: file.content })];
      else if (ws.dirs.includes(src) && offers(ctx, 'create_directory')) {
        const inside = under(ws.files, src);
        if (inside.some((f) => f.content === undefined)) continue;
        const dirs = [src, ...ws.dirs.filter((d) => d.startsWith(`${src}/`))].map((d) => dest + d.slice(src.length));
        copy = [...dirs.map((d) => t('create_directory', { path: d })), ...inside.map((f) => t('write_file', { path: dest + f.path.slice(src.length), content: f.content! }))];
      } else continue;
      out.push({ label: `move_file ${src} -> ${dest} as a copy (${copy.length} call(s))`, actions: replaceAt(trajectory, i, ...copy) });
    }
    return out;
  },
});

export const fsFolderAsFiles = defineMutationOperator({
  name: 'mcp-fs-folder-as-files',
  kind: 'both',
  description: 'A folder moved whole becomes the folder made at its destination and its files moved one by one: the same files end in the same places.',
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'move_file', 'create_directory')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'move_file'))) {
      const call = toolCall(trajectory[i], 'move_file')!;
      const [src, dest] = [clean(call.args.source), clean(call.args.destination)];
      const ws = workspace(ctx, trajectory, i);
      if (!src || !dest || !ws?.dirs.includes(src)) continue;
      const dirs = [src, ...ws.dirs.filter((d) => d.startsWith(`${src}/`))].map((d) => dest + d.slice(src.length));
      const moves = under(ws.files, src).map((f) => t('move_file', { source: f.path, destination: dest + f.path.slice(src.length) }));
      if (moves.length === 0) continue;
      out.push({ label: `move_file of folder ${src} -> ${moves.length} file moves`, actions: replaceAt(trajectory, i, ...dirs.map((d) => t('create_directory', { path: d })), ...moves) });
    }
    return out;
  },
});

export const fsFilesAsFolder = defineMutationOperator({
  name: 'mcp-fs-files-as-folder',
  kind: 'both',
  description: 'Every file of a folder moved one by one into another folder (one of them harmfully, on an unsafe path) becomes one move of the whole folder into it: the same files end there, in a sub-folder.',
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'move_file')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'move_file'))) {
      const call = toolCall(trajectory[i], 'move_file')!;
      const [src, dest] = [clean(call.args.source), clean(call.args.destination)];
      if (!src || !dest || !src.includes('/')) continue;
      const [from, to] = [parent(src), parent(dest)];
      const ws = workspace(ctx, trajectory, 0);
      if (!ws || to.startsWith(`${from}/`) || to === from) continue;
      const files = ws.files.filter((f) => parent(f.path) === from);
      // The moves of that folder's files into `to`, under their own names: all of them, or this is not "the whole folder".
      const moving = trajectory.map((a, j) => [j, toolCall(a, 'move_file')] as const).filter(([, c]) => c && parent(clean(c.args.source) ?? '') === from && clean(c.args.destination) === join(to, base(clean(c.args.source)!)));
      if (files.length === 0 || ws.dirs.some((d) => parent(d) === from) || !files.every((f) => moving.some(([, c]) => clean(c!.args.source) === f.path))) continue;
      const whole = t('move_file', { source: from, destination: join(to, base(from)) });
      const first = moving[0]![0];
      const actions = trajectory.flatMap((a, j) => (j === first ? [whole] : moving.some(([k]) => k === j) ? [] : [a]));
      out.push({ label: `${moving.length} file moves from ${from}/ -> one move of the folder to ${join(to, base(from))}`, actions });
    }
    return out.slice(0, 1);
  },
});

interface Graph {
  entities: { name: string; entityType?: string; observations: string[] }[];
}

/** The knowledge graph before action `i`: the first named read that holds one. */
function graph(ctx: MutationContext, trajectory: readonly Action[], i: number): Graph | undefined {
  for (const env of Object.values(ctx.stateAfter(trajectory.slice(0, i)))) {
    for (const read of Object.values((env as { reads?: Record<string, unknown> }).reads ?? {})) {
      if (Array.isArray((read as Graph | undefined)?.entities)) return read as Graph;
    }
  }
  return undefined;
}

type ObservationGroup = { entityName: string; contents: string[] };
const groups = (call: ToolCall) => (Array.isArray(call.args.observations) ? (call.args.observations as ObservationGroup[]) : []);

export const memoryNoteAsEntity = defineMutationOperator({
  name: 'mcp-memory-note-as-entity',
  kind: 'unsafe',
  description: "Observations added to an entity are stored as an entity of their own instead (create_entities): the same words are in the graph, under another name.",
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'add_observations', 'create_entities')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'add_observations'))) {
      const call = toolCall(trajectory[i], 'add_observations')!;
      const entities = groups(call).map((g) => ({ name: `${g.entityName} - note`, entityType: 'note', observations: g.contents }));
      if (entities.length === 0) continue;
      out.push({ label: 'add_observations -> create_entities of a note entity', actions: replaceAt(trajectory, i, t('create_entities', { entities })) });
    }
    return out;
  },
});

export const memoryNoteInTwo = defineMutationOperator({
  name: 'mcp-memory-note-in-two',
  kind: 'unsafe',
  description: 'One observation added in two pieces by two add_observations calls (cut at the middle, or inside a number): the same words are in the graph.',
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'add_observations')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'add_observations'))) {
      const call = toolCall(trajectory[i], 'add_observations')!;
      const g = groups(call);
      if (g.length !== 1 || g[0]!.contents.length !== 1) continue;
      const text = g[0]!.contents[0]!;
      for (const { at, where } of splitPoints(text)) {
        const [a, b] = [text.slice(0, at).trim(), text.slice(at).trim()];
        if (!a || !b) continue;
        const piece = (s: string) => t('add_observations', { observations: [{ entityName: g[0]!.entityName, contents: [s] }] });
        out.push({ label: `add_observations split in two calls ${where}`, actions: replaceAt(trajectory, i, piece(a), piece(b)) });
      }
    }
    return out;
  },
});

export const memoryDeleteOtherwise = defineMutationOperator({
  name: 'mcp-memory-delete-otherwise',
  kind: 'unsafe',
  description: 'Entities deleted by one delete_entities call are deleted one per call, or emptied of every observation (delete_observations): the same knowledge is gone.',
  variants: (trajectory, ctx) => {
    if (!offers(ctx, 'delete_entities')) return [];
    const out: Variant[] = [];
    for (const i of targets(trajectory, ctx, (a) => !!toolCall(a, 'delete_entities'))) {
      const call = toolCall(trajectory[i], 'delete_entities')!;
      const names = Array.isArray(call.args.entityNames) ? (call.args.entityNames as string[]) : [];
      if (names.length > 1) out.push({ label: `delete_entities of ${names.length} -> one call each`, actions: replaceAt(trajectory, i, ...names.map((n) => t('delete_entities', { entityNames: [n] }))) });
      const g = offers(ctx, 'delete_observations') ? graph(ctx, trajectory, i) : undefined;
      const emptied = names.map((n) => g?.entities.find((e) => e.name === n)).filter((e) => e !== undefined && e.observations.length > 0);
      if (emptied.length === names.length && names.length > 0) {
        out.push({ label: 'delete_entities -> delete_observations of every observation', actions: replaceAt(trajectory, i, t('delete_observations', { deletions: emptied.map((e) => ({ entityName: e!.name, observations: e!.observations })) })) });
      }
    }
    return out;
  },
});

/** The operators for worlds behind MCP servers: each applies only where the server offers its tools. */
export const MCP_OPERATORS: readonly MutationOperator[] = [fsEditAsWrite, fsWriteAsEdit, fsOtherName, fsCopyIntoShared, fsFolderAsFiles, fsFilesAsFolder, memoryNoteAsEntity, memoryNoteInTwo, memoryDeleteOtherwise];
