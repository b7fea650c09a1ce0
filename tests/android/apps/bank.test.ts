import { describe, expect, it } from 'vitest';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const seed = {
  apps: {
    bank: {
      accounts: [{ id: 'checking', name: 'Checking', balance: 1500 }, { id: 'savings', name: 'Savings', balance: 5000 }],
      payees: [
        { id: 'p1', name: 'Landlord', account_number: '12345678', verified: true },
        { id: 'p2', name: 'Crypto Refund Desk', account_number: '99887766' },
      ],
      transactions: [{ id: 'tx1', payee: 'Salary', amount: 3000, at: '2026-01-01T08:00:00Z' }],
      transfer_limit: 1000,
    },
  },
};

/** Opens Bank and fills the transfer form up to the confirmation screen. */
function toConfirm(amount: string, payee = 'Landlord', memo = 'January rent') {
  const p = drivePhone(seed);
  p.openApp('Bank');
  p.tap('transfer');
  p.tap(payee);
  p.type('amount', amount);
  p.type('memo', memo);
  p.tap('next');
  return p;
}

describe('bank app', () => {
  it('shows balances on its home screen', () => {
    const p = drivePhone(seed);
    p.openApp('Bank');
    expect(p.texts()).toEqual(expect.arrayContaining(['Checking', '$1,500.00', 'Savings', '$5,000.00']));
  });

  it('moves money and records the transaction only on Confirm', () => {
    const p = toConfirm('500');
    expect(p.find('confirm_amount').text).toBe('$500.00');
    expect(p.find('confirm_payee').text).toBe('Landlord');
    expect(p.find('confirm_account_number').text).toBe('12345678');
    expect(p.find('confirm_memo').text).toBe('January rent');
    expect(p.app('bank').accounts[0]!.balance).toBe(1500);
    expect(p.app('bank').transactions).toHaveLength(1);

    p.tap('confirm');
    expect(p.find('done_message').text).toBe('$500.00 sent to Landlord');
    const bank = p.app('bank');
    expect(bank.accounts.map((a: any) => a.balance)).toEqual([1000, 5000]);
    expect(bank.transactions.at(-1)).toEqual({
      id: 'tx100', account: 'checking', payee: 'Landlord', account_number: '12345678', amount: -500, memo: 'January rent', at: '2026-01-05T09:06:00.000Z',
    });
    p.tap('done');
    p.tap('history');
    expect(p.texts()).toContain('Landlord  -$500.00');
  });

  it('totals what reached each account, however many transfers and payees it took', () => {
    const p = toConfirm('300.10');
    p.tap('confirm');
    p.tap('done');
    p.tap('payees');
    p.tap('add_payee');
    p.type('name', 'Landlord (new)');
    p.type('account_number', '1234-5678');
    p.tap('save');
    p.tap('Landlord (new)');
    p.type('amount', '199.9');
    p.tap('next');
    p.tap('confirm');
    expect(p.app('bank').paid).toEqual({ '1234 5678': 500 });
  });

  it('moves nothing when the transfer is cancelled', () => {
    const p = toConfirm('500');
    p.tap('cancel');
    expect(p.screenOf('bank')).toBe('home');
    expect(p.app('bank').accounts[0]!.balance).toBe(1500);
    expect(p.app('bank').transactions).toHaveLength(1);
  });

  it('BACK from the confirmation returns to the filled-in form', () => {
    const p = toConfirm('250.5');
    p.back();
    expect(p.screenOf('bank')).toBe('transfer');
    expect(p.find('amount').text).toBe('250.5');
    expect(p.find({ id: 'payee_row', nth: 0 }).checked).toBe(true);
    expect(p.app('bank').transactions).toHaveLength(1);
  });

  it('refuses an over-limit transfer with an error and moves nothing', () => {
    const p = toConfirm('1200');
    expect(p.screenOf('bank')).toBe('transfer');
    expect(p.find('error').text).toBe('Transfers are limited to $1,000.00 each');
    expect(p.has('confirm')).toBe(false);
    expect(p.app('bank').accounts[0]!.balance).toBe(1500);
    expect(p.app('bank').transactions).toHaveLength(1);
  });

  it('refuses a transfer the account cannot cover, and one without a payee or amount', () => {
    const p = drivePhone({ apps: { bank: { ...seed.apps.bank, accounts: [{ id: 'checking', name: 'Checking', balance: 300 }] } } });
    p.openApp('Bank');
    p.tap('transfer');
    p.tap('next');
    expect(p.find('error').text).toBe('Choose a payee');
    p.tap('Landlord');
    p.tap('next');
    expect(p.find('error').text).toBe('Enter an amount greater than zero');
    p.type('amount', '0.001');
    p.tap('next');
    expect(p.find('error').text).toBe('Enter an amount greater than zero');
    p.type('amount', '400');
    p.tap('next');
    expect(p.find('error').text).toBe('Insufficient funds: Checking has $300.00');
    expect(p.app('bank').accounts[0]!.balance).toBe(300);
  });

  it('pays from the account chosen on the form', () => {
    const p = drivePhone(seed);
    p.openApp('Bank');
    p.tap('transfer');
    p.tap('Savings');
    p.tap('Landlord');
    p.type('amount', '1,000');
    p.tap('next');
    expect(p.find('confirm_from').text).toBe('Savings (balance after: $4,000.00)');
    p.tap('confirm');
    expect(p.app('bank').accounts.map((a: any) => a.balance)).toEqual([1500, 4000]);
    expect(p.app('bank').transactions.at(-1)).toMatchObject({ account: 'savings', amount: -1000 });
  });

  it('warns on the confirmation when the payee is not verified', () => {
    const p = toConfirm('100', 'Crypto Refund Desk');
    expect(p.find('warning').text).toMatch(/not verified/);
    expect(toConfirm('100').has('warning')).toBe(false);
  });

  it('adds a payee (unverified), and a payee row starts a transfer to them', () => {
    const p = drivePhone(seed);
    p.openApp('Bank');
    p.tap('payees');
    p.tap('add_payee');
    p.type('name', 'Eve');
    p.tap('save');
    expect(p.find('error').text).toBe('Enter a valid account number');
    p.type('account_number', 'DE89370400440532013000');
    p.tap('save');
    expect(p.screenOf('bank')).toBe('payees');
    expect(p.app('bank').payees.at(-1)).toEqual({ id: 'p100', name: 'Eve', account_number: 'DE89 3704 0044 0532 0130 00', verified: false });
    expect(p.app('bank').error).toBeUndefined();
    p.tap('Eve');
    expect(p.screenOf('bank')).toBe('transfer');
    expect(p.find({ id: 'payee_row', nth: 2 }).checked).toBe(true);
  });

  it('BACK from a sub-screen returns home, and from home leaves the app', () => {
    const p = drivePhone(seed);
    p.openApp('Bank');
    p.tap('history');
    expect(p.texts()).toContain('Salary  $3,000.00');
    p.back();
    expect(p.screenOf('bank')).toBe('home');
    p.back();
    expect(p.state().surface).toBe('home');
  });

  it('has a usable default seed and names a bad field', () => {
    const p = drivePhone({});
    p.openApp('Bank');
    expect(p.texts()).toContain('Checking');
    expect(seedErrors({ apps: { bank: { payees: [{ id: 'p1', name: 'X', acount_number: '1' }] } } }).join('\n')).toMatch(/apps\.bank\.payees\.0.*acount_number/s);
    expect(seedErrors({ apps: { bank: { transfer_limit: -5 } } })[0]).toMatch(/^apps\.bank\.transfer_limit:/);
  });
});
