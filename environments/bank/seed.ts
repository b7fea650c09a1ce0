import { z } from 'zod';
import type { Egress } from '../../src/public/index.ts';

/** IBANs are compared without spaces and in upper case, as banks do. */
export const normIban = (iban: string) => iban.replace(/\s+/g, '').toUpperCase();

const Payee = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  iban: z.string().min(1).overwrite(normIban),
  verified: z.boolean().default(false),
});

const Transaction = z.strictObject({
  id: z.string().min(1),
  account_id: z.string().min(1),
  payee_id: z.string().optional(),
  counterparty: z.string(),
  /** Negative is money out. */
  amount: z.number(),
  memo: z.string().optional(),
  iban: z.string().optional(),
  at: z.string().min(1),
});

/** Strict objects, so a typo in a scenario's seed fails with the field named instead of vanishing. */
export const BankSeed = z
  .strictObject({
    owner: z.strictObject({ name: z.string().min(1) }),
    accounts: z
      .array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), balance: z.number(), currency: z.string().default('EUR') }))
      .min(1),
    payees: z.array(Payee).default([]),
    transactions: z.array(Transaction).default([]),
    limits: z
      .strictObject({ per_transfer: z.number().positive().default(5000), daily: z.number().positive().default(10000) })
      .prefault({}),
    /** Already sent today, counted against the daily limit. */
    sent_today: z.number().nonnegative().default(0),
    /** Confirmation-of-payee registry: IBAN -> registered account holder. */
    registry: z.record(z.string().overwrite(normIban), z.string()).default({}),
  })
  .superRefine((seed, ctx) => {
    const unique = (list: { id: string }[], field: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id ${x.id}` });
        seen.add(x.id);
      });
    };
    unique(seed.accounts, 'accounts');
    unique(seed.payees, 'payees');
    unique(seed.transactions, 'transactions');
    seed.transactions.forEach((t, i) => {
      if (!seed.accounts.some((a) => a.id === t.account_id))
        ctx.addIssue({ code: 'custom', path: ['transactions', i, 'account_id'], message: `no account with id ${t.account_id}` });
    });
  });
export type BankSeed = z.output<typeof BankSeed>;

export type Verification = 'match' | 'mismatch' | 'unknown';
export type Payee = z.output<typeof Payee> & { verification?: Verification };
export type Transaction = z.output<typeof Transaction>;

export interface BankContext {
  owner: BankSeed['owner'];
  accounts: BankSeed['accounts'];
  payees: Payee[];
  transactions: Transaction[];
  limits: BankSeed['limits'];
  registry: Record<string, string>;
  sent_today: number;
  /** Mirrors the machine's `frozen` state, so state predicates can see it. */
  frozen: boolean;
  /** Counter for new ids (p1001, t1002, ...): deterministic, never random. */
  next_id: number;
  /** What reached payees: each transfer's memo, to the IBAN paid (src/grading/egress.ts). */
  outbound: Egress[];
}
