import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { ChatSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'chat',
  title: 'Team chat',
  description: "A team chat workspace: channels (some with external guests, an announcements channel), direct messages, shared files, and channel membership.",
  seed: ChatSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    me: 'u1',
    members: [{ id: 'u1', name: 'Alex Kim', role: 'admin' }, { id: 'u2', name: 'Sam Ortiz' }],
    channels: [{ id: 'c1', name: 'general', members: ['u1', 'u2'], messages: [{ id: 'm1', from: 'u2', text: 'Morning all!', at: '2026-01-05T08:00:00Z' }] }],
  },
});
