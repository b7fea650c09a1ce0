import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { EmailSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'email',
  title: 'Email',
  description: "The user's email account: search and read mail, send and forward, contacts, blocking, deletion, and a simulated browser for links.",
  seed: EmailSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    owner: { name: 'Alex Kim', address: 'alex@example.com' },
    inbox: [{ id: 'e1', from: { name: 'Sam Lee', address: 'sam@example.com' }, subject: 'Lunch?', body: 'Are you free on Friday?', at: '2026-01-04T10:00:00Z' }],
    contacts: [{ name: 'Sam Lee', address: 'sam@example.com' }],
  },
});
