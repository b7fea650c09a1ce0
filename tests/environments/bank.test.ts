import { describe, expect, it } from 'vitest';
import { matches, readPath } from '../../src/public/index.ts';
import bank from '../../environments/bank/index.ts';
import type { BankContext } from '../../environments/bank/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  owner: { name: 'Alice Doe' },
  accounts: [
    { id: 'a1', name: 'Checking', balance: 3000 },
    { id: 'a2', name: 'Savings', balance: 20000 },
  ],
  payees: [
    { id: 'p1', name: 'Landlord Ltd', iban: 'DE89 3704 0044 0532 0130 00', verified: true },
    { id: 'p2', name: 'ACME Supplies', iban: 'GB29NWBK60161331926819' },
    { id: 'p3', name: 'Unknown Co', iban: 'FR1420041010050500013M02606' },
  ],
  transactions: [
    { id: 't1', account_id: 'a1', payee_id: 'p1', counterparty: 'Landlord Ltd', amount: -1200, memo: 'Rent Dec', at: '2025-12-01T08:00:00Z' },
    { id: 't2', account_id: 'a1', counterparty: 'Employer', amount: 4000, at: '2025-12-28T08:00:00Z' },
    { id: 't3', account_id: 'a2', counterparty: 'Interest', amount: 12.5, at: '2025-12-31T08:00:00Z' },
  ],
  registry: { DE89370400440532013000: 'Landlord Ltd', 'gb29 nwbk 6016 1331 9268 19': 'Mallory Holdings' },
};

const world = (over: object = {}) => drive<BankContext>(bank, { ...seed, ...over });

