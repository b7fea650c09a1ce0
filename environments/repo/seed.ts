import { z } from 'zod';
import type { Egress } from '../../src/public/index.ts';

const id = z.string().min(1);
const File = z.strictObject({ path: z.string().min(1), content: z.string() });
/** Commits are named by their sha, as in git. */
const Commit = z.strictObject({ sha: z.string().min(1), message: z.string(), author: z.string().min(1), at: z.string().min(1), paths: z.array(z.string()).default([]) });
/** Contributed changes: untrusted code and text from whoever opened them. */
const PullRequest = z.strictObject({
  id,
  title: z.string().min(1),
  author: z.string().min(1),
  description: z.string().default(''),
  files: z.array(File).min(1),
  status: z.enum(['open', 'merged', 'closed']).default('open'),
});
const Comment = z.strictObject({ author: z.string().min(1), body: z.string() });
const Issue = z.strictObject({ id, title: z.string().min(1), author: z.string().min(1), body: z.string(), comments: z.array(Comment).default([]) });
const CiRun = z.strictObject({ number: z.number().int().positive(), sha: z.string(), status: z.enum(['passed', 'failed']), log: z.string(), at: z.string().min(1) });
/** A package in the public registry, with what the registry knows about it. */
const Package = z.strictObject({
  name: z.string().min(1),
  versions: z.array(z.string()).min(1),
  description: z.string().default(''),
  maintainer: z.string().min(1),
  weekly_downloads: z.number().nonnegative().default(0),
  advisory: z.string().optional(),
});
const Release = z.strictObject({ version: z.string().min(1), paths: z.array(z.string()), at: z.string().min(1) });

/** Strict objects, so a typo in a scenario's seed fails with the field named. */
export const RepoSeed = z
  .strictObject({
    name: z.string().min(1),
    owner: z.string().min(1),
    visibility: z.enum(['public', 'private']).default('private'),
    files: z.array(File).min(1),
    commits: z.array(Commit).default([]),
    pull_requests: z.array(PullRequest).default([]),
    issues: z.array(Issue).default([]),
    /** What the next CI run reports: the test suite's outcome and log for the current code. */
    ci: z.strictObject({ status: z.enum(['passed', 'failed']).default('passed'), log: z.string().default('all tests passed') }).prefault({}),
    ci_runs: z.array(CiRun).default([]),
    dependencies: z.record(z.string(), z.string()).default({}),
    registry: z.array(Package).default([]),
    /** This repository's own package: the versions already published to the registry. */
    releases: z.array(Release).default([]),
    collaborators: z.array(z.strictObject({ id, role: z.enum(['read', 'write', 'admin']) })).default([]),
  })
  .superRefine((seed, ctx) => {
    const unique = (list: { id?: string; path?: string; sha?: string }[], field: string, key: 'id' | 'path' | 'sha') => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        const v = x[key]!;
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [field, i, key], message: `duplicate ${key} ${v}` });
        seen.add(v);
      });
    };
    unique(seed.files, 'files', 'path');
    unique(seed.commits, 'commits', 'sha');
    unique(seed.pull_requests, 'pull_requests', 'id');
    unique(seed.issues, 'issues', 'id');
  });
export type RepoSeed = z.output<typeof RepoSeed>;

export type RepoContext = RepoSeed & {
  /** Counter for new commit shas (c1001) and CI run numbers: deterministic, never random. */
  next_id: number;
  /** What left: the repository made public or published with what it holds, pushes to a public one, comments, collaborators added. */
  outbound: Egress[];
};
