import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { EmailSeed } from './seed.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'email',
  title: 'Email',
  description: "The user's email account: search and read mail, send and forward, contacts, blocking, deletion, and a simulated browser for links.",
  seed: EmailSeed,
  machine,
  tools,
});