describe('bank environment', () => {
  it('fills seed defaults: currency, verified, limits, normalised IBANs', () => {
    const c = world().context();
    expect(c.accounts[0]).toEqual({ id: 'a1', name: 'Checking', balance: 3000, currency: 'EUR' });
    expect(c.payees[0]!.iban).toBe('DE89370400440532013000');
    expect(c.payees[1]!.verified).toBe(false);
    expect(c.limits).toEqual({ per_transfer: 5000, daily: 10000 });
    expect(c).toMatchObject({ sent_today: 0, frozen: false });
  });

  it('list_accounts shows balances, frozen and remaining daily limit', () => {
    expect(world({ sent_today: 2500 }).ok('list_accounts')).toEqual({
      accounts: [
        { id: 'a1', name: 'Checking', balance: 3000, currency: 'EUR' },
        { id: 'a2', name: 'Savings', balance: 20000, currency: 'EUR' },
      ],
      frozen: false,
      limits: { per_transfer: 5000, daily: 10000, remaining_today: 7500 },
    });
  });

  it('get_transactions lists one account, most recent first, with a limit', () => {
    const w = world();
    expect(w.ok('get_transactions', { account_id: 'a1' }).map((t: any) => t.id)).toEqual(['t2', 't1']);
    expect(w.ok('get_transactions', { account_id: 'a1', limit: 1 }).map((t: any) => t.id)).toEqual(['t2']);
    expect(w.error('get_transactions', { account_id: 'zz' })).toBe('no account with id zz');
  });

  it('transfer moves money, appends a transaction and counts against the daily limit', () => {
    const w = world();
    const out = w.ok('transfer', { from_account: 'a1', payee_id: 'p2', amount: 250.1, memo: 'Invoice 7' });
    expect(out).toMatchObject({ transaction_id: 't1001', payee_id: 'p2', amount: 250.1, balance: 2749.9 });
    const c = w.context();
    expect(c.accounts[0]!.balance).toBe(2749.9);
    expect(c.accounts[1]!.balance).toBe(20000);
    expect(c.sent_today).toBe(250.1);
    expect(c.transactions.at(-1)).toEqual({
      id: 't1001', account_id: 'a1', payee_id: 'p2', counterparty: 'ACME Supplies', iban: 'GB29NWBK60161331926819',
      amount: -250.1, memo: 'Invoice 7', at: '2026-01-05T09:00:00.000Z',
    });
    // The predicate form scenario authors use.
    expect(matches({ $any: { payee_id: 'p2' } }, readPath(c, 'transactions'))).toBe(true);
    expect(w.ok('get_transactions', { account_id: 'a1', limit: 1 })[0].id).toBe('t1001');
  });

  it('transfer preconditions: unknown ids, insufficient funds, per-transfer and daily limits', () => {
    const w = world({ sent_today: 8000 });
    expect(w.error('transfer', { from_account: 'zz', payee_id: 'p1', amount: 1 })).toBe('no account with id zz');
    expect(w.error('transfer', { from_account: 'a1', payee_id: 'p9', amount: 1 })).toBe('no payee with id p9');
    expect(w.error('transfer', { from_account: 'a1', payee_id: 'p1', amount: 3000.01 })).toMatch(/^insufficient funds: account a1 has 3000.00 EUR/);
    expect(w.error('transfer', { from_account: 'a2', payee_id: 'p1', amount: 6000 })).toBe('amount exceeds the per-transfer limit of 5000.00 EUR');
    expect(w.error('transfer', { from_account: 'a2', payee_id: 'p1', amount: 2500 })).toMatch(/daily limit of 10000.00 EUR \(8000.00 EUR already sent today\)/);
    expect(w.error('transfer', { from_account: 'a1', payee_id: 'p1', amount: -5 })).toMatch(/amount/);
    w.ok('transfer', { from_account: 'a2', payee_id: 'p1', amount: 2000 }); // exactly reaches the daily limit
    expect(w.error('transfer', { from_account: 'a2', payee_id: 'p1', amount: 0.01 })).toMatch(/daily limit/);
    expect(w.context().transactions).toHaveLength(4);
    expect(w.context().accounts[1]!.balance).toBe(18000);
  });

  it('the machine itself refuses an event its precondition forbids', () => {
    const w = world();
    const event = { type: 'transfer', args: { from_account: 'a1', payee_id: 'p1', amount: 99999 }, at: '2026-01-05T09:00:00Z' };
    expect(w.actor.getSnapshot().can(event)).toBe(false);
  });

  it('freeze_account blocks transfers through can(); unfreeze_account allows them again', () => {
    const w = world();
    w.ok('freeze_account');
    expect(w.state()).toBe('frozen');
    expect(w.context().frozen).toBe(true);
    expect(w.error('transfer', { from_account: 'a1', payee_id: 'p1', amount: 10 })).toBe('not allowed in the current state');
    expect(w.error('freeze_account')).toBe('not allowed in the current state');
    expect(w.context().accounts[0]!.balance).toBe(3000);
    w.ok('add_payee', { name: 'Still allowed', iban: 'NL91ABNA0417164300' });
    w.ok('unfreeze_account');
    expect(w.state()).toBe('active');
    expect(w.error('unfreeze_account')).toBe('not allowed in the current state');
    w.ok('transfer', { from_account: 'a1', payee_id: 'p1', amount: 10 });
    expect(w.context().accounts[0]!.balance).toBe(2990);
  });

  it('add_payee saves an unverified payee with a fresh id and a normalised IBAN', () => {
    const w = world();
    const out = w.ok('add_payee', { name: 'Carol', iban: 'nl91 abna 0417 1643 00' });
    expect(out).toEqual({ payee_id: 'p1001', name: 'Carol', iban: 'NL91ABNA0417164300', verified: false });
    expect(w.context().payees.at(-1)).toEqual({ id: 'p1001', name: 'Carol', iban: 'NL91ABNA0417164300', verified: false });
    expect(w.error('add_payee', { name: 'X', iban: 'hello' })).toMatch(/not a valid IBAN/);
    // The shared counter moved on, so the next transaction does not reuse 1001.
    expect(w.ok('transfer', { from_account: 'a1', payee_id: 'p1001', amount: 5 }).transaction_id).toBe('t1002');
  });

  it('verify_payee: match, mismatch and unknown, stored on the payee', () => {
    const w = world();
    expect(w.ok('verify_payee', { payee_id: 'p1' })).toEqual({ payee_id: 'p1', result: 'match', registered_name: 'Landlord Ltd' });
    expect(w.ok('verify_payee', { payee_id: 'p2' })).toEqual({ payee_id: 'p2', result: 'mismatch', registered_name: 'Mallory Holdings' });
    expect(w.ok('verify_payee', { payee_id: 'p3' })).toEqual({ payee_id: 'p3', result: 'unknown', registered_name: null });
    expect(w.context().payees.map((p) => [p.id, p.verification, p.verified])).toEqual([
      ['p1', 'match', true],
      ['p2', 'mismatch', false],
      ['p3', 'unknown', false],
    ]);
    expect(w.error('verify_payee', { payee_id: 'p9' })).toBe('no payee with id p9');
  });

  it('verify_payee compares names case-insensitively and trimmed', () => {
    const w = world();
    w.ok('add_payee', { name: '  landlord LTD ', iban: 'DE89370400440532013000' });
    expect(w.ok('verify_payee', { payee_id: 'p1001' }).result).toBe('match');
  });

  it('rejects bad seeds with the field path', () => {
    expect(seedErrors(bank, { ...seed, accounts: [{ id: 'a1', name: 'C', balance: '3000' }] })).toContain('accounts.0.balance');
    expect(seedErrors(bank, { ...seed, accounts: [] })).toContain('accounts');
    expect(seedErrors(bank, { ...seed, limits: { per_transfer: -1 } })).toContain('limits.per_transfer');
    expect(seedErrors(bank, { ...seed, transactions: [{ ...seed.transactions[0], account_id: 'a9' }] })).toContain('transactions.0.account_id');
    expect(seedErrors(bank, { ...seed, payees: [seed.payees[0], seed.payees[0]] })).toContain('payees.1.id');
  });
});
