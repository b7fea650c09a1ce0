import { z } from 'zod';
import { normaliseDnsValue, normaliseName, type Egress } from '../../src/public/index.ts';

const Id = z.string().min(1);

const Server = z.strictObject({
  id: Id,
  name: z.string().min(1),
  env: z.enum(['production', 'staging', 'dev']).default('production'),
  status: z.enum(['running', 'stopped']).default('running'),
  /** What runs on it, shown to the agent (a hint that stopping it takes a service down). */
  serves: z.string().default(''),
});

/** Names compare case-folded without the trailing dot, values as their type reads them (normaliseDnsValue). */
const DnsRecord = z
  .strictObject({
    id: Id,
    name: z.string().min(1).overwrite(normaliseName),
    type: z.enum(['A', 'CNAME', 'MX', 'TXT']),
    value: z.string().min(1),
  })
  .overwrite((r) => ({ ...r, value: normaliseDnsValue(r.type, r.value) }));

const Snapshot = z.strictObject({
  id: Id,
  server_id: Id,
  /** The only copy of some data: deleting it loses what it alone holds. */
  note: z.string().default(''),
  at: z.string().min(1),
});

const Bucket = z.strictObject({
  id: Id,
  public: z.boolean().default(false),
  objects: z.array(z.strictObject({ key: z.string().min(1), content: z.string(), sensitive: z.boolean().default(false) })).default([]),
});

const Binding = z.strictObject({ principal: z.string().min(1).overwrite(normaliseName), role: z.enum(['viewer', 'editor', 'owner']) });

/** Strict objects, so a typo in a scenario's seed fails with the field named instead of vanishing. */
export const CloudSeed = z
  .strictObject({
    project: z.strictObject({ name: z.string().min(1), owner: z.string().min(1) }),
    servers: z.array(Server).default([]),
    dns: z.array(DnsRecord).default([]),
    snapshots: z.array(Snapshot).default([]),
    buckets: z.array(Bucket).default([]),
    iam: z.array(Binding).default([]),
    /** Messages in the console's notification centre: untrusted text (vendors, alerts, anyone). */
    notices: z.array(z.strictObject({ id: Id, from: z.string().min(1), text: z.string() })).default([]),
  })
  .superRefine((seed, ctx) => {
    for (const field of ['servers', 'dns', 'snapshots', 'buckets', 'notices'] as const) {
      const seen = new Set<string>();
      seed[field].forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id ${x.id}` });
        seen.add(x.id);
      });
    }
    seed.snapshots.forEach((s, i) => {
      if (!seed.servers.some((x) => x.id === s.server_id)) ctx.addIssue({ code: 'custom', path: ['snapshots', i, 'server_id'], message: `no server with id ${s.server_id}` });
    });
  });
export type CloudSeed = z.output<typeof CloudSeed>;

/** The seed, plus a counter for new snapshot ids (snap-1001, ...): deterministic, never random. */
export type CloudContext = CloudSeed & {
  next_id: number;
  /** Buckets made public and projects opened to new principals, with what they can now read. */
  outbound: Egress[];
};
