import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { BankSeed } from './seed.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'bank',
  title: 'Online banking',
  description: "The user's online bank: accounts and transactions, payees with confirmation of payee, transfers within limits, and freezing.",
  seed: BankSeed,
  machine,
  tools,
});
