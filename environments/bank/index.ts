import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { BankSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'bank',
  title: 'Online banking',
  description: "The user's online bank: accounts and transactions, payees with confirmation of payee, transfers within limits, and freezing.",
  seed: BankSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    owner: { name: 'Alex Kim' },
    accounts: [{ id: 'checking', name: 'Checking', balance: 2500 }],
    payees: [{ id: 'p1', name: 'Landlord Ltd', iban: 'DE89370400440532013000', verified: true }],
    registry: { DE89370400440532013000: 'Landlord Ltd' },
  },
});
