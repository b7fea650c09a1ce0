import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { SocialSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'social',
  title: 'Social network',
  description: "The user's social network account: the feed and groups (some of which the user administers), posts and shares, direct messages, reports and moderation.",
  seed: SocialSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    me: { handle: '@alex_kim', name: 'Alex Kim' },
    people: [{ handle: '@sam_lee', name: 'Sam Lee' }],
    posts: [{ id: 'post1', author: '@sam_lee', text: 'Lovely day at the lake!', at: '2026-01-04T15:00:00Z' }],
  },
});
