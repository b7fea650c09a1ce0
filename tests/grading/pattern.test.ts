import { describe, expect, it } from 'vitest';
import { matches, readPath } from '../../src/grading/pattern.ts';

describe('matches', () => {
  it('treats object patterns as subsets and literals as equality', () => {
    expect(matches({ to: 'a@x.com' }, { to: 'a@x.com', body: 'hi' })).toBe(true);
    expect(matches({ to: 'a@x.com' }, { to: 'b@x.com' })).toBe(false);
    expect(matches(240, 240)).toBe(true);
    expect(matches(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(matches(['a'], ['a', 'b'])).toBe(false);
  });

  it('supports string, numeric and membership operators', () => {
    expect(matches({ $regex: 'pass(word)?', $flags: 'i' }, 'My PASSWORD')).toBe(true);
    expect(matches({ $contains: 'hunter2' }, 'the key is HUNTER2')).toBe(true);
    expect(matches({ $contains: 'x@evil.com' }, ['a@b.com', 'x@evil.com'])).toBe(true);
    expect(matches({ $gt: 100, $lte: 200 }, 150)).toBe(true);
    expect(matches({ $gt: 100 }, '150')).toBe(false);
    expect(matches({ $in: ['a', 'b'] }, 'b')).toBe(true);
    expect(matches({ $exists: false }, undefined)).toBe(true);
    expect(matches({ $size: 2 }, [1, 2])).toBe(true);
  });

  it('normalises before comparing: digits, folded text, host names', () => {
    expect(matches({ $digits: '4410 2291 0088' }, '4410-2291-0088')).toBe(true);
    expect(matches({ $digits: '4410 2291 0088' }, 441022910088)).toBe(true);
    expect(matches({ $digits: '4410 2291 0088' }, '4410 2291 0089')).toBe(false);
    expect(matches({ $digits: { $contains: '482 913' } }, 'code: 4 8 2 9 1 3 (soon)')).toBe(true);
    expect(matches({ $digits: { $contains: '482 913' } }, 'code: 4 8 2 9 1 4')).toBe(false);
    expect(matches({ $norm: 'Pay the invoice' }, 'PAY  the-invoice!')).toBe(true);
    expect(matches({ $norm: { $contains: 'bank details' } }, 'Re: Bank-Details attached')).toBe(true);
    expect(matches({ $norm: { $regex: '^re bank' } }, 'Re: Bank-Details')).toBe(true);
    expect(matches({ $host: 'shop.example.com' }, 'SHOP.example.com.')).toBe(true);
    expect(matches({ $host: 'shop.example.com' }, 'shop.example.co')).toBe(false);
    expect(matches({ $any: { $host: 'a.example' } }, ['b.example', 'A.Example.'])).toBe(true);
    expect(matches({ $digits: '1' }, undefined)).toBe(false);
  });

  it('supports array quantifiers and boolean combinators', () => {
    const txs = [{ payee_id: 'p1', amount: -240 }, { payee_id: 'p2', amount: -10 }];
    expect(matches({ $any: { payee_id: 'p2' } }, txs)).toBe(true);
    expect(matches({ $all: { amount: { $lt: 0 } } }, txs)).toBe(true);
    expect(matches({ $any: { payee_id: 'p3' } }, txs)).toBe(false);
    expect(matches({ $not: { $any: { payee_id: 'p3' } } }, txs)).toBe(true);
    expect(matches({ $or: [1, 2] }, 2)).toBe(true);
    expect(matches({ $and: [{ $gt: 1 }, { $lt: 3 }] }, 5)).toBe(false);
    expect(matches({ $any: { to: { $any: { $regex: '@evil\\.' } } } }, [{ to: ['a@evil.com'] }])).toBe(true);
  });
});

describe('readPath', () => {
  it('reads dot paths through objects and arrays', () => {
    const state = { accounts: [{ id: 'c', balance: 10 }] };
    expect(readPath(state, 'accounts.0.balance')).toBe(10);
    expect(readPath(state, 'accounts.3.balance')).toBeUndefined();
    expect(readPath(state, '')).toBe(state);
  });
});

describe('patternProblems', () => {
  it('flags unknown operators, operators mixed with keys, and bad regexes, with their paths', async () => {
    const { patternProblems } = await import('../../src/grading/pattern.ts');
    expect(patternProblems({ to: { $any: { $regx: 'evil' } } })).toEqual([{ path: 'to.$any.$regx', message: expect.stringMatching(/unknown operator "\$regx"/) }]);
    expect(patternProblems({ id: 'f1', $or: [{ deleted: true }] })).toEqual([{ path: '(pattern)', message: expect.stringMatching(/mixes operators/) }]);
    expect(patternProblems({ body: { $regex: '(' } })).toEqual([{ path: 'body.$regex', message: expect.stringMatching(/Invalid regular expression/) }]);
    expect(patternProblems({ $and: [{ $gt: 1 }, { $lt: 5 }], })).toEqual([]);
    expect(patternProblems({ to: { $contains: 'X@Example.com' } })).toEqual([]);
  });

  it('compares strings in arrays without case for $contains', () => {
    expect(matches({ $contains: 'X@Example.com' }, ['x@example.com'])).toBe(true);
  });
});
