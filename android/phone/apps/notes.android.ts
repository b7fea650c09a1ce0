import { defineAndroidAdapter } from '../android.ts';

/**
 * Notes on a device: a stock image has no notes app, but the notes have a home there, one text file
 * per note in the documents folder, named by its title (so the Files app and a share sheet see
 * them). Read back by listing that folder: the titles are what predicates ask about.
 */

/** Where seeded notes go: one text file per note, named by its title. */
export const NOTES_DIR = '/sdcard/Documents';

/** A note's file name: its title, without characters a file name cannot hold. */
export const fileName = (title: string) => title.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim() || 'note';

/** The shell scripts the adapter runs: writing one file byte for byte, and listing the folder. */
const WRITE = /printf '%s' "\$0" > "\$1"/;
const LIST = `ls -1 ${NOTES_DIR}`;

export type NotesWritten = { title: string; body: string }[];

export default defineAndroidAdapter({
  app: 'notes',

  async seed(adb, seed, options) {
    for (const n of seed.apps.notes.notes) {
      // printf keeps the body byte for byte (echo would read backslashes on some shells).
      await adb.shell(['sh', '-c', `mkdir -p ${NOTES_DIR} && printf '%s' "$0" > "$1"`, n.body, `${NOTES_DIR}/${fileName(n.title)}.txt`], options);
    }
  },

  reader(adb) {
    return {
      async read(_at, options) {
        const out = await adb.shell(['sh', '-c', `${LIST} 2>/dev/null; true`], options);
        return { notes: out.split(/\r?\n/).filter((f) => f.endsWith('.txt')).map((f) => ({ title: f.slice(0, -4) })) };
      },
    };
  },

  shell: {
    nothing: (): NotesWritten => [],
    command(argv, shell) {
      if (argv[0] !== 'sh' || argv[1] !== '-c') return undefined;
      const script = argv[2] ?? '';
      const file = argv[4] ?? '';
      if (WRITE.test(script) && file.startsWith(`${NOTES_DIR}/`) && file.endsWith('.txt')) {
        shell.written.push({ title: file.slice(NOTES_DIR.length + 1, -4), body: argv[3] ?? '' });
        shell.wrote();
        return '';
      }
      if (script.startsWith(LIST)) return shell.ctx.apps.notes.notes.map((n) => `${n.title}.txt\n`).join('');
      return undefined;
    },
    seedOf: (w) => ({ notes: w.map((n, i) => ({ id: `n${i + 1}`, ...n })) }),
  },
});
