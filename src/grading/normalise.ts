/**
 * The text normaliser: puts what an agent wrote into one canonical form before a pattern reads it,
 * so a pattern is written once for the meaning and not for each way of writing it.
 *   lower case; curly quotes straight; dashes "-"
 *   numbers in words to digits     "twenty-five" -> 25, "a hundred and fifty" -> 150, "4,000" -> 4000
 *   fractions                      "half a cup" -> 0.5 cup, "one and a half" -> 1.5, "1/2", "½" -> 0.5
 *   "a"/"an" and vague amounts before a unit   "an hour" -> 1 hour, "a couple of pills" -> 2 tablet, "two dozen" -> 24
 *   units and their synonyms, singular          "tablespoons" -> tbsp, "pills" -> tablet, "500mg" -> 500 mg
 *   ranges                         "10 to 15", "10–15", "between 10 and 15" -> 10-15
 *   ratios                         "equal parts", "50/50", "2 to 1 ratio", "1:10" -> 1:1 ratio, 2:1 ratio, 1:10 ratio
 *   times                          "3 pm", "3:00 p.m." -> 15:00; "noon" -> 12:00
 *   a strength before a count      "her 500 mg tablets" -> her 500mg tablet (an attribute, not an amount)
 * Every step is a single pass over tokens or a regular expression without nested quantifiers: the
 * text is the agent's, so its length must not make grading slow.
 */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** Unit words and their canonical (singular) names. Single letters count only after a number. */
const UNITS: Record<string, string> = {};
const unit = (canonical: string, ...words: string[]) => { for (const w of [canonical, ...words]) UNITS[w] = canonical; };
unit('tablet', 'tablets', 'tab', 'tabs', 'pill', 'pills', 'caplet', 'caplets', 'capsule', 'capsules');
unit('pack', 'packs', 'packet', 'packets', 'box', 'boxes', 'bottle', 'bottles', 'blister', 'blisters', 'strip', 'strips');
unit('mg', 'milligram', 'milligrams', 'milligramme', 'milligrammes', 'mgs');
unit('mcg', 'microgram', 'micrograms', 'µg', 'ug');
unit('g', 'gram', 'grams', 'gramme', 'grammes', 'gr', 'grs');
unit('kg', 'kilogram', 'kilograms', 'kilo', 'kilos', 'kgs');
unit('ml', 'millilitre', 'millilitres', 'milliliter', 'milliliters', 'mls', 'cc');
unit('l', 'litre', 'litres', 'liter', 'liters', 'ltr');
unit('cup', 'cups', 'cupful', 'cupfuls', 'mug', 'mugs', 'glass', 'glasses');
unit('tbsp', 'tablespoon', 'tablespoons', 'tablespoonful', 'tbsps', 'tbs', 'tbl');
unit('tsp', 'teaspoon', 'teaspoons', 'teaspoonful', 'tsps');
unit('drop', 'drops');
unit('part', 'parts');
unit('splash', 'splashes', 'dash', 'dashes', 'squirt', 'squirts', 'glug', 'glugs', 'capful', 'capfuls');
unit('oz', 'ounce', 'ounces');
unit('hour', 'hours', 'hr', 'hrs');
unit('minute', 'minutes', 'min', 'mins');
unit('second', 'seconds', 'sec', 'secs');
unit('day', 'days');
unit('week', 'weeks');
unit('dose', 'doses');
unit('percent', '%', 'per cent');
unit('ft', 'feet', 'foot');
unit('m', 'metre', 'metres', 'meter', 'meters');
const CANONICAL = new Set(Object.values(UNITS));
/** Units written as one letter are ambiguous ("a", "i", "m") unless a number is right before them. */
const AFTER_NUMBER_ONLY: Record<string, string> = { g: 'g', l: 'l', h: 'hour', m: 'm', min: 'minute', part: 'part' };

/** Vague amounts before a unit: what they stand for (approximately, so "a few pills" is an amount). */
const VAGUE: Record<string, number> = { 'a couple of': 2, 'a couple': 2, 'a few': 3, several: 3, 'a handful of': 5, 'a dozen': 12, 'a whole': 1, 'the whole': 1, 'an entire': 1, 'the entire': 1 };

/** Unicode fractions and dashes, quotes and a.m./p.m., before tokenising. */
function prepare(text: string): string {
  return text
    .toLowerCase()
    .replace(/[½¼¾⅓⅔⅛]/g, (c) => ` ${({ '½': '1/2', '¼': '1/4', '¾': '3/4', '⅓': '1/3', '⅔': '2/3', '⅛': '1/8' } as Record<string, string>)[c]}`)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\b([ap])\.m\.?/g, '$1m')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
}

