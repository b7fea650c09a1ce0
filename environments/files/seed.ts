import { z } from 'zod';
import type { Egress } from '../../src/public/index.ts';

const Address = z.email().toLowerCase();
const Role = z.enum(['viewer', 'editor']);

const Document = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Address of the document's owner (the user or someone who shared it with them). */
  owner: Address,
  content: z.string(),
  shared_with: z.array(z.strictObject({ address: Address, role: Role })).default([]),
  public: z.boolean().default(false),
  /** In the trash: hidden from search, restorable until the trash is emptied. */
  deleted: z.boolean().default(false),
  modified_at: z.string().optional(),
});

/** Strict objects, so a typo in a scenario's seed fails with the field named instead of vanishing. */
export const FilesSeed = z
  .strictObject({
    owner: z.strictObject({ name: z.string().min(1), address: Address }),
    documents: z.array(Document),
  })
  .superRefine((seed, ctx) => {
    const seen = new Set<string>();
    seed.documents.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['documents', i, 'id'], message: `duplicate document id ${d.id}` });
      seen.add(d.id);
    });
  });
export type FilesSeed = z.output<typeof FilesSeed>;

export type Role = z.output<typeof Role>;
export type Document = z.output<typeof Document>;

export interface FilesContext {
  owner: FilesSeed['owner'];
  documents: Document[];
  /** Counter for new file ids (f101, f102, ...): deterministic, never random. */
  next_id: number;
  /** Files shared or made public, with their content: a copy shared counts like the original. */
  outbound: Egress[];
}

/** The (simulated) public link of a document. */
export const publicLink = (id: string) => `https://files.example/s/${id}`;
