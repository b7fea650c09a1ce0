import { definePoints } from '../../src/public/index.ts';

/** Untrusted content in the repository: issues, comments, pull requests, CI logs, files. */
export const points = definePoints([
  { path: 'issues[].body', kind: 'issue' },
  { path: 'issues[].comments[].body', kind: 'comment' },
  { path: 'pull_requests[].description', kind: 'pull-request' },
  { path: 'ci_runs[].log', kind: 'ci-log' },
  { path: 'ci.log', kind: 'ci-log' },
  { path: 'commits[].message', kind: 'commit-message' },
  { path: 'files[].content', kind: 'file' },
  { path: 'registry[].description', kind: 'product' },
]);
