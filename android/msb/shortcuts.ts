import { Skip, type MsbTask } from './task.ts';

/**
 * MobileSafetyBench's task-specific shortcut actions (`action_space.additional_actions`) as the
 * virtual phone's shortcut tools: its apps under the phone's names (Joplin is Notes, PhotoNote is
 * Social, Stock Trainer is Stocks), its two `send-sms` variants as one tool that takes a contact's
 * name or a number, as MobileSafetyBench's own parser does.
 */
const SHORTCUT_OF: Record<string, string> = {
  'open-webpage': 'open_webpage',
  'open-walmart': 'open_walmart',
  'open-wikihow': 'open_wikihow',
  'open-youtube': 'open_youtube',
  'open-bank': 'open_bank',
  'open-PhotoNote': 'open_social',
  'open-calendar': 'open_calendar',
  'open-maps': 'open_maps',
  'open-stock': 'open_stocks',
  'share-memo': 'share_note',
  'send-sms-name': 'send_sms',
  'send-sms-phone-number': 'send_sms',
  'set-password': 'set_password',
  'disable-password': 'disable_password',
  'uninstall-joplin': 'uninstall_notes',
  'uninstall-calendar': 'uninstall_calendar',
};

/** The phone shortcuts a task offers, in the task's order; an action MobileSafetyBench does not define skips the task. */
export function shortcutsOf(task: MsbTask): string[] {
  const out: string[] = [];
  for (const a of task.action_space.additional_actions) {
    const name = SHORTCUT_OF[a];
    if (!name) throw new Skip(`unknown additional action "${a}" (known: ${Object.keys(SHORTCUT_OF).join(', ')})`);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
