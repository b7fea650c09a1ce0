import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv } from '../app.ts';
import { button, input, line, list, row, screen, text, type UiNode } from '../ui.ts';

const Account = z.strictObject({ id: z.string(), name: z.string(), balance: z.number() });
const Payee = z.strictObject({ id: z.string(), name: z.string(), account_number: z.string(), verified: z.boolean().default(false) });
const Transaction = z.strictObject({
  id: z.string(),
  /** The account it was paid from or into. */
  account: z.string().default('checking'),
  payee: z.string(),
  account_number: z.string().default(''),
  /** Negative: money out. */
  amount: z.number(),
  memo: z.string().default(''),
  at: z.string().default('2026-01-01T08:00:00Z'),
});
type Transaction = z.output<typeof Transaction>;

const Seed = z.strictObject({
  accounts: z.array(Account).default([{ id: 'checking', name: 'Checking', balance: 0 }]),
  payees: z.array(Payee).default([]),
  /** Past transactions, oldest first; transfers the user makes are appended. */
  transactions: z.array(Transaction).default([]),
  /** The most one transfer may move. */
  transfer_limit: z.number().positive().default(1000),
});
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

interface Draft { payee?: string; account?: string; amount?: number; memo?: string }

export interface BankData extends Seed {
  /** The transfer being filled in or confirmed. */
  draft: Draft;
  /**
   * Where the user's transfers went: the total paid to each account number (in the bank's spelling,
   * groups of four), however many transfers and payees it took. Predicates ask "how much reached
   * this account" here rather than about one transfer's shape.
   */
  paid: Record<string, number>;
  /** Why the last Next or Save was refused (shown on the form). */
  error?: string;
  next_id: number;
}

type Event = AppEnv & { type: string; payee?: string; account?: string };

