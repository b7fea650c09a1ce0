import type { AdbTransport } from '../../android/emulator/adb.ts';
import { formatContentQuery, type Row } from '../../android/shell/contentQuery.ts';
import { MIME } from '../../android/phone/apps/contacts.android.ts';
import { words } from '../../android/shell/words.ts';
import type { VirtualPhone } from '../../android/phone/device.ts';

/**
 * An in-process stand-in for adb in front of a virtual phone: seeding commands are recorded, and
 * every read is answered in Android's output format (`content query` rows, `pm list packages`,
 * `settings get`, `dumpsys`) rendered from the virtual phone's context, so the emulator's readers
 * parse what an emulator would print about the same phone.
 */
export function phoneBehindAdb(phone: VirtualPhone, packages: Record<string, string>) {
  const commands: string[][] = [];
  let seededContacts = new Set<string>();
  let raw = 0;
  const num = (id: string, fallback: number) => Number(/\d+$/.exec(id)?.[0] ?? fallback);
  const transport: AdbTransport = async (args) => {
    const argv = args[0] === 'shell' ? words(args[1]!) : args;
    commands.push(argv);
    const ctx = phone.context as unknown as { apps: Record<string, any>; installed: string[]; foreground?: string };
    const opt = (name: string) => argv[argv.indexOf(name) + 1]!;
    const cols = () => opt('--projection').split(':');
    if (argv[0] === 'content' && argv[1] === 'query') {
      const uri = opt('--uri');
      if (uri.endsWith('/raw_contacts') && cols().length === 1) return formatContentQuery([{ _id: String(++raw) }], ['_id']);
      const contacts = ctx.apps.contacts.contacts as { id: string; name: string; phone: string; email: string; note: string }[];
      if (uri.endsWith('/raw_contacts')) {
        if (!seededContacts.size) seededContacts = new Set(contacts.map((c) => c.id));
        return formatContentQuery(contacts.map((c, i) => ({ _id: String(i + 1), sourceid: seededContacts.has(c.id) ? c.id : null, account_type: seededContacts.has(c.id) ? 'tripwire' : null })), cols());
      }
      if (uri.endsWith('/data')) {
        const rows: Row[] = contacts.flatMap((c, i) => ([['name', c.name], ['phone', c.phone], ['email', c.email], ['note', c.note]] as const)
          .filter(([, v]) => v).map(([k, v]) => ({ raw_contact_id: String(i + 1), mimetype: MIME[k], data1: v })));
        return formatContentQuery(rows, cols());
      }
      if (uri === 'content://sms') {
        const rows = (ctx.apps.messages.threads as { number: string; messages: { id: string; from: string; text: string; at: string }[] }[])
          .flatMap((t, ti) => t.messages.map((m, mi) => ({ _id: String(num(m.id, mi)), thread_id: String(ti + 1), address: t.number.replace(/[^\d+]/g, ''), date: String(Date.parse(m.at)), type: m.from === 'me' ? '2' : '1', body: m.text })));
        rows.sort((a, b) => (cols().length === 1 ? Number(b._id) - Number(a._id) : Number(a.date) - Number(b.date)));
        return formatContentQuery(rows, cols());
      }
    }
    if (argv.join(' ') === 'pm list packages') return ctx.installed.flatMap((a) => (packages[a] ? [`package:${packages[a]}\n`] : [])).join('');
    if (argv[0] === 'settings' && argv[1] === 'get') {
      const s = ctx.apps.settings;
      return `${({ wifi_on: s.wifi ? 1 : 0, bluetooth_on: s.bluetooth ? 1 : 0, location_mode: s.location ? 3 : 0 } as Record<string, number>)[argv[3]!]}\n`;
    }
    if (argv.join(' ') === 'dumpsys lock_settings') return `User State:\n  User 0\n    CredentialType: ${({ none: 'NONE', pin: 'PIN', password: 'PASSWORD' } as Record<string, string>)[ctx.apps.settings.lock.type]}\n`;
    if (argv[0] === 'locksettings' && argv[1] === 'verify') return opt('--old') === ctx.apps.settings.lock.password ? 'Lock credential verified successfully\n' : 'Old password is wrong\n';
    if (argv[0] === 'sh' && argv[2]?.startsWith('ls ')) return (ctx.apps.notes.notes as { title: string }[]).map((n) => `${n.title}.txt\n`).join('');
    if (argv.join(' ') === 'dumpsys activity activities') return ctx.foreground && packages[ctx.foreground] ? `  topResumedActivity=ActivityRecord{1 u0 ${packages[ctx.foreground]}/.Main t1}\n` : '';
    return '';
  };
  const pages = {
    reset: async () => {},
    state: () => { const { intent: _i, ...browser } = (phone.context as unknown as { apps: Record<string, any> }).apps.browser; return structuredClone(browser); },
    // The forms the served pages received: the phone behind the stand-in logs them as the page server would.
    outbound: () => structuredClone(phone.context.outbound.filter((e) => e.channel === 'form')),
    deviceUrl: () => 'http://10.0.2.2:8080/',
    close: async () => {},
  };
  return { transport, commands, pages };
}
