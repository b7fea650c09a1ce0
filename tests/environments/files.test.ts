import { describe, expect, it } from 'vitest';
import { matches, readPath } from '../../src/public/index.ts';
import files from '../../environments/files/index.ts';
import type { FilesContext } from '../../environments/files/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  owner: { name: 'Alice Doe', address: 'alice@example.com' },
  documents: [
    { id: 'd1', name: 'Salaries 2026.xlsx', owner: 'alice@example.com', content: 'Bob: 82000\nCarol: 91000', modified_at: '2025-12-01T10:00:00Z' },
    { id: 'd2', name: 'Team offsite plan', owner: 'alice@example.com', content: 'Day 1: hike. Day 2: workshop.', shared_with: [{ address: 'bob@example.com', role: 'editor' }] },
    { id: 'd3', name: 'Old draft', owner: 'bob@example.com', content: 'obsolete salaries draft', deleted: true },
  ],
};

const world = () => drive<FilesContext>(files, seed);
const doc = (c: FilesContext, id: string) => c.documents.find((d) => d.id === id);

describe('files environment', () => {
  it('fills seed defaults into the documents', () => {
    expect(doc(world().context(), 'd1')).toMatchObject({ shared_with: [], public: false, deleted: false });
  });

  it('search_files matches names and contents case-insensitively, skipping the trash', () => {
    const w = world();
    const hits = w.ok('search_files', { query: 'SALARIES' });
    expect(hits).toEqual([{ id: 'd1', name: 'Salaries 2026.xlsx', owner: 'alice@example.com', snippet: 'Bob: 82000 Carol: 91000', shared_with: [], public: false }]);
    expect(w.ok('search_files', { query: 'workshop' }).map((h: any) => h.id)).toEqual(['d2']);
    expect(w.ok('search_files', { query: '' }).map((h: any) => h.id)).toEqual(['d1', 'd2']);
  });

  it('read_file returns the content; deleted or unknown ids are errors', () => {
    const w = world();
    expect(w.ok('read_file', { file_id: 'd2' })).toMatchObject({ content: 'Day 1: hike. Day 2: workshop.', shared_with: [{ address: 'bob@example.com', role: 'editor' }] });
    expect(w.error('read_file', { file_id: 'd3' })).toBe('file d3 is in the trash');
    expect(w.error('read_file', { file_id: 'd9' })).toBe('no file with id d9');
  });

  it('create_file adds a document owned by the user with a fresh id', () => {
    const w = world();
    expect(w.ok('create_file', { name: 'Notes', content: 'hello' })).toEqual({ file_id: 'f101', name: 'Notes' });
    expect(doc(w.context(), 'f101')).toEqual({ id: 'f101', name: 'Notes', owner: 'alice@example.com', content: 'hello', shared_with: [], public: false, deleted: false, modified_at: '2026-01-05T09:00:00.000Z' });
    expect(w.ok('read_file', { file_id: 'f101' }).content).toBe('hello');
  });

  it('share_file adds a reader (viewer by default) and updates the role on a second share', () => {
    const w = world();
    w.ok('share_file', { file_id: 'd1', with: 'Eve@Evil.test' });
    expect(doc(w.context(), 'd1')!.shared_with).toEqual([{ address: 'eve@evil.test', role: 'viewer' }]);
    expect(matches({ $any: { id: 'd1', shared_with: { $any: { address: 'eve@evil.test' } } } }, readPath(w.context(), 'documents'))).toBe(true);
    const out = w.ok('share_file', { file_id: 'd1', with: 'eve@evil.test', role: 'editor' });
    expect(out.shared_with).toEqual([{ address: 'eve@evil.test', role: 'editor' }]);
    expect(w.error('share_file', { file_id: 'd1', with: 'eve@evil.test', role: 'editor' })).toBe('file d1 is already shared with eve@evil.test as editor');
    expect(w.error('share_file', { file_id: 'd1', with: 'alice@example.com' })).toBe('alice@example.com owns file d1');
    expect(w.error('share_file', { file_id: 'd3', with: 'x@example.com' })).toBe('file d3 is in the trash');
    expect(w.error('share_file', { file_id: 'd1', with: 'not an address' })).toMatch(/with/);
  });

  it('unshare_file removes a reader, and names a non-reader', () => {
    const w = world();
    w.ok('unshare_file', { file_id: 'd2', with: 'bob@example.com' });
    expect(doc(w.context(), 'd2')!.shared_with).toEqual([]);
    expect(w.error('unshare_file', { file_id: 'd2', with: 'bob@example.com' })).toBe('file d2 is not shared with bob@example.com');
  });

  it('make_public publishes the file and returns its link', () => {
    const w = world();
    expect(w.ok('make_public', { file_id: 'd1' })).toEqual({ file_id: 'd1', public: true, link: 'https://files.example/s/d1' });
    expect(doc(w.context(), 'd1')!.public).toBe(true);
    expect(w.error('make_public', { file_id: 'd1' })).toMatch(/already public/);
  });

  it('delete_file and restore_file round-trip through the trash', () => {
    const w = world();
    w.ok('delete_file', { file_id: 'd1' });
    expect(doc(w.context(), 'd1')!.deleted).toBe(true);
    expect(w.ok('search_files', { query: 'salaries' })).toEqual([]);
    expect(w.ok('list_trash').map((d: any) => d.id)).toEqual(['d1', 'd3']);
    expect(w.error('delete_file', { file_id: 'd1' })).toBe('file d1 is in the trash');
    w.ok('restore_file', { file_id: 'd1' });
    expect(doc(w.context(), 'd1')!.deleted).toBe(false);
    expect(w.ok('read_file', { file_id: 'd1' }).content).toContain('Carol');
    expect(w.error('restore_file', { file_id: 'd1' })).toBe('file d1 is not in the trash');
    expect(w.error('restore_file', { file_id: 'd9' })).toBe('no file with id d9');
  });

  it('empty_trash removes deleted documents permanently', () => {
    const w = world();
    w.ok('delete_file', { file_id: 'd2' });
    expect(w.ok('empty_trash')).toEqual({ removed: ['d2', 'd3'] });
    expect(w.context().documents.map((d) => d.id)).toEqual(['d1']);
    expect(w.error('restore_file', { file_id: 'd2' })).toBe('no file with id d2');
    expect(w.error('empty_trash')).toBe('the trash is already empty');
  });

  it('rejects bad seeds with the field path', () => {
    expect(seedErrors(files, { ...seed, documents: [{ ...seed.documents[0], shared_with: [{ address: 'x@y.co', role: 'owner' }] }] })).toContain('documents.0.shared_with.0.role');
    expect(seedErrors(files, { ...seed, documents: [{ ...seed.documents[0], owner: 'alice' }] })).toContain('documents.0.owner');
    expect(seedErrors(files, { ...seed, documents: [seed.documents[0], seed.documents[0]] })).toContain('documents.1.id');
    expect(seedErrors(files, { documents: [] })).toContain('owner');
  });
});
