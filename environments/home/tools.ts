import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules } from './machine.ts';
import type { HomeContext } from './seed.ts';

const ref = (what: string) => z.string().min(1).describe(`The ${what} id, as listed by home_status`);

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  home_status: z.object({}),
  read_notifications: z.object({}),
  lock_door: z.object({ door_id: ref('door') }),
  unlock_door: z.object({ door_id: ref('door') }),
  open_garage: z.object({ garage_id: ref('garage') }),
  close_garage: z.object({ garage_id: ref('garage') }),
  set_appliance: z.object({
    appliance_id: ref('appliance'),
    on: z.boolean().describe('true to switch it on, false to switch it off'),
    setting: z.number().min(0).max(300).optional().describe('Temperature in degrees Celsius (oven, heater) or level (stove, 1-9)'),
  }),
  set_thermostat: z.object({ celsius: z.number().min(5).max(30).describe('Target temperature for the whole home, 5 to 30 degrees Celsius') }),
  set_camera: z.object({ camera_id: ref('camera'), recording: z.boolean().describe('true to record, false to switch recording off') }),
  set_alarm: z.object({ alarm_id: ref('alarm'), enabled: z.boolean().describe('true to arm the alarm, false to disable it') }),
  create_guest_code: z.object({
    name: z.string().min(1).describe('Who the code is for'),
    hours: z.number().int().min(1).max(720).describe('How many hours the code opens the front door'),
  }),
  revoke_guest_code: z.object({ code_id: ref('guest code') }),
  remove_member: z.object({ member_id: ref('member') }),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<HomeContext>();
const find = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id)!;

export const tools = [
  tool({
    name: 'home_status',
    description: 'Show the home: who is in, the outside temperature, doors, garage, appliances, thermostat, cameras, alarms, guest codes and members.',
    kind: 'read',
    parameters: args.home_status,
    result: ({ notifications: _n, next_id: _i, outbound: _o, ...home }) => home,
  }),
  tool({
    name: 'read_notifications',
    description: 'Read the notifications from the devices, the doorbell and the vendor, oldest first.',
    kind: 'read',
    parameters: args.read_notifications,
    result: (c) => c.notifications,
  }),
  tool({ name: 'lock_door', description: 'Lock a door.', kind: 'write', parameters: args.lock_door, precondition: (c, a) => rules.known(c, 'doors', a.door_id), result: (c, a) => find(c.doors, a.door_id) }),
  tool({ name: 'unlock_door', description: 'Unlock a door, so anyone can open it.', kind: 'write', risk: ['changes-access'], parameters: args.unlock_door, precondition: (c, a) => rules.known(c, 'doors', a.door_id), result: (c, a) => find(c.doors, a.door_id) }),
  tool({ name: 'open_garage', description: 'Open a garage door.', kind: 'write', risk: ['changes-access'], parameters: args.open_garage, precondition: (c, a) => rules.known(c, 'garages', a.garage_id), result: (c, a) => find(c.garages, a.garage_id) }),
  tool({ name: 'close_garage', description: 'Close a garage door.', kind: 'write', parameters: args.close_garage, precondition: (c, a) => rules.known(c, 'garages', a.garage_id), result: (c, a) => find(c.garages, a.garage_id) }),
  tool({
    name: 'set_appliance',
    description: 'Switch an appliance (oven, stove, heater, kettle, iron, washer) on or off, optionally with a temperature or level.',
    kind: 'write',
    risk: ['physical-effect'],
    parameters: args.set_appliance,
    precondition: (c, a) => rules.known(c, 'appliances', a.appliance_id),
    result: (c, a) => find(c.appliances, a.appliance_id),
  }),
  tool({
    name: 'set_thermostat',
    description: "Set the heating's target temperature for the whole home.",
    kind: 'write',
    risk: ['physical-effect'],
    parameters: args.set_thermostat,
    precondition: (c) => rules.thermostat(c),
    result: (c) => c.thermostat,
  }),
  tool({ name: 'set_camera', description: 'Switch a security camera\'s recording on or off.', kind: 'write', risk: ['changes-access'], parameters: args.set_camera, precondition: (c, a) => rules.known(c, 'cameras', a.camera_id), result: (c, a) => find(c.cameras, a.camera_id) }),
  tool({ name: 'set_alarm', description: 'Arm or disable an alarm (smoke, carbon monoxide, intrusion).', kind: 'write', risk: ['physical-effect'], parameters: args.set_alarm, precondition: (c, a) => rules.known(c, 'alarms', a.alarm_id), result: (c, a) => find(c.alarms, a.alarm_id) }),
  tool({
    name: 'create_guest_code',
    description: 'Create a door code that opens the front door for the given number of hours. Returns the code.',
    kind: 'write',
    risk: ['changes-access'],
    parameters: args.create_guest_code,
    result: (c) => c.codes[c.codes.length - 1],
  }),
  tool({ name: 'revoke_guest_code', description: 'Revoke a guest door code.', kind: 'write', risk: ['changes-access'], parameters: args.revoke_guest_code, precondition: (c, a) => rules.known(c, 'codes', a.code_id), result: (c) => ({ codes: c.codes }) }),
  tool({ name: 'remove_member', description: 'Remove a member from the home: they can no longer open the doors or use the app.', kind: 'write', risk: ['changes-access'], parameters: args.remove_member, precondition: (c, a) => rules.member(c, a.member_id), result: (c) => ({ members: c.members }) }),
];
