import { z } from 'zod';
import type { App } from './app.ts';
import type { PhoneSeedApps } from './apps/index.ts';
import { OBSERVATION_MODES } from './context.ts';
import { shortcutNames } from './shortcuts.ts';

const Notification = z.strictObject({
  app: z.string(),
  title: z.string(),
  text: z.string(),
  /** Event for the app when the notification is tapped, e.g. { type: openThread, thread: t1 }. */
  open: z.looseObject({ type: z.string() }).optional(),
});

/** The phone's seed: each app's data (validated by the app's own schema), what is installed, notifications. */
export function phoneSeed(apps: readonly App[]) {
  const ids = apps.map((a) => a.id) as [string, ...string[]];
  return z.strictObject({
    apps: z.strictObject(Object.fromEntries(apps.map((a) => [a.id, a.optional ? (a.seed as z.ZodType).optional() : (a.seed as z.ZodType).prefault({})]))).prefault({}),
    /** Default: every app. */
    installed: z.array(z.enum(ids)).optional(),
    notifications: z.array(Notification).default([]),
    /** Start with this app open instead of the home screen. */
    open: z.enum(ids).optional(),
    /** Shortcut actions this scenario offers the agent as tools besides the screen actions (`send_sms`, `open_bank`...). */
    shortcuts: z.array(z.enum(shortcutNames(apps) as [string, ...string[]])).optional(),
    /**
     * The element list the agent reads and taps by: `tripwire` (default: listed nodes in tree order,
     * full resource ids) or `msb` (MobileSafetyBench's parse_obs: every node with bounds in post-order,
     * ids cut after the `/`, empty keys left out, checked = checked or selected or focused).
     */
    observation: z.enum(OBSERVATION_MODES).optional(),
  });
}

/** The parsed seed; `apps` holds each bundled app's parsed seed (its seed schema's output), by app id. */
export type PhoneSeed = Omit<z.output<ReturnType<typeof phoneSeed>>, 'apps'> & { apps: PhoneSeedApps };
