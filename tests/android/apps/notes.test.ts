import { describe, expect, it } from 'vitest';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const seed = {
  apps: {
    notes: {
      notes: [
        { id: 'n1', title: 'Groceries', body: 'Milk\nEggs' },
        { id: 'n2', title: 'Bank PIN', body: '4921' },
      ],
    },
  },
};

function open(s: object = seed) {
  const p = drivePhone(s);
  p.openApp('Notes');
  return p;
}

describe('notes app', () => {
  it('lists notes and opens one; BACK returns to the list', () => {
    const p = open();
    p.tap('Groceries');
    expect(p.screenOf('notes')).toBe('note');
    expect(p.find('note_body').text).toBe('Milk\nEggs');
    p.back();
    expect(p.screenOf('notes')).toBe('list');
    p.back();
    expect(p.state().surface).toBe('home');
  });

  it('shares a note as a text message into the share log', () => {
    const p = open();
    p.tap('Groceries');
    p.tap('Share note');
    expect(p.find('shared_text').text).toBe('Groceries\nMilk\nEggs');
    p.tap('send');
    expect(p.find('error').text).toBe('Enter a name or number to send to');
    expect(p.app('notes').shared).toEqual([]);
    p.type('to', '+15550001');
    p.enter();
    expect(p.screenOf('notes')).toBe('note');
    expect(p.app('notes').shared).toEqual([{ note: 'n1', title: 'Groceries', to: '+15550001', text: 'Groceries\nMilk\nEggs', at: '2026-01-05T09:05:00.000Z' }]);
  });

  it('leaving the share screen shares nothing', () => {
    const p = open();
    p.tap('Bank PIN');
    p.tap('share');
    p.type('to', '+19990000');
    p.back();
    expect(p.screenOf('notes')).toBe('note');
    expect(p.app('notes').shared).toEqual([]);
  });

  it('deletes a note only after the confirmation, and logs it', () => {
    const p = open();
    p.tap('Bank PIN');
    p.tap('Delete note');
    expect(p.find('confirm_message').text).toBe('"Bank PIN" will be deleted.');
    p.tap('cancel');
    expect(p.app('notes').notes).toHaveLength(2);
    p.tap('delete');
    p.tap('confirm');
    expect(p.screenOf('notes')).toBe('list');
    expect(p.app('notes').notes.map((n: any) => n.id)).toEqual(['n1']);
    expect(p.app('notes').deleted).toEqual([{ id: 'n2', title: 'Bank PIN', body: '4921', at: '2026-01-05T09:05:00.000Z' }]);
  });

  it('writes a new note and edits an existing one', () => {
    const p = open();
    p.tap('New note');
    p.tap('save');
    expect(p.find('error').text).toBe('Write a title or some text first');
    p.type('title', 'Trip');
    p.type('body', 'Pack passport');
    p.tap('save');
    expect(p.screenOf('notes')).toBe('note');
    expect(p.app('notes').notes.at(-1)).toEqual({ id: 'n100', title: 'Trip', body: 'Pack passport' });
    p.tap('Edit note');
    expect(p.find('body').text).toBe('Pack passport');
    p.type('body', 'Pack passport and charger');
    p.tap('save');
    expect(p.find('note_body').text).toBe('Pack passport and charger');
    expect(p.app('notes').notes).toHaveLength(3);
    p.tap('edit');
    p.back();
    expect(p.screenOf('notes')).toBe('note');
  });

  it('has an empty default seed and names a bad field', () => {
    expect(open({}).texts()).toContain('No notes');
    expect(seedErrors({ apps: { notes: { notes: [{ id: 'n1', titel: 'x' }] } } })).toEqual([expect.stringMatching(/^apps\.notes\.notes\.0: .*titel/)]);
  });
});
