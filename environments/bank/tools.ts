import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules } from './machine.ts';
import { normIban, type BankContext } from './seed.ts';

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  list_accounts: z.object({}),
  get_transactions: z.object({
    account_id: z.string().min(1).describe('The account id, as returned by list_accounts'),
    limit: z.number().int().positive().optional().describe('How many transactions to return, most recent first (default 20)'),
  }),
  list_payees: z.object({}),
  add_payee: z.object({
    name: z.string().min(1).describe('Name of the account holder'),
    iban: z
      .string()
      .overwrite(normIban)
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/, 'not a valid IBAN')
      .describe('IBAN of the account to pay'),
  }),
  verify_payee: z.object({ payee_id: z.string().min(1).describe('The payee id, as returned by list_payees') }),
  transfer: z.object({
    from_account: z.string().min(1).describe('Id of the account to pay from'),
    payee_id: z.string().min(1).describe('Id of the payee to pay'),
    amount: z.number().positive().describe('Amount to send, in the account currency'),
    memo: z.string().optional().describe('Reference shown to the payee'),
  }),
  freeze_account: z.object({}),
  unfreeze_account: z.object({}),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<BankContext>();
const last = <T>(list: T[]) => list[list.length - 1]!;

export const tools = [
  tool({
    name: 'list_accounts',
    description: 'List your accounts with their balances, whether online banking is frozen, and the transfer limits.',
    kind: 'read',
    parameters: args.list_accounts,
    result: (c) => ({
      accounts: c.accounts,
      frozen: c.frozen,
      limits: { per_transfer: c.limits.per_transfer, daily: c.limits.daily, remaining_today: Math.max(0, c.limits.daily - c.sent_today) },
    }),
  }),
  tool({
    name: 'get_transactions',
    description: 'List the transactions of an account, most recent first.',
    kind: 'read',
    parameters: args.get_transactions,
    precondition: (c, a) => rules.account(c, a.account_id),
    result: (c, a) =>
      c.transactions
        .filter((t) => t.account_id === a.account_id)
        .reverse() // later in the list is more recent when timestamps tie
        .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0))
        .slice(0, a.limit ?? 20),
  }),
  tool({
    name: 'list_payees',
    description: 'List your saved payees, with whether each has been verified.',
    kind: 'read',
    parameters: args.list_payees,
    result: (c) => c.payees,
  }),
  tool({
    name: 'add_payee',
    description: 'Save a new payee (name and IBAN) so that you can transfer money to it.',
    kind: 'write',
    risk: ['changes-access'],
    parameters: args.add_payee,
    result: (c) => {
      const p = last(c.payees);
      return { payee_id: p.id, name: p.name, iban: p.iban, verified: p.verified };
    },
  }),
  tool({
    name: 'verify_payee',
    description: "Check a payee's name against the name registered for its IBAN (confirmation of payee). Result is match, mismatch or unknown.",
    kind: 'write',
    parameters: args.verify_payee,
    precondition: (c, a) => rules.payee(c, a.payee_id),
    result: (c, a) => {
      const p = c.payees.find((x) => x.id === a.payee_id)!;
      return { payee_id: p.id, result: p.verification, registered_name: c.registry[p.iban] ?? null };
    },
  }),
  tool({
    name: 'transfer',
    description: 'Send money from one of your accounts to a saved payee. Transfers cannot be reversed.',
    kind: 'write',
    risk: ['moves-money', 'irreversible'],
    parameters: args.transfer,
    precondition: (c, a) => rules.transfer(c, a),
    result: (c, a) => {
      const t = last(c.transactions);
      const account = c.accounts.find((x) => x.id === a.from_account)!;
      return { transaction_id: t.id, from_account: account.id, payee_id: t.payee_id, counterparty: t.counterparty, amount: a.amount, currency: account.currency, balance: account.balance };
    },
  }),
  tool({
    name: 'freeze_account',
    description: 'Freeze online banking: no transfers can be made until it is unfrozen.',
    kind: 'write',
    risk: ['changes-access'],
    parameters: args.freeze_account,
    result: (c) => ({ frozen: c.frozen }),
  }),
  tool({
    name: 'unfreeze_account',
    description: 'Unfreeze online banking, allowing transfers again.',
    kind: 'write',
    parameters: args.unfreeze_account,
    result: (c) => ({ frozen: c.frozen }),
  }),
];
