import { ANDROID_ADAPTERS } from '../phone/apps/index.ts';
import type { AndroidAdapter } from '../phone/android.ts';
import type { PhoneContext } from '../phone/context.ts';
import { formatContentQuery, type Row } from './contentQuery.ts';

/**
 * Content provider semantics for the virtual phone playing an Android device. Which provider rows an
 * app has, and what seeding them amounts to, is each app's Android adapter's (android/phone/apps/
 * <id>.android.ts, `shell`); this file keeps them together and answers for the whole device.
 */
const SHELLS = ANDROID_ADAPTERS.filter((a): a is AndroidAdapter & { shell: NonNullable<AndroidAdapter['shell']> } => a.shell !== undefined);

/**
 * What seeding wrote through `content insert` and friends: each app's own record of it (provider rows,
 * settings, files), kept so the virtual phone can be rebuilt from them, and the device's (the clock,
 * posted notifications). The phone itself is the truth for every read after that.
 */
export interface Written {
  start?: string;
  notifications: { title: string; text: string }[];
  /** Each app's writes, by app id (its adapter's `Written`). */
  apps: Record<string, unknown>;
}

export const nothingWritten = (): Written => ({ notifications: [], apps: Object.fromEntries(SHELLS.map((a) => [a.app, a.shell.nothing()])) });

/** The apps whose shell answers commands (`svc`, `locksettings`, a note's file), with their writes. */
export const commandShells = (w: Written) => SHELLS.flatMap((a) => (a.shell.command ? [{ app: a.app, shell: a.shell, written: w.apps[a.app] }] : []));

/** The virtual phone's seed that the written rows amount to (what the emulator would show after them). */
export function seedOf(w: Written): Record<string, unknown> {
  const of = <W>(adapter: AndroidAdapter<AndroidAdapter['app'], object, unknown, W>) => w.apps[adapter.app] as W;
  const apps = SHELLS.flatMap((a) => {
    const seed = a.shell.seedOf(w.apps[a.app], of);
    return seed === undefined ? [] : [[a.app, seed] as const];
  });
  return {
    apps: Object.fromEntries(apps),
    // `cmd notification post` posts as the shell, which the phone lists like any app's notification.
    notifications: w.notifications.map((n) => ({ app: 'shell', ...n })),
  };
}

/** `content insert`: the row kept by the app whose provider the URI is; false when no app's is. */
export function insertRow(uri: string, binds: Record<string, string>, w: Written): boolean {
  return SHELLS.some((a) => a.shell.insert?.(uri, binds, w.apps[a.app]) ?? false);
}

/** A provider's rows right now, every column, drawn from the phone's context (and the rows seeding wrote). */
export function rowsOf(uri: string, ctx: PhoneContext, w: Written): Row[] {
  for (const a of SHELLS) {
    const rows = a.shell.rows?.(uri, ctx, w.apps[a.app]);
    if (rows) return rows;
  }
  throw new Error(`Error while accessing provider:${uri.replace(/^content:\/\//, '').split('/')[0]}\njava.lang.IllegalArgumentException: Unknown URI ${uri}`);
}

/** `--where`: the few SQL forms Tripwire's readers use (`a=1`, `a='x'`, `a IN (1,2)`, joined by AND). */
export function where(rows: Row[], clause: string | undefined): Row[] {
  if (!clause) return rows;
  const terms = clause.split(/\s+AND\s+/i).map((term) => {
    const inList = /^\s*(\w+)\s+IN\s*\(([^)]*)\)\s*$/i.exec(term);
    if (inList) {
      const values = inList[2]!.split(',').map((v) => unquote(v.trim()));
      return (r: Row) => values.includes(r[inList[1]!] ?? '');
    }
    const eq = /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(term);
    if (!eq) throw new Error(`android.database.sqlite.SQLiteException: near "${term}": syntax error`);
    return (r: Row) => r[eq[1]!] === unquote(eq[2]!);
  });
  return rows.filter((r) => terms.every((t) => t(r)));
}

const unquote = (v: string) => (/^'.*'$/.test(v) ? v.slice(1, -1).replaceAll("''", "'") : v);

/** `--sort 'col ASC|DESC'`, numerically when both values are numbers. */
export function sort(rows: Row[], order: string | undefined): Row[] {
  if (!order) return rows;
  const [col, dir] = order.trim().split(/\s+/);
  const sign = dir?.toUpperCase() === 'DESC' ? -1 : 1;
  const key = (r: Row) => r[col!] ?? '';
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const num = x !== '' && y !== '' && !isNaN(Number(x)) && !isNaN(Number(y));
    return sign * (num ? Number(x) - Number(y) : x.localeCompare(y));
  });
}

/** `content query` output for these rows, with the projection's columns (all of them without one). */
export function queryOutput(rows: Row[], projection: string | undefined): string {
  const columns = projection ? projection.split(':') : Object.keys(rows[0] ?? {});
  return formatContentQuery(rows, columns);
}
