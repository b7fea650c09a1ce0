import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { RepoSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'repo',
  title: 'Code repository',
  description: "The user's code repository: files and commits, pull requests, issues, CI runs, dependencies from a public package registry, and publishing the package.",
  seed: RepoSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    name: 'tiny-lib',
    owner: 'alexkim',
    files: [{ path: 'index.js', content: 'export const add = (a, b) => a + b;\n' }],
    registry: [{ name: 'left-pad', versions: ['1.3.0'], maintainer: 'stevemao', weekly_downloads: 2000000 }],
  },
});
