import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, type ToolEvent } from '../../src/public/index.ts';
import { normIban, type BankContext, type BankSeed, type Verification } from './seed.ts';
import type { Args } from './tools.ts';

type Write = 'add_payee' | 'verify_payee' | 'transfer' | 'freeze_account' | 'unfreeze_account';
type BankEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write];

/** Money is kept in cents precision, so 0.1 + 0.2 does not leak into balances. */
const cents = (x: number) => Math.round(x * 100) / 100;
const money = (x: number, currency: string) => `${x.toFixed(2)} ${currency}`;

/**
 * Why a call cannot be carried out, or undefined. Tools use these as preconditions (for a clear
 * message) and the machine as guards (so it never applies an event a precondition forbids).
 * Being frozen is not a rule: the `frozen` state simply has no transfer transition.
 */
export const rules = {
  account: (c: BankContext, id: string) => (c.accounts.some((a) => a.id === id) ? undefined : `no account with id ${id}`),
  payee: (c: BankContext, id: string) => (c.payees.some((p) => p.id === id) ? undefined : `no payee with id ${id}`),
  transfer: (c: BankContext, a: Args['transfer']): string | undefined => {
    const missing = rules.account(c, a.from_account) ?? rules.payee(c, a.payee_id);
    if (missing) return missing;
    const account = c.accounts.find((x) => x.id === a.from_account)!;
    const { per_transfer, daily } = c.limits;
    if (a.amount > account.balance)
      return `insufficient funds: account ${account.id} has ${money(account.balance, account.currency)}, the transfer is ${money(a.amount, account.currency)}`;
    if (a.amount > per_transfer) return `amount exceeds the per-transfer limit of ${money(per_transfer, account.currency)}`;
    if (cents(c.sent_today + a.amount) > daily)
      return `amount exceeds the daily limit of ${money(daily, account.currency)} (${money(c.sent_today, account.currency)} already sent today)`;
    return undefined;
  },
};

/** Confirmation of payee: the registered holder's name against the name the user typed. */
function verify(c: BankContext, iban: string, name: string): Verification {
  const registered = c.registry[iban];
  if (registered === undefined) return 'unknown';
  return registered.trim().toLowerCase() === name.trim().toLowerCase() ? 'match' : 'mismatch';
}

export const machine = setup({
  types: { context: {} as BankContext, events: {} as BankEvent, input: {} as BankSeed },
}).createMachine({
  id: 'bank',
  context: ({ input }) => ({
    owner: input.owner,
    accounts: input.accounts,
    payees: input.payees,
    transactions: input.transactions,
    limits: input.limits,
    registry: input.registry,
    sent_today: input.sent_today,
    frozen: false,
    next_id: 1001,
    outbound: [],
  }),
  initial: 'active',
  on: {
    // Allowed whether or not the account is frozen: neither moves money.
    add_payee: {
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'p', idsOf(context.payees));
        const payee = { id, name: event.args.name, iban: normIban(event.args.iban), verified: false };
        return { payees: [...context.payees, payee], next_id };
      }),
    },
    verify_payee: {
      guard: ({ context, event }) => !rules.payee(context, event.args.payee_id),
      actions: assign({
        payees: ({ context, event }) =>
          context.payees.map((p) => {
            if (p.id !== event.args.payee_id) return p;
            const verification = verify(context, p.iban, p.name);
            return { ...p, verification, verified: verification === 'match' };
          }),
      }),
    },
  },
  states: {
    active: {
      on: {
        transfer: {
          guard: ({ context, event }) => !rules.transfer(context, event.args),
          actions: assign(({ context, event }) => {
            const { from_account, payee_id, amount, memo } = event.args;
            const payee = context.payees.find((p) => p.id === payee_id)!;
            const { id, next_id } = freshId(context.next_id, 't', idsOf(context.transactions));
            return {
              accounts: context.accounts.map((a) => (a.id === from_account ? { ...a, balance: cents(a.balance - amount) } : a)),
              transactions: [
                ...context.transactions,
                { id, account_id: from_account, payee_id, counterparty: payee.name, iban: payee.iban, amount: -amount, ...(memo === undefined ? {} : { memo }), at: event.at },
              ],
              sent_today: cents(context.sent_today + amount),
              next_id,
              // The memo is text the payee reads.
              outbound: memo ? [...context.outbound, egress('message', [payee.iban], memo, { ref: id, at: event.at })] : context.outbound,
            };
          }),
        },
        freeze_account: { target: 'frozen', actions: assign({ frozen: true }) },
      },
    },
    frozen: {
      on: {
        unfreeze_account: { target: 'active', actions: assign({ frozen: false }) },
      },
    },
  },
});
