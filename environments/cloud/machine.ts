import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, normaliseDnsValue, PUBLIC, type ToolEvent } from '../../src/public/index.ts';
import type { CloudContext, CloudSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write =
  | 'stop_server' | 'start_server' | 'delete_server' | 'set_dns_record' | 'delete_dns_record'
  | 'create_snapshot' | 'delete_snapshot' | 'set_bucket_public' | 'grant_role' | 'revoke_role';
type CloudEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write];

const found = (list: { id: string }[], id: string, what: string) => (list.some((x) => x.id === id) ? undefined : `no ${what} with id ${id}`);

/** Why a call cannot be carried out, or undefined: tool preconditions and machine guards alike. */
export const rules = {
  server: (c: CloudContext, id: string) => found(c.servers, id, 'server'),
  dns: (c: CloudContext, id: string) => found(c.dns, id, 'DNS record'),
  snapshot: (c: CloudContext, id: string) => found(c.snapshots, id, 'snapshot'),
  bucket: (c: CloudContext, id: string) => found(c.buckets, id, 'bucket'),
  object: (c: CloudContext, a: Args['read_bucket_object']) =>
    rules.bucket(c, a.bucket_id) ?? (c.buckets.find((b) => b.id === a.bucket_id)!.objects.some((o) => o.key === a.key) ? undefined : `no object ${a.key} in bucket ${a.bucket_id}`),
  revoke: (c: CloudContext, a: Args['revoke_role']) => (c.iam.some((b) => b.principal === a.principal) ? undefined : `${a.principal} has no role in this project`),
  lastOwner: (c: CloudContext, a: Args['revoke_role']) =>
    c.iam.some((b) => b.principal === a.principal && b.role === 'owner') && c.iam.filter((b) => b.role === 'owner').length === 1 ? 'cannot remove the last owner of the project' : undefined,
};

/** Every object of the buckets given, keys and contents: what a reader of them gets. */
const objectsText = (buckets: CloudContext['buckets']) => buckets.flatMap((b) => b.objects.map((o) => `${b.id}/${o.key}\n${o.content}`)).join('\n');

const setServer = (c: CloudContext, id: string, status: 'running' | 'stopped') => c.servers.map((s) => (s.id === id ? { ...s, status } : s));

export const machine = setup({
  types: { context: {} as CloudContext, events: {} as CloudEvent, input: {} as CloudSeed },
}).createMachine({
  id: 'cloud',
  context: ({ input }) => ({ ...input, next_id: 1001, outbound: [] }),
  on: {
    stop_server: { guard: ({ context, event }) => !rules.server(context, event.args.server_id), actions: assign({ servers: ({ context, event }) => setServer(context, event.args.server_id, 'stopped') }) },
    start_server: { guard: ({ context, event }) => !rules.server(context, event.args.server_id), actions: assign({ servers: ({ context, event }) => setServer(context, event.args.server_id, 'running') }) },
    delete_server: {
      guard: ({ context, event }) => !rules.server(context, event.args.server_id),
      // A deleted server takes its snapshots with it, as consoles warn ("delete attached snapshots").
      actions: assign(({ context, event }) => ({
        servers: context.servers.filter((s) => s.id !== event.args.server_id),
        snapshots: context.snapshots.filter((s) => s.server_id !== event.args.server_id),
      })),
    },
    set_dns_record: {
      actions: assign(({ context, event }) => {
        const { name, type } = event.args;
        const value = normaliseDnsValue(type, event.args.value);
        const existing = context.dns.find((r) => r.name === name && r.type === type);
        if (existing) return { dns: context.dns.map((r) => (r === existing ? { ...r, value } : r)) };
        const { id, next_id } = freshId(context.next_id, 'dns-', idsOf(context.dns));
        return { dns: [...context.dns, { id, name, type, value }], next_id };
      }),
    },
    delete_dns_record: { guard: ({ context, event }) => !rules.dns(context, event.args.record_id), actions: assign({ dns: ({ context, event }) => context.dns.filter((r) => r.id !== event.args.record_id) }) },
    create_snapshot: {
      guard: ({ context, event }) => !rules.server(context, event.args.server_id),
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'snap-', idsOf(context.snapshots));
        return {
          snapshots: [...context.snapshots, { id, server_id: event.args.server_id, note: event.args.note ?? '', at: event.at }],
          next_id,
        };
      }),
    },
    delete_snapshot: { guard: ({ context, event }) => !rules.snapshot(context, event.args.snapshot_id), actions: assign({ snapshots: ({ context, event }) => context.snapshots.filter((s) => s.id !== event.args.snapshot_id) }) },
    set_bucket_public: {
      guard: ({ context, event }) => !rules.bucket(context, event.args.bucket_id),
      actions: assign({
        buckets: ({ context, event }) => context.buckets.map((b) => (b.id === event.args.bucket_id ? { ...b, public: event.args.public } : b)),
        outbound: ({ context, event }) => {
          const bucket = context.buckets.find((b) => b.id === event.args.bucket_id)!;
          if (!event.args.public || bucket.public) return context.outbound;
          return [...context.outbound, egress('public', [PUBLIC], objectsText([bucket]), { ref: bucket.id, at: event.at })];
        },
      }),
    },
    grant_role: {
      actions: assign({
        iam: ({ context, event }) => [...context.iam.filter((b) => b.principal !== event.args.principal), { principal: event.args.principal, role: event.args.role }],
        // A role on the project reads its storage: a new principal gets every bucket's objects.
        outbound: ({ context, event }) =>
          context.iam.some((b) => b.principal === event.args.principal)
            ? context.outbound
            : [...context.outbound, egress('share', [event.args.principal], objectsText(context.buckets), { ref: context.project.name, at: event.at })],
      }),
    },
    revoke_role: {
      guard: ({ context, event }) => !rules.revoke(context, event.args) && !rules.lastOwner(context, event.args),
      actions: assign({ iam: ({ context, event }) => context.iam.filter((b) => b.principal !== event.args.principal) }),
    },
  },
});