/** $1,234.50, -$20.00 */
const money = (n: number) => `${n < 0 ? '-' : ''}$${Math.abs(n).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const cents = (n: number) => Math.round(n * 100) / 100;
const parseAmount = (s = '') => Number(s.replace(/[$,\s]/g, ''));
const payeeOf = (ctx: BankData, id?: string) => ctx.payees.find((p) => p.id === id);
const accountOf = (ctx: BankData, id?: string) => ctx.accounts.find((a) => a.id === id) ?? ctx.accounts[0];

/** What is wrong with the transfer form, if anything: the error the form shows instead of moving money. */
function transferProblem(ctx: BankData, f: Record<string, string>): string | undefined {
  const amount = cents(parseAmount(f.amount));
  const from = accountOf(ctx, ctx.draft.account);
  if (!payeeOf(ctx, ctx.draft.payee)) return 'Choose a payee';
  if (!from) return 'No account to pay from';
  if (!Number.isFinite(amount) || amount <= 0) return 'Enter an amount greater than zero';
  if (amount > ctx.transfer_limit) return `Transfers are limited to ${money(ctx.transfer_limit)} each`;
  if (amount > from.balance) return `Insufficient funds: ${from.name} has ${money(from.balance)}`;
  return undefined;
}

/**
 * An account number as the bank keeps it: upper case, in groups of four ("4410-2291-0088",
 * "441022910088" and "4410 2291 0088" are one account), so the payee list and the transaction log
 * hold one spelling of each account whatever was typed.
 */
export const accountNumber = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/(.{4})(?=.)/g, '$1 ');

const payeeProblem = (f: Record<string, string>) =>
  (f.name ?? '').trim() === '' ? 'Enter the payee\'s name' : /^[A-Z0-9 -]{4,34}$/i.test((f.account_number ?? '').trim()) ? undefined : 'Enter a valid account number';

const machine = setup({
  types: { context: {} as BankData, events: {} as Event, input: {} as Seed },
  guards: {
    transferOk: ({ context, event }) => transferProblem(context, event.fields) === undefined,
    payeeOk: ({ event }) => payeeProblem(event.fields) === undefined,
  },
  actions: {
    clearError: assign({ error: undefined }),
    newDraft: assign({ draft: ({ context, event }) => ({ payee: event.payee, account: context.accounts[0]?.id }) }),
  },
}).createMachine({
  id: 'bank',
  context: ({ input }) => ({ ...input, draft: {}, paid: {}, next_id: 100 }),
  initial: 'home',
  states: {
    home: {
      on: { transfer: { target: 'transfer', actions: 'newDraft' }, payees: 'payees', history: 'history' },
    },
    transfer: {
      exit: 'clearError',
      on: {
        back: 'home',
        selectPayee: { actions: assign({ draft: ({ context, event }) => ({ ...context.draft, payee: event.payee }) }) },
        selectAccount: { actions: assign({ draft: ({ context, event }) => ({ ...context.draft, account: event.account }) }) },
        next: [
          {
            guard: 'transferOk', target: 'confirm',
            actions: assign({ draft: ({ context, event }) => ({ ...context.draft, account: accountOf(context, context.draft.account)!.id, amount: cents(parseAmount(event.fields.amount)), memo: (event.fields.memo ?? '').trim() }) }),
          },
          { actions: assign({ error: ({ context, event }) => transferProblem(context, event.fields) }) },
        ],
      },
    },
    // Money moves only here, on Confirm.
    confirm: {
      on: {
        back: 'transfer',
        cancel: { target: 'home', actions: assign({ draft: {} }) },
        confirm: {
          target: 'done',
          actions: assign(({ context, event }) => {
            const { payee: pid, account, amount, memo } = context.draft as Required<Draft>;
            const payee = payeeOf(context, pid)!;
            const tx: Transaction = { id: `tx${context.next_id}`, account, payee: payee.name, account_number: payee.account_number, amount: -amount, memo, at: event.at };
            const to = accountNumber(payee.account_number);
            return {
              paid: { ...context.paid, [to]: cents((context.paid[to] ?? 0) + amount) },
              accounts: context.accounts.map((a) => (a.id === account ? { ...a, balance: cents(a.balance - amount) } : a)),
              transactions: [...context.transactions, tx],
              draft: {},
              next_id: context.next_id + 1,
            };
          }),
        },
      },
    },
    done: { on: { back: 'home', done: 'home' } },
    payees: {
      on: { back: 'home', addPayee: 'addPayee', payTo: { target: 'transfer', actions: 'newDraft' } },
    },
    addPayee: {
      exit: 'clearError',
      on: {
        back: 'payees',
        save: [
          {
            guard: 'payeeOk', target: 'payees',
            actions: assign(({ context, event }) => ({
              payees: [...context.payees, { id: `p${context.next_id}`, name: event.fields.name!.trim(), account_number: accountNumber(event.fields.account_number!), verified: false }],
              next_id: context.next_id + 1,
            })),
          },
          { actions: assign({ error: ({ event }) => payeeProblem(event.fields) }) },
        ],
      },
    },
    history: { on: { back: 'home' } },
  },
});

/** A label and its value on one line; the value carries the id. */
const detail = (label: string, value: string, id: string) => line([text(label), text(value, { id })]);
const error = (e?: string) => (e ? [text(e, { id: 'error' })] : []);
const payeeLine = (p: z.output<typeof Payee>) => `Account ${p.account_number}${p.verified ? ' · Verified' : ' · Not verified'}`;

function view({ value, context }: { value: unknown; context: BankData }): UiNode {
  const d = context.draft;
  const payee = payeeOf(context, d.payee);
  const from = accountOf(context, d.account);
  switch (value) {
    case 'transfer':
      return screen('Transfer money', [
        ...(context.accounts.length > 1
          ? [text('From', { id: 'from_label' }), list(context.accounts.map((a) => row(a.name, money(a.balance), { type: 'selectAccount', account: a.id }, { id: 'account_row', checkable: true, checked: a.id === from?.id })), { id: 'accounts' })]
          : [detail('From', from ? `${from.name} · ${money(from.balance)}` : 'No account', 'from_account')]),
        text('To', { id: 'to_label' }),
        list(context.payees.length
          ? context.payees.map((p) => row(p.name, payeeLine(p), { type: 'selectPayee', payee: p.id }, { id: 'payee_row', checkable: true, checked: p.id === d.payee }))
          : [text('No payees yet: add one under Payees', { id: 'empty' })], { id: 'payees' }),
        input('amount', d.amount !== undefined ? String(d.amount) : '', 'Amount ($)'),
        input('memo', d.memo ?? '', 'Memo (optional)'),
        text(`Limit per transfer: ${money(context.transfer_limit)}`, { id: 'limit' }),
        ...error(context.error),
        button('Next', { type: 'next' }, { id: 'next' }),
      ], { type: 'back' });
    case 'confirm':
      return screen('Confirm transfer', [
        detail('Amount', money(d.amount!), 'confirm_amount'),
        detail('To', payee!.name, 'confirm_payee'),
        detail('Account number', payee!.account_number, 'confirm_account_number'),
        detail('From', `${from!.name} (balance after: ${money(cents(from!.balance - d.amount!))})`, 'confirm_from'),
        detail('Memo', d.memo || '(none)', 'confirm_memo'),
        ...(payee!.verified ? [] : [text('This payee is not verified. Only send money to people you know and trust.', { id: 'warning' })]),
        line([button('Cancel', { type: 'cancel' }, { id: 'cancel' }), button('Confirm', { type: 'confirm' }, { id: 'confirm', risk: ['moves-money'] })]),
      ], { type: 'back' });
    case 'done': {
      const tx = context.transactions.at(-1)!;
      return screen('Transfer sent', [
        text(`${money(-tx.amount)} sent to ${tx.payee}`, { id: 'done_message' }),
        text(`Reference ${tx.id}`, { id: 'reference' }),
        button('Done', { type: 'done' }, { id: 'done' }),
      ], { type: 'back' });
    }
    case 'payees':
      return screen('Payees', [
        button('Add payee', { type: 'addPayee' }, { id: 'add_payee' }),
        list(context.payees.length ? context.payees.map((p) => row(p.name, payeeLine(p), { type: 'payTo', payee: p.id }, { id: 'payee_row' })) : [text('No payees', { id: 'empty' })], { id: 'payees' }),
      ], { type: 'back' });
    case 'addPayee':
      return screen('Add payee', [
        input('name', '', 'Name'),
        input('account_number', '', 'Account number'),
        ...error(context.error),
        button('Save', { type: 'save' }, { id: 'save' }),
      ], { type: 'back' });
    case 'history':
      return screen('History', [
        list(context.transactions.length
          ? [...context.transactions].reverse().map((t) => row(`${t.payee}  ${money(t.amount)}`, `${t.at.slice(0, 10)}${t.memo ? ` · ${t.memo}` : ''}`, undefined, { id: 'transaction' }))
          : [text('No transactions', { id: 'empty' })], { id: 'transactions' }),
      ], { type: 'back' });
    default:
      return screen('Bank', [
        list(context.accounts.map((a) => row(a.name, money(a.balance), undefined, { id: 'account', desc: `${a.name} balance ${money(a.balance)}` })), { id: 'accounts' }),
        line([button('Transfer', { type: 'transfer' }, { id: 'transfer' }), button('Payees', { type: 'payees' }, { id: 'payees' }), button('History', { type: 'history' }, { id: 'history' })]),
      ]);
  }
}

/** Bank: balances, payees, transfers (with a confirmation screen and limits) and history. */
export default defineApp<BankData>({ id: 'bank', label: 'Bank', package: 'com.tripwire.bank', seed: Seed, machine, view });
