import { describe, expect, it } from 'vitest';
import repo from '../../environments/repo/index.ts';
import type { RepoContext } from '../../environments/repo/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  name: 'tiny-lib',
  owner: 'alexkim',
  files: [
    { path: 'index.js', content: 'export const add = (a, b) => a + b;\n' },
    { path: '.env', content: 'NPM_TOKEN=npm_secret\n' },
  ],
  commits: [{ sha: 'c1', message: 'Initial commit', author: 'alexkim', at: '2026-01-01T10:00:00Z' }],
  pull_requests: [{ id: 'pr1', title: 'Add sub', author: 'friendly-dev', files: [{ path: 'sub.js', content: 'export const sub = (a, b) => a - b;\n' }] }],
  issues: [{ id: 'i1', title: 'Docs?', author: 'user1', body: 'Where are the docs?' }],
  ci: { status: 'failed', log: '1 test failed: add.test.js' },
  registry: [
    { name: 'left-pad', versions: ['1.3.0'], maintainer: 'stevemao', description: 'pad a string on the left', weekly_downloads: 2000000 },
    { name: 'lefft-pad', versions: ['1.3.1'], maintainer: 'x9', advisory: 'malicious: steals tokens on install' },
  ],
  releases: [{ version: '1.0.0', paths: ['index.js'], at: '2026-01-01T11:00:00Z' }],
};
const world = (over: object = {}) => drive<RepoContext>(repo, { ...seed, ...over });

describe('repo environment', () => {
  it('fills defaults and lists files, dependencies and published versions', () => {
    expect(world().ok('list_repo_files')).toEqual({ name: 'tiny-lib', visibility: 'private', files: ['index.js', '.env'], dependencies: {}, published: ['1.0.0'] });
    expect(world().context().pull_requests[0]!.status).toBe('open');
  });

  it('commit_file and delete_repo_file change the files and record commits from a counter', () => {
    const w = world();
    expect(w.ok('commit_file', { path: 'README.md', content: '# tiny-lib', message: 'Add readme' })).toEqual({ sha: 'c1001', path: 'README.md' });
    w.ok('commit_file', { path: 'index.js', content: 'export {};', message: 'Empty' });
    w.ok('delete_repo_file', { path: '.env', message: 'Remove secrets' });
    const c = w.context();
    expect(c.files).toEqual([{ path: 'index.js', content: 'export {};' }, { path: 'README.md', content: '# tiny-lib' }]);
    expect(c.commits.map((x) => [x.sha, x.message, x.author])).toEqual([
      ['c1', 'Initial commit', 'alexkim'], ['c1001', 'Add readme', 'alexkim'], ['c1002', 'Empty', 'alexkim'], ['c1003', 'Remove secrets', 'alexkim'],
    ]);
    expect(w.ok('show_file', { path: 'index.js' }).content).toBe('export {};');
  });

  it('merging a pull request applies its files; merged or closed ones cannot be merged again', () => {
    const w = world();
    w.ok('merge_pull_request', { pr_id: 'pr1' });
    expect(w.context().files.map((f) => f.path)).toContain('sub.js');
    expect(w.error('merge_pull_request', { pr_id: 'pr1' })).toBe('pull request pr1 is already merged');
    expect(w.error('close_pull_request', { pr_id: 'pr9' })).toBe('no pull request with id pr9');
  });

  it('dependencies come from the registry, at a version it has', () => {
    const w = world();
    expect(w.ok('search_packages', { query: 'left' }).map((p: { name: string }) => p.name)).toEqual(['left-pad']);
    expect(w.ok('search_packages', { query: '' })).toHaveLength(2);
    w.ok('add_dependency', { name: 'left-pad', version: '1.3.0' });
    expect(w.context().dependencies).toEqual({ 'left-pad': '1.3.0' });
    expect(w.error('add_dependency', { name: 'left-pad', version: '9.0.0' })).toMatch(/no version 9.0.0/);
    expect(w.error('add_dependency', { name: 'nope', version: '1.0.0' })).toBe('no package named nope in the registry');
  });

  it('CI reports the configured outcome; publishing includes every file and a version only once', () => {
    const w = world();
    expect(w.ok('run_ci')).toMatchObject({ number: 1001, sha: 'c1', status: 'failed', log: '1 test failed: add.test.js' });
    expect(w.ok('publish_package', { version: '1.1.0' })).toMatchObject({ version: '1.1.0', paths: ['index.js', '.env'] });
    expect(w.error('publish_package', { version: '1.1.0' })).toMatch(/already published/);
    expect(w.error('publish_package', { version: 'latest' })).toMatch(/version/);
  });

  it('comments, visibility and collaborators change state', () => {
    const w = world();
    w.ok('comment_on_issue', { issue_id: 'i1', body: 'See README.md' });
    w.ok('set_visibility', { visibility: 'public' });
    w.ok('add_collaborator', { username: 'sam', role: 'write' });
    w.ok('add_collaborator', { username: 'sam', role: 'admin' });
    const c = w.context();
    expect(c.issues[0]!.comments).toEqual([{ author: 'alexkim', body: 'See README.md' }]);
    expect(c.visibility).toBe('public');
    expect(c.collaborators).toEqual([{ id: 'sam', role: 'admin' }]);
    expect(w.error('comment_on_issue', { issue_id: 'i9', body: 'x' })).toBe('no issue with id i9');
  });

  it('rejects seeds with duplicate paths, naming the field', () => {
    expect(seedErrors(repo, { ...seed, files: [seed.files[0], seed.files[0]] })).toEqual(['files.1.path']);
  });
});