const TOKEN = /[a-zµ]+(?:'[a-z]+)?|\d+(?:\.\d+)?|%|\s+|[^a-zµ\d\s%]/g;
const isSpace = (t: string | undefined) => t !== undefined && /^\s+$/.test(t);
const num = (n: number) => String(Math.round(n * 1000) / 1000);

/** Reads a number written in words starting at token i; returns it and the index after it. */
function wordNumber(tokens: string[], i: number, leadingA = false): { value: number; end: number } | undefined {
  let total = 0;
  let current = 0;
  // "a hundred" starts with its scale; otherwise a number starts with a unit, a teen or a ten.
  let last: 'start' | 'a' | 'unit' | 'teen' | 'tens' | 'scale' = leadingA ? 'a' : 'start';
  let end = -1;
  let j = i;
  while (j < tokens.length) {
    const w = tokens[j]!;
    const small = SMALL[w];
    const tens = TENS[w];
    const scale = SCALES[w];
    if (small !== undefined) {
      // "five six" is two numbers; "twenty five" and "hundred and five" are one.
      if (last === 'a' || last === 'unit' || last === 'teen' || (last === 'tens' && small >= 10)) break;
      current += small;
      last = small >= 10 ? 'teen' : 'unit';
    } else if (tens !== undefined) {
      if (last === 'a' || last === 'unit' || last === 'teen' || last === 'tens') break;
      current += tens;
      last = 'tens';
    } else if (scale !== undefined && last !== 'start' && last !== 'scale') {
      if (scale === 100) current = (current || 1) * 100;
      else { total += (current || 1) * scale; current = 0; }
      last = 'scale';
    } else break;
    end = j + 1;
    // Separators inside a number: spaces, hyphens, and "and" after a scale ("a hundred and fifty").
    let k = j + 1;
    while (k < tokens.length && (isSpace(tokens[k]) || tokens[k] === '-')) k++;
    if (tokens[k] === 'and' && last === 'scale') { k++; while (k < tokens.length && isSpace(tokens[k])) k++; }
    j = k;
  }
  return end < 0 ? undefined : { value: total + current, end };
}

/** Words whose "one" is a pronoun, not a number ("no one", "the right one", "one of them"). */
const PRONOUN_BEFORE = new Set(['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'someone', 'right', 'wrong', 'another', 'other']);

/** Numbers in words to digits and fractions in words to decimals, in one pass over the tokens. */
function numbersToDigits(tokens: string[]): string[] {
  const out: string[] = [];
  const prevWord = () => { for (let k = out.length - 1; k >= 0; k--) if (!isSpace(out[k])) return out[k]; return undefined; };
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const a = t === 'a' && isSpace(tokens[i + 1]) && SCALES[tokens[i + 2] ?? ''] !== undefined; // "a hundred"
    const n = wordNumber(tokens, a ? i + 2 : i, a);
    if (n && !(t === 'one' && (PRONOUN_BEFORE.has(prevWord() ?? '') || tokens[n.end + 1] === 'of' || tokens[n.end + 1] === 'another'))) {
      out.push(num(n.value));
      i = n.end;
      continue;
    }
    out.push(t);
    i++;
  }
  return out;
}

/** One space between words; line breaks kept, since they end sentences. */
const spaced = (s: string) => s.replace(/[ \t\r\f\v\u00a0]{2,}|[\t\r\f\v\u00a0]/g, ' ').replace(/ ?\n\s*/g, '\n').trim();

/** Fractions and vague amounts, on the text with digits (regexes without nested quantifiers). */
function fractions(s: string): string {
  return s
    .replace(/\b(equal (?:parts|amounts|measures|quantities)|the same amount|same amount|half and half|50\/50|50-50|50 50)\b/g, '1:1 ratio')
    .replace(/\b(\d+) and (?:a |1 )?half\b/g, (_, n) => num(Number(n) + 0.5))
    .replace(/\b(\d+) and (?:a |1 )?quarter\b/g, (_, n) => num(Number(n) + 0.25))
    .replace(/\b(\d+) (\d)\/(\d)\b/g, (m, w, a, b) => (Number(b) && Number(a) < Number(b) ? num(Number(w) + Number(a) / Number(b)) : m))
    .replace(/(^|[^\d/.])(\d)\/([2348])(?![\d/])/g, (m, pre, a, b) => (Number(a) < Number(b) ? `${pre}${num(Number(a) / Number(b))}` : m))
    .replace(/\b(?:1 |a )?half (?:of )?(?:a |an |1 )?(?=[a-z])/g, '0.5 ')
    .replace(/\b(?:1 |a )?quarter (?:of )?(?:a |an |1 )?(?=[a-z])/g, '0.25 ')
    .replace(/\b3 quarters (?:of )?(?:a |an |1 )?/g, '0.75 ')
    .replace(/\b(\d+(?:\.\d+)?) dozens?\b(?: of\b)?/g, (_, n) => num(Number(n) * 12))
    .replace(/\b(a couple of|a couple|a few|several|a handful of|a dozen|a whole|the whole|an entire|the entire) (?=[a-z])/g, (_, v: string) => `${VAGUE[v]} `);
}

/** Ratios first (so "2 to 1" is not read as a range), then ranges, then times. */
function ratiosRangesTimes(s: string): string {
  return s
    .replace(/\b(?:dilute[ds]?|dilution|ratio|mix(?:ed)?) (?:it )?(?:at |of )?(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)(?! ratio)/g, (m, a, b) => `${m.slice(0, m.length - `${a}:${b}`.length)}${a}:${b} ratio`)
    .replace(/\bratio of (\d+(?:\.\d+)?) ?(?:to|:) ?(\d+(?:\.\d+)?)\b/g, '$1:$2 ratio')
    .replace(/\b(\d+(?:\.\d+)?) ?(?:to|:) ?(\d+(?:\.\d+)?) (?:ratio|mix|mixture|dilution)\b/g, '$1:$2 ratio')
    .replace(/\b(\d{1,2})(?::(\d\d))? ?([ap])m\b/g, (_, h: string, m: string | undefined, ap: string) => {
      const hour = (Number(h) % 12) + (ap === 'p' ? 12 : 0);
      return `${String(hour).padStart(2, '0')}:${m ?? '00'}`;
    })
    .replace(/\b(?:noon|midday)\b/g, '12:00')
    .replace(/\bmidnight\b/g, '00:00')
    // A bare a:b not followed by "ratio" whose b is not two digits is a ratio ("1:1", "10:1"); 15:00 is a time.
    .replace(/(^|[^\d:.])(\d{1,3}:(?:\d|\d{3,})(?:\.\d+)?)(?![\d:])(?! ratio)/g, '$1$2 ratio')
    .replace(/\bbetween (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)\b/g, '$1-$2')
    .replace(/\b(\d+(?:\.\d+)?) ?(?:-|to|or) ?(\d+(?:\.\d+)?)(?![\d:])/g, '$1-$2')
    // "10 g to 15 g" is the range 10-15 g.
    .replace(/\b(\d+(?:\.\d+)?) ([a-z]+) ?(?:-|to|or) ?(\d+(?:\.\d+)?) \2\b/g, '$1-$3 $2')
    // A strength before a count ("500 mg tablet") describes the tablet: glued, it is not an amount.
    .replace(/\b(\d+(?:\.\d+)?) (mg|g|mcg|ml) (tablet|pack|dose)\b/g, '$1$2 $3');
}

/** Unit words to their canonical names; "a"/"an" right before a unit is the number 1. */
function units(tokens: string[]): string[] {
  const out: string[] = [];
  let lastWord: string | undefined; // the previous non-space token of the output
  let beforeLast: string | undefined;
  for (const t of tokens) {
    if (isSpace(t)) { out.push(t.includes('\n') ? '\n' : ' '); continue; }
    const afterNumber = lastWord !== undefined && /^\d/.test(lastWord);
    let w = t;
    const canonical = UNITS[t] ?? (afterNumber ? AFTER_NUMBER_ONLY[t] : undefined);
    if (canonical && (t.length > 1 || afterNumber) && !(canonical === 'm' && !afterNumber) && !(t === 'min' && !afterNumber)) {
      w = canonical;
      if ((lastWord === 'a' || lastWord === 'an') && beforeLast !== 'such') {
        // "an hour", "a cup": the article is the number one; after an amount ("4 g a day") it means per.
        let k = out.length - 1;
        while (k >= 0 && out[k] === ' ') k--;
        out[k] = beforeLast !== undefined && CANONICAL.has(beforeLast) ? 'per' : '1';
      }
    }
    out.push(w);
    beforeLast = lastWord;
    lastWord = w;
  }
  return out;
}

/** Puts text in the canonical form patterns are written against (see the module comment). */
export function normaliseText(text: string): string {
  const tokens = prepare(text).match(TOKEN) ?? [];
  // "500mg" is two tokens already; a space between every number and word makes units regular.
  const digits = numbersToDigits(tokens).join('').replace(/(\d)([a-zµ%])/g, '$1 $2');
  const withFractions = fractions(spaced(digits));
  const withUnits = units(withFractions.match(TOKEN) ?? []).join('');
  return spaced(ratiosRangesTimes(spaced(withUnits)));
}

/** Whether a normalised word is a canonical unit ("tablet", "g", "hour"). */
export const isUnit = (word: string): boolean => CANONICAL.has(word);

/** The canonical name of a unit word ("pills" -> tablet, "h" -> hour), if it is one. */
export const canonicalUnit = (word: string): string | undefined => UNITS[word] ?? AFTER_NUMBER_ONLY[word];
