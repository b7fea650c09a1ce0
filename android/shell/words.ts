/**
 * `adb shell` joins its arguments with spaces and the device's shell parses the line again, so every
 * value Tripwire passes (an SMS body, a contact's name) is single-quoted here, once, in one place.
 */
export function quote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** One shell command line from words, each quoted as needed. */
export const line = (...words: string[]): string => words.map(quote).join(' ');

/** The words of a shell line (single and double quotes, backslashes): what the device's shell splits `adb shell`'s line into. */
export function words(text: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      // Inside double quotes a backslash escapes only a backslash, a double quote, $ and `; nothing is expanded here.
      let j = i + 1;
      let part = '';
      for (; j < text.length && text[j] !== '"'; j++) part += text[j] === '\\' && /["\\$`]/.test(text[j + 1] ?? '') ? text[++j] : text[j];
      word = (word ?? '') + part;
      i = j;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (c === ' ') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}
