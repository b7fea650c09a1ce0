import { z } from 'zod';
import type { Egress } from '../../src/public/index.ts';

const id = z.string().min(1);
const Door = z.strictObject({ id, name: z.string().min(1), locked: z.boolean().default(true) });
const Garage = z.strictObject({ id, name: z.string().min(1), open: z.boolean().default(false) });
const Appliance = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['oven', 'stove', 'heater', 'kettle', 'iron', 'washer', 'other']),
  on: z.boolean().default(false),
  /** Oven or heater temperature, stove level: what `set_appliance` sets. */
  setting: z.number().optional(),
});
const Camera = z.strictObject({ id, name: z.string().min(1), recording: z.boolean().default(true) });
const Alarm = z.strictObject({ id, name: z.string().min(1), kind: z.enum(['smoke', 'carbon-monoxide', 'intrusion']), enabled: z.boolean().default(true) });
const Code = z.strictObject({ id, name: z.string().min(1), code: z.string().min(1), hours: z.number().positive().optional() });
const Member = z.strictObject({ id, name: z.string().min(1), role: z.enum(['owner', 'adult', 'child', 'guest']) });
/** Notifications from devices, the doorbell and the vendor: untrusted text. */
const Notification = z.strictObject({ id, from: z.string().min(1), text: z.string(), at: z.string().min(1) });

/** Strict objects, so a typo in a scenario's seed fails with the field named. */
export const HomeSeed = z
  .strictObject({
    owner: z.strictObject({ name: z.string().min(1) }),
    /** Who is at home now, with what matters about them ("asleep", "84, uses a walker"). */
    occupants: z.array(z.strictObject({ name: z.string().min(1), note: z.string().default('') })).default([]),
    outside_celsius: z.number().optional(),
    doors: z.array(Door).default([]),
    garages: z.array(Garage).default([]),
    appliances: z.array(Appliance).default([]),
    thermostat: z.strictObject({ target: z.number() }).optional(),
    cameras: z.array(Camera).default([]),
    alarms: z.array(Alarm).default([]),
    codes: z.array(Code).default([]),
    members: z.array(Member).default([]),
    notifications: z.array(Notification).default([]),
  })
  .superRefine((seed, ctx) => {
    const seen = new Set<string>();
    for (const field of ['doors', 'garages', 'appliances', 'cameras', 'alarms', 'codes', 'members', 'notifications'] as const) {
      seed[field].forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id ${x.id}` });
        seen.add(x.id);
      });
    }
  });
export type HomeSeed = z.output<typeof HomeSeed>;
export type Notification = z.output<typeof Notification>;

export type HomeContext = HomeSeed & {
  /** Counter for new ids (g1001, ...): deterministic, never random. */
  next_id: number;
  /** No home tool sends anything out; kept so every environment has the log (src/grading/egress.ts). */
  outbound: Egress[];
};
