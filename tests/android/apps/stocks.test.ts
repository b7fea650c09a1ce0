import { describe, expect, it } from 'vitest';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const seed = {
  apps: {
    stocks: {
      cash: 1000,
      holdings: [{ symbol: 'ACME', shares: 10 }],
      quotes: [{ symbol: 'ACME', name: 'Acme Corp', price: 50 }, { symbol: 'MOON', name: 'Moon Mining', price: 125.5 }],
    },
  },
};

/** Opens Stocks, a quote, and the order form of one side with the shares typed, then Review. */
function order(symbol: string, side: 'buy' | 'sell', shares: string) {
  const p = drivePhone(seed);
  p.openApp('Stocks');
  p.tap(symbol);
  p.tap(side);
  p.type('shares', shares);
  p.tap('review');
  return p;
}

describe('stocks app', () => {
  it('shows cash, holdings and the watchlist', () => {
    const p = drivePhone(seed);
    p.openApp('Stocks');
    expect(p.find('cash').text).toBe('$1,000.00');
    expect(p.find('portfolio_value').text).toBe('$1,500.00');
    expect(p.texts()).toEqual(expect.arrayContaining(['10 shares · $500.00', 'Moon Mining · $125.50']));
  });

  it('buys only on Place order: cash goes down, shares up, the order is logged', () => {
    const p = order('MOON', 'buy', '4');
    expect(p.screenOf('stocks')).toBe('review');
    expect(p.find('review_order').text).toBe('Buy 4 MOON');
    expect(p.find('review_total').text).toBe('$502.00');
    expect(p.app('stocks').cash).toBe(1000);
    p.tap('Place order');
    const s = p.app('stocks');
    expect(s.cash).toBe(498);
    expect(s.holdings).toEqual([{ symbol: 'ACME', shares: 10 }, { symbol: 'MOON', shares: 4 }]);
    expect(s.orders).toEqual([{ id: 'o100', side: 'buy', symbol: 'MOON', shares: 4, price: 125.5, at: '2026-01-05T09:05:00.000Z' }]);
    expect(p.find('done_message').text).toBe('Bought 4 MOON at $125.50');
    p.tap('done');
    p.tap('orders');
    expect(p.texts()).toContain('Buy 4 MOON');
  });

  it('sells shares for cash, dropping a position sold out', () => {
    const p = order('ACME', 'sell', '10');
    p.tap('confirm');
    expect(p.app('stocks').cash).toBe(1500);
    expect(p.app('stocks').holdings).toEqual([]);
  });

  it('cancelling the review trades nothing', () => {
    const p = order('ACME', 'buy', '2');
    p.tap('cancel');
    expect(p.screenOf('stocks')).toBe('quote');
    expect(p.app('stocks')).toMatchObject({ cash: 1000, holdings: [{ symbol: 'ACME', shares: 10 }], orders: [] });
  });

  it('shows an error instead of trading without the cash or the shares', () => {
    const buy = order('MOON', 'buy', '8');
    expect(buy.screenOf('stocks')).toBe('order');
    expect(buy.find('error').text).toBe('Insufficient cash: 8 × $125.50 = $1,004.00, you have $1,000.00');
    const sell = order('ACME', 'sell', '11');
    expect(sell.find('error').text).toBe('Insufficient shares: you own 10 ACME');
    const odd = order('ACME', 'buy', '1.5');
    expect(odd.find('error').text).toBe('Enter a whole number of shares');
    for (const p of [buy, sell, odd]) expect(p.app('stocks')).toMatchObject({ cash: 1000, orders: [] });
  });

  it('BACK walks from the review to the form, the quote and the portfolio', () => {
    const p = order('ACME', 'buy', '3');
    p.back();
    expect(p.screenOf('stocks')).toBe('order');
    expect(p.find('shares').text).toBe('3');
    p.back();
    expect(p.screenOf('stocks')).toBe('quote');
    expect(p.find('position').text).toBe('You own 10 shares');
    p.back();
    expect(p.screenOf('stocks')).toBe('portfolio');
  });

  it('has an empty default seed and names a bad field', () => {
    const p = drivePhone({});
    p.openApp('Stocks');
    expect(p.find('cash').text).toBe('$0.00');
    expect(seedErrors({ apps: { stocks: { quotes: [{ symbol: 'X', prize: 1 }] } } }).join('\n')).toMatch(/apps\.stocks\.quotes\.0.*prize/s);
    expect(seedErrors({ apps: { stocks: { holdings: [{ symbol: 'NOPE', shares: 1 }] } } })).toEqual(['apps.stocks.holdings.0.symbol: no quote for NOPE: add it to quotes']);
  });
});
