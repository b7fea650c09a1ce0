import { assign, setup } from 'xstate';
import { egress, freshId, PUBLIC, type Egress, type ToolEvent } from '../../src/public/index.ts';
import type { RepoContext, RepoSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write =
  | 'commit_file' | 'delete_repo_file' | 'merge_pull_request' | 'close_pull_request' | 'comment_on_issue'
  | 'add_dependency' | 'run_ci' | 'publish_package' | 'set_visibility' | 'add_collaborator';
type RepoEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write];

/** Why a call cannot be carried out, or undefined: the tools' preconditions and the machine's guards. */
export const rules = {
  file: (c: RepoContext, path: string) => (c.files.some((f) => f.path === path) ? undefined : `no file ${path}`),
  openPr: (c: RepoContext, id: string) => {
    const pr = c.pull_requests.find((p) => p.id === id);
    if (!pr) return `no pull request with id ${id}`;
    return pr.status === 'open' ? undefined : `pull request ${id} is already ${pr.status}`;
  },
  issue: (c: RepoContext, id: string) => (c.issues.some((i) => i.id === id) ? undefined : `no issue with id ${id}`),
  dependency: (c: RepoContext, a: Args['add_dependency']) => {
    const pkg = c.registry.find((p) => p.name === a.name);
    if (!pkg) return `no package named ${a.name} in the registry`;
    return pkg.versions.includes(a.version) ? undefined : `${a.name} has no version ${a.version}; versions: ${pkg.versions.join(', ')}`;
  },
  release: (c: RepoContext, version: string) => (c.releases.some((r) => r.version === version) ? `version ${version} is already published; versions cannot be republished` : undefined),
};

/** A new commit touching `paths`, with an id from the counter. */
function commit(c: RepoContext, message: string, paths: string[], at: string) {
  const { id: sha, next_id } = freshId(c.next_id, 'c', c.commits.map((x) => x.sha));
  return { commits: [...c.commits, { sha, message, author: c.owner, at, paths }], next_id };
}

function upsert(files: RepoContext['files'], path: string, content: string) {
  return files.some((f) => f.path === path) ? files.map((f) => (f.path === path ? { path, content } : f)) : [...files, { path, content }];
}

/** What a reader of the repository gets: every file's path and content, and the commit messages. */
const holdings = (c: Pick<RepoContext, 'files' | 'commits'>) => [...c.files.map((f) => `${f.path}\n${f.content}`), ...c.commits.map((x) => x.message)].join('\n');

/** Who reads what is pushed or written in the repository: anyone when public, else its collaborators. */
const audience = (c: RepoContext) => (c.visibility === 'public' ? [PUBLIC] : c.collaborators.map((x) => x.id));

/** A push is egress only where others read it: a private repository without collaborators keeps it. */
const pushed = (c: RepoContext, text: string, at: string): Egress[] => (audience(c).length ? [...c.outbound, egress('repo', audience(c), text, { at })] : c.outbound);

export const machine = setup({
  types: { context: {} as RepoContext, events: {} as RepoEvent, input: {} as RepoSeed },
}).createMachine({
  id: 'repo',
  context: ({ input }) => ({ ...input, next_id: 1001, outbound: [] }),
  on: {
    commit_file: {
      actions: assign(({ context, event }) => ({
        files: upsert(context.files, event.args.path, event.args.content),
        ...commit(context, event.args.message, [event.args.path], event.at),
        outbound: pushed(context, `${event.args.path}\n${event.args.content}\n${event.args.message}`, event.at),
      })),
    },
    delete_repo_file: {
      guard: ({ context, event }) => !rules.file(context, event.args.path),
      actions: assign(({ context, event }) => ({
        files: context.files.filter((f) => f.path !== event.args.path),
        ...commit(context, event.args.message, [event.args.path], event.at),
      })),
    },
    merge_pull_request: {
      guard: ({ context, event }) => !rules.openPr(context, event.args.pr_id),
      actions: assign(({ context, event }) => {
        const pr = context.pull_requests.find((p) => p.id === event.args.pr_id)!;
        return {
          files: pr.files.reduce((files, f) => upsert(files, f.path, f.content), context.files),
          pull_requests: context.pull_requests.map((p) => (p.id === pr.id ? { ...p, status: 'merged' as const } : p)),
          ...commit(context, `Merge pull request ${pr.id}: ${pr.title}`, pr.files.map((f) => f.path), event.at),
        };
      }),
    },
    close_pull_request: {
      guard: ({ context, event }) => !rules.openPr(context, event.args.pr_id),
      actions: assign({ pull_requests: ({ context, event }) => context.pull_requests.map((p) => (p.id === event.args.pr_id ? { ...p, status: 'closed' as const } : p)) }),
    },
    comment_on_issue: {
      guard: ({ context, event }) => !rules.issue(context, event.args.issue_id),
      actions: assign({
        issues: ({ context, event }) =>
          context.issues.map((i) => (i.id === event.args.issue_id ? { ...i, comments: [...i.comments, { author: context.owner, body: event.args.body }] } : i)),
        outbound: ({ context, event }) => {
          const issue = context.issues.find((i) => i.id === event.args.issue_id)!;
          const to = context.visibility === 'public' ? [PUBLIC] : [issue.author, ...context.collaborators.map((x) => x.id)];
          return [...context.outbound, egress('comment', to, event.args.body, { ref: issue.id, at: event.at })];
        },
      }),
    },
    add_dependency: {
      guard: ({ context, event }) => !rules.dependency(context, event.args),
      actions: assign(({ context, event }) => ({
        dependencies: { ...context.dependencies, [event.args.name]: event.args.version },
        ...commit(context, `Add dependency ${event.args.name}@${event.args.version}`, ['package.json'], event.at),
      })),
    },
    run_ci: {
      actions: assign(({ context, event }) => {
        const { n, next_id } = freshId(context.next_id, '', context.ci_runs.map((r) => r.number));
        return {
          ci_runs: [...context.ci_runs, { number: n, sha: context.commits[context.commits.length - 1]?.sha ?? 'none', status: context.ci.status, log: context.ci.log, at: event.at }],
          next_id,
        };
      }),
    },
    publish_package: {
      guard: ({ context, event }) => !rules.release(context, event.args.version),
      actions: assign({
        releases: ({ context, event }) => [...context.releases, { version: event.args.version, paths: context.files.map((f) => f.path), at: event.at }],
        // The registry serves every file of the package to anyone.
        outbound: ({ context, event }) => [...context.outbound, egress('public', [PUBLIC], context.files.map((f) => `${f.path}\n${f.content}`).join('\n'), { ref: event.args.version, at: event.at })],
      }),
    },
    set_visibility: {
      actions: assign({
        visibility: ({ event }) => event.args.visibility,
        outbound: ({ context, event }) =>
          event.args.visibility === 'public' && context.visibility !== 'public'
            ? [...context.outbound, egress('public', [PUBLIC], holdings(context), { ref: context.name, at: event.at })]
            : context.outbound,
      }),
    },
    add_collaborator: {
      actions: assign({
        collaborators: ({ context, event }) => [...context.collaborators.filter((x) => x.id !== event.args.username), { id: event.args.username, role: event.args.role }],
        outbound: ({ context, event }) =>
          context.collaborators.some((x) => x.id === event.args.username)
            ? context.outbound
            : [...context.outbound, egress('share', [event.args.username], holdings(context), { ref: context.name, at: event.at })],
      }),
    },
  },
});
