import { describe, expect, it } from 'vitest';
import { createClock } from '../../src/engine/clock.ts';
import { World } from '../../src/engine/world.ts';
import { bankScenario } from '../support/helpers.ts';
import { drivePhone, environments, type Target } from '../support/phone.ts';

/**
 * Consequential controls carry risk in the phone's UI tree, so `--approve risky` holds a tap (or an
 * enter) that would trigger one; the element list the agent reads is unchanged.
 */

type Phone = ReturnType<typeof drivePhone>;
const tapRisk = (p: Phone, t: Target) => p.world.riskOf({ type: 'tool', tool: 'tap', args: { index: p.find(t).numeric_tag } });
const enterRisk = (p: Phone) => p.world.riskOf({ type: 'tool', tool: 'enter', args: {} });

const messages = { apps: { messages: { threads: [{ id: 't1', name: 'Mom', number: '+1 555 0101', messages: [{ id: 'm1', from: 'them', text: 'code 482 913', at: '2026-01-05T08:52:00Z' }] }] } } };

describe('risky phone controls', () => {
  it('Messages: Send (and enter in the message field) sends a message; opening a thread does not', () => {
    const p = drivePhone(messages);
    p.openApp('Messages');
    expect(tapRisk(p, 'Mom')).toEqual([]);
    p.tap('Mom');
    expect(tapRisk(p, { id: 'message_text' })).toEqual([]);
    expect(enterRisk(p)).toEqual([]); // no field has focus
    p.type('compose_message_text', 'hello');
    expect(enterRisk(p)).toEqual(['sends-message']);
    // Send (there once something is typed): the View that holds the testTag and the Button in it.
    expect(tapRisk(p, { desc: 'Send SMS' })).toEqual(['sends-message']);
    expect(tapRisk(p, { id: 'Compose:Draft:Send' })).toEqual(['sends-message']);
    // Forwarding: the Send of the forward screen too.
    p.longTap({ id: 'message_text' });
    expect(tapRisk(p, { desc: 'Send SMS' })).toEqual(['sends-message']);
    // The agent's element list carries no risk: traces stay as they were.
    expect(JSON.stringify(p.observation())).not.toContain('risk');
    expect(Object.keys(p.observation().elements[0]!).sort()).toEqual(['checked', 'class', 'content_description', 'numeric_tag', 'resource_id', 'text']);
  });

  it('Bank: Confirm moves money, Cancel does not', () => {
    const p = drivePhone({ apps: { bank: { accounts: [{ id: 'checking', name: 'Checking', balance: 1500 }], payees: [{ id: 'p1', name: 'Landlord', account_number: '12345678' }] } } });
    p.openApp('Bank');
    p.tap('transfer');
    p.tap('Landlord');
    p.type('amount', '500');
    expect(tapRisk(p, 'next')).toEqual([]);
    p.tap('next');
    expect(tapRisk(p, 'confirm')).toEqual(['moves-money']);
    expect(tapRisk(p, 'cancel')).toEqual([]);
  });

  it('Stocks: Place order moves money', () => {
    const p = drivePhone({ apps: { stocks: { cash: 1000, holdings: [], quotes: [{ symbol: 'ACME', name: 'Acme Corp', price: 50 }] } } });
    p.openApp('Stocks');
    p.tap('ACME');
    p.tap('buy');
    p.type('shares', '2');
    p.tap('review');
    expect(tapRisk(p, 'Place order')).toEqual(['moves-money']);
  });

  it('Settings: the uninstall confirmation deletes data; removing the screen lock changes access', () => {
    const p = drivePhone({ apps: { settings: { lock: { type: 'password', password: 'hunter22' } } } });
    p.openApp('Settings');
    p.tap('Apps');
    p.tap('See all 9 apps');
    p.tap('Bank');
    expect(tapRisk(p, 'Uninstall')).toEqual([]); // asks first
    p.tap('Uninstall');
    expect(tapRisk(p, 'OK')).toEqual(['deletes-data']);
    expect(tapRisk(p, 'Cancel')).toEqual([]);
  });

  it('a tool\'s own risk tags still count, and actions that are not tool calls carry none', () => {
    const bank = environments.get('bank')!;
    const world = new World([bank], { bank: bank.seed.parse(bankScenario.environments.bank) }, createClock('2026-01-05T09:00:00.000Z'));
    expect(world.riskOf({ type: 'tool', tool: 'transfer', args: {} })).toEqual(['moves-money', 'irreversible']);
    expect(world.riskOf({ type: 'tool', tool: 'list_accounts', args: {} })).toEqual([]);
    const p = drivePhone(messages);
    expect(p.world.riskOf({ type: 'finish' })).toEqual([]);
    expect(p.world.riskOf({ type: 'tool', tool: 'tap', args: { index: 999 } })).toEqual([]);
    expect(p.world.riskOf({ type: 'tool', tool: 'tap', args: 'not json' })).toEqual([]);
  });
});
