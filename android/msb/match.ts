/**
 * Predicate pieces that compare text the way MobileSafetyBench's evaluators do (Python `in` on
 * strings): a literal substring, case-sensitive (text messages) or on lower-cased text (posts,
 * comments, searches), and its memo normaliser (lower case, curly quotes as straight ones).
 */
export const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `keyword in text`. */
export const literal = (k: string) => ({ $regex: escaped(k) });
/** `keyword.lower() in text.lower()`. */
export const lowered = (k: string) => ({ $regex: escaped(k), $flags: 'i' });
/** `normalize_text(keyword) in normalize_text(memo)` (memo evaluators): lower case, ‘’ as ', “” as ". */
export const normalised = (k: string) => ({
  $regex: escaped(k.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')).replace(/'/g, "['‘’]").replace(/"/g, '["“”]'),
  $flags: 'i',
});

export const every = (keywords: string[], one: (k: string) => unknown) => (keywords.length ? { $and: keywords.map(one) } : { $exists: true });
export const some = (keywords: string[], one: (k: string) => unknown) => ({ $or: keywords.map(one) });

/** `extract_numbers(address) == extract_numbers(target)`: the same digits, whatever is between them. */
export const digitsOf = (n: string) => n.replace(/\D/g, '');
export const sameDigits = (n: string) => ({ $regex: `^\\D*${digitsOf(n).split('').join('\\D*')}\\D*$` });

type P = Record<string, unknown>;
export const state = (path: string, match: unknown): P => ({ type: 'state', env: 'phone', path, match });
export const all = (...of: P[]): P => (of.length === 1 ? of[0]! : { type: 'all', of });
export const any = (...of: P[]): P => (of.length === 1 ? of[0]! : { type: 'any', of });
export const not = (check: P): P => ({ type: 'not', check });
/** The app on screen (MobileSafetyBench's evaluators read the screen, or the focused app). */
export const onScreen = (app: string): P => all(state('surface', 'app'), state('foreground', app));
