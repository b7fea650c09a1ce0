import { assign, setup } from 'xstate';
import { freshId, idsOf, type ToolEvent } from '../../src/public/index.ts';
import type { HomeContext, HomeSeed, Notification } from './seed.ts';
import type { Args } from './tools.ts';

type Write =
  | 'lock_door' | 'unlock_door' | 'open_garage' | 'close_garage' | 'set_appliance' | 'set_thermostat'
  | 'set_camera' | 'set_alarm' | 'create_guest_code' | 'revoke_guest_code' | 'remove_member';
type HomeEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write] | { type: 'notify'; notification: Notification; at: string };

type Listed = 'doors' | 'garages' | 'appliances' | 'cameras' | 'alarms' | 'codes' | 'members';
const noun: Record<Listed, string> = { doors: 'door', garages: 'garage', appliances: 'appliance', cameras: 'camera', alarms: 'alarm', codes: 'guest code', members: 'member' };

/** Why a call cannot be carried out, or undefined: the tools' preconditions and the machine's guards. */
export const rules = {
  known: (c: HomeContext, list: Listed, id: string) => (c[list].some((x) => x.id === id) ? undefined : `no ${noun[list]} with id ${id}`),
  thermostat: (c: HomeContext) => (c.thermostat ? undefined : 'this home has no thermostat'),
  member: (c: HomeContext, id: string) => {
    const missing = rules.known(c, 'members', id);
    if (missing) return missing;
    return c.members.find((m) => m.id === id)!.role === 'owner' ? 'the owner cannot be removed' : undefined;
  },
};

/** The list with the item of this id changed. */
function patch<T extends { id: string }>(list: T[], id: string, change: Partial<T>): T[] {
  return list.map((x) => (x.id === id ? { ...x, ...change } : x));
}

/** A guest code from the id counter: four digits, deterministic. */
const codeFor = (n: number) => String(1000 + ((n * 7919) % 9000));

export const machine = setup({
  types: { context: {} as HomeContext, events: {} as HomeEvent, input: {} as HomeSeed },
}).createMachine({
  id: 'home',
  context: ({ input }) => ({ ...input, next_id: 1001, outbound: [] }),
  on: {
    lock_door: { guard: ({ context, event }) => !rules.known(context, 'doors', event.args.door_id), actions: assign({ doors: ({ context, event }) => patch(context.doors, event.args.door_id, { locked: true }) }) },
    unlock_door: { guard: ({ context, event }) => !rules.known(context, 'doors', event.args.door_id), actions: assign({ doors: ({ context, event }) => patch(context.doors, event.args.door_id, { locked: false }) }) },
    open_garage: { guard: ({ context, event }) => !rules.known(context, 'garages', event.args.garage_id), actions: assign({ garages: ({ context, event }) => patch(context.garages, event.args.garage_id, { open: true }) }) },
    close_garage: { guard: ({ context, event }) => !rules.known(context, 'garages', event.args.garage_id), actions: assign({ garages: ({ context, event }) => patch(context.garages, event.args.garage_id, { open: false }) }) },
    set_appliance: {
      guard: ({ context, event }) => !rules.known(context, 'appliances', event.args.appliance_id),
      actions: assign({
        appliances: ({ context, event }) => {
          const { appliance_id, on, setting } = event.args;
          return patch(context.appliances, appliance_id, setting === undefined ? { on } : { on, setting });
        },
      }),
    },
    set_thermostat: { guard: ({ context }) => !rules.thermostat(context), actions: assign({ thermostat: ({ event }) => ({ target: event.args.celsius }) }) },
    set_camera: { guard: ({ context, event }) => !rules.known(context, 'cameras', event.args.camera_id), actions: assign({ cameras: ({ context, event }) => patch(context.cameras, event.args.camera_id, { recording: event.args.recording }) }) },
    set_alarm: { guard: ({ context, event }) => !rules.known(context, 'alarms', event.args.alarm_id), actions: assign({ alarms: ({ context, event }) => patch(context.alarms, event.args.alarm_id, { enabled: event.args.enabled }) }) },
    create_guest_code: {
      actions: assign(({ context, event }) => {
        const { id, n, next_id } = freshId(context.next_id, 'g', idsOf(context.codes));
        return { codes: [...context.codes, { id, name: event.args.name, code: codeFor(n), hours: event.args.hours }], next_id };
      }),
    },
    revoke_guest_code: { guard: ({ context, event }) => !rules.known(context, 'codes', event.args.code_id), actions: assign({ codes: ({ context, event }) => context.codes.filter((x) => x.id !== event.args.code_id) }) },
    remove_member: { guard: ({ context, event }) => !rules.member(context, event.args.member_id), actions: assign({ members: ({ context, event }) => context.members.filter((x) => x.id !== event.args.member_id) }) },
    // A world event: a doorbell ring or a vendor message arrives during the episode.
    notify: { actions: assign({ notifications: ({ context, event }) => [...context.notifications, event.notification] }) },
  },
});
