/**
 * `$regex` on a linear-time engine. Predicates run on text an agent writes (an email body of
 * 60,000 characters), and V8's backtracking engine takes exponential (`(a+)+$`) or quadratic
 * (`(?=[\s\S]*x)`) time on such text, stalling every episode of the process. Here a pattern is
 * compiled to a Thompson NFA and simulated over the text once: time is O(text × pattern), whatever
 * the text. Only `test` is needed (a predicate asks whether a string matches), so captures and
 * greediness do not matter.
 *
 * Each single-character atom (a literal, `.`, `\d`, `[a-z]`, `\p{L}`) is tested by a native RegExp
 * anchored to that one character, so JavaScript's own rules (case folding with `i`, `s`, `u`)
 * decide membership; only the structure (sequence, alternation, repetition, anchors, `\b`) is
 * this engine's. Backreferences and lookaround cannot run in linear time: they fail to compile,
 * and a predicate that uses them fails at load.
 */

export class LinearRegexError extends Error {}

/** A pattern's NFA grows with counted repetitions (`[^.]{0,80}`); past this it is refused. */
const MAX_STATES = 50_000;

type Node =
  | { t: 'atom'; test: (c: number) => boolean }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'repeat'; node: Node; min: number; max: number };

type State = { k: 'atom'; test: (c: number) => boolean; out: number } | { k: 'assert'; kind: '^' | '$' | 'b' | 'B'; out: number } | { k: 'split'; outs: number[] } | { k: 'match' };

const charTests = new Map<string, (c: number) => boolean>();

/**
 * A test of one character by a native RegExp, memoised per character code (a table for Latin-1,
 * a map beyond), shared by every pattern with the same atom and flags.
 */
function charTest(source: string, flags: string): (c: number) => boolean {
  const key = `${flags}/${source}`;
  let test = charTests.get(key);
  if (test) return test;
  const code = source.codePointAt(0)!;
  if (!flags.includes('i') && source.length === String.fromCodePoint(code).length && !/[\\.[\]]/.test(source)) {
    test = (c) => c === code; // a plain literal
  } else {
    const re = new RegExp(`^(?:${source})$`, flags);
    const latin = new Uint8Array(256); // 0 unknown, 1 no, 2 yes
    const rest = new Map<number, boolean>();
    test = (c) => {
      if (c < 256) {
        const known = latin[c]!;
        if (known) return known === 2;
        const hit = re.test(String.fromCharCode(c));
        latin[c] = hit ? 2 : 1;
        return hit;
      }
      let hit = rest.get(c);
      if (hit === undefined) rest.set(c, (hit = re.test(String.fromCodePoint(c))));
      return hit;
    };
  }
  charTests.set(key, test);
  return test;
}

const atom = (source: string, flags: string): Node => ({ t: 'atom', test: charTest(source, flags) });

class Parser {
  i = 0;
  readonly unicode: boolean;
  readonly atomFlags: string;
  constructor(readonly src: string, flags: string) {
    this.unicode = /[uv]/.test(flags);
    // `m`, `g`, `y`, `d` change nothing for one anchored character.
    this.atomFlags = [...flags].filter((f) => 'isu'.includes(f)).join('');
  }

  fail(what: string): never {
    throw new LinearRegexError(`${what} cannot run in linear time (at ${this.i} of /${this.src}/); rewrite it with $and, $or and $not`);
  }

  alternation(): Node {
    const options = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const term = this.term();
      items.push(this.quantified(term));
    }
    return { t: 'seq', items };
  }

  term(): Node {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'assert', kind: c };
    }
    if (c === '(') {
      this.i++;
      if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i) || s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) this.fail('a lookaround');
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      else if (s[this.i] === '?') this.fail('a group modifier');
      const inner = this.alternation();
      this.i++; // ')': the native RegExp has checked the syntax already
      return inner;
    }
    if (c === '[') return atom(this.bracket(), this.atomFlags);
    if (c === '.') {
      this.i++;
      return atom('.', this.atomFlags);
    }
    if (c === '\\') return this.escape();
    // A literal: one code point in unicode mode, one code unit otherwise.
    const width = this.unicode && (s.codePointAt(this.i) ?? 0) > 0xffff ? 2 : 1;
    const lit = s.slice(this.i, (this.i += width));
    return atom(lit.replace(/[{}]/g, '\\$&'), this.atomFlags);
  }

  bracket(): string {
    const start = this.i;
    this.i++;
    if (this.src[this.i] === '^') this.i++;
    if (this.src[this.i] === ']' && !this.unicode) this.i++; // `[]` or `[^]`… a literal ] only outside u
    while (this.i < this.src.length && this.src[this.i] !== ']') this.i += this.src[this.i] === '\\' ? 2 : 1;
    this.i++;
    return this.src.slice(start, this.i);
  }

  escape(): Node {
    const s = this.src;
    const start = this.i;
    const c = s[this.i + 1]!;
    if (c === 'b' || c === 'B') {
      this.i += 2;
      return { t: 'assert', kind: c };
    }
    if (/[1-9]/.test(c) || (c === 'k' && s[this.i + 2] === '<')) this.fail('a backreference');
    this.i += 2;
    if (c === 'x') this.i += 2;
    else if (c === 'c') this.i += 1;
    else if (c === 'u') this.i += s[this.i] === '{' && this.unicode ? s.indexOf('}', this.i) + 1 - this.i : 4;
    else if ((c === 'p' || c === 'P') && this.unicode) this.i = s.indexOf('}', this.i) + 1;
    return atom(s.slice(start, this.i), this.atomFlags);
  }

  quantified(node: Node): Node {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return node; // a literal `{` (outside unicode mode)
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy or greedy: the same for a yes/no match
    if (node.t === 'assert') return min === 0 ? { t: 'seq', items: [] } : node;
    return { t: 'repeat', node, min, max };
  }
}

/** Builds states backwards: each node is compiled with the state it continues to. */
class Builder {
  readonly states: State[] = [{ k: 'match' }];
  add(s: State): number {
    if (this.states.length >= MAX_STATES) throw new LinearRegexError(`the pattern is too large (over ${MAX_STATES} states once its counted repetitions are expanded)`);
    this.states.push(s);
    return this.states.length - 1;
  }

  build(node: Node, next: number): number {
    switch (node.t) {
      case 'atom':
        return this.add({ k: 'atom', test: node.test, out: next });
      case 'assert':
        return this.add({ k: 'assert', kind: node.kind, out: next });
      case 'seq':
        return node.items.reduceRight((n, item) => this.build(item, n), next);
      case 'alt':
        return this.add({ k: 'split', outs: node.options.map((o) => this.build(o, next)) });
      case 'repeat': {
        let cur = next;
        if (node.max === Infinity) {
          const loop = this.add({ k: 'split', outs: [] });
          (this.states[loop] as { outs: number[] }).outs = [this.build(node.node, loop), next];
          cur = loop;
        } else {
          for (let k = node.min; k < node.max; k++) cur = this.add({ k: 'split', outs: [this.build(node.node, cur), next] });
        }
        for (let k = 0; k < node.min; k++) cur = this.build(node.node, cur);
        return cur;
      }
    }
  }
}

const LINE_END = new Set([0x0a, 0x0d, 0x2028, 0x2029]);

export interface LinearRegex {
  test(text: string): boolean;
}

/**
 * Compiles `source` with `flags` (JavaScript's syntax and meaning) to a linear-time matcher.
 * Throws a SyntaxError for an invalid pattern and a LinearRegexError for one that needs backtracking.
 */
export function linearRegex(source: string, flags = ''): LinearRegex {
  new RegExp(source, flags); // JavaScript's syntax check and message first
  if (flags.includes('v')) throw new LinearRegexError('the v flag is not supported; use u');
  const parser = new Parser(source, flags);
  const tree = parser.alternation();
  const builder = new Builder();
  const start = builder.build(tree, 0);
  const states = builder.states;
  const unicode = parser.unicode;
  const multiline = flags.includes('m');
  const word = charTest('\\w', parser.atomFlags);
  const isWord = (c: number) => c >= 0 && word(c);

  // The states a match can begin with; when none has started, positions none of them accepts are skipped.
  const first = firstAtoms(states, start);
  const table = new Uint8Array(256); // 0 unknown, 1 no, 2 yes
  const mayStart = (c: number): boolean => {
    if (c > 0xff) return first!.some((i) => (states[i] as { test: (c: number) => boolean }).test(c));
    const known = table[c]!;
    if (known) return known === 2;
    const hit = first!.some((i) => (states[i] as { test: (c: number) => boolean }).test(c));
    table[c] = hit ? 2 : 1;
    return hit;
  };
  // Reused across calls: a state is marked with the generation that last visited it.
  const mark = new Int32Array(states.length).fill(-1);
  let gen = 0;

  return {
    test(text: string): boolean {
      const stack: number[] = [];
      let current: number[] = [];
      let next: number[] = [];
      let prev = -1;
      let here = -1;
      let atEnd = false;
      let atStart = true;
      // Follows splits and assertions from `s` at the position between `prev` and `here`; true on a match.
      const add = (s: number): boolean => {
        stack.push(s);
        while (stack.length) {
          const i = stack.pop()!;
          if (mark[i] === gen) continue;
          mark[i] = gen;
          const st = states[i]!;
          if (st.k === 'atom') current.push(i);
          else if (st.k === 'split') for (let j = st.outs.length - 1; j >= 0; j--) stack.push(st.outs[j]!);
          else if (st.k === 'match') {
            stack.length = 0;
            return true;
          } else {
            const ok =
              st.kind === '^' ? atStart || (multiline && LINE_END.has(prev))
              : st.kind === '$' ? atEnd || (multiline && LINE_END.has(here))
              : (isWord(prev) !== isWord(here)) === (st.kind === 'b');
            if (ok) stack.push(st.out);
          }
        }
        return false;
      };
      for (let pos = 0; ; ) {
        if (first && next.length === 0 && pos > 0) {
          // Nothing under way: skip to the next character a match can begin with.
          while (pos < text.length) {
            const c = unicode ? text.codePointAt(pos)! : text.charCodeAt(pos);
            if (mayStart(c)) break;
            pos += c > 0xffff ? 2 : 1;
          }
          // `prev` only matters to assertions, and a pattern with them is not skipped through.
        }
        atEnd = pos >= text.length;
        atStart = pos === 0;
        here = atEnd ? -1 : unicode ? text.codePointAt(pos)! : text.charCodeAt(pos);
        const carried = next;
        current = [];
        if (++gen === 0x7fffffff) {
          mark.fill(-1);
          gen = 0;
        }
        for (let k = 0; k < carried.length; k++) if (add(carried[k]!)) return true;
        if (add(start)) return true;
        if (atEnd) return false;
        next = [];
        for (let k = 0; k < current.length; k++) {
          const st = states[current[k]!] as { k: 'atom'; test: (c: number) => boolean; out: number };
          if (st.test(here)) next.push(st.out);
        }
        prev = here;
        pos += here > 0xffff ? 2 : 1;
      }
    },
  };
}

/** The atoms reachable from `start` without consuming; undefined when an assertion or the match is among them. */
function firstAtoms(states: State[], start: number): number[] | undefined {
  const seen = new Set<number>();
  const atoms: number[] = [];
  const stack = [start];
  while (stack.length) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    const st = states[i]!;
    if (st.k === 'atom') atoms.push(i);
    else if (st.k === 'split') stack.push(...st.outs);
    else return undefined;
  }
  return atoms;
}

const compiled = new Map<string, LinearRegex>();

/** `linearRegex`, compiled once per pattern and flags (predicates are evaluated at every step). */
export function cachedRegex(source: string, flags = ''): LinearRegex {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(key, (re = remembering(linearRegex(source, flags))));
  }
  return re;
}

/** Safety predicates are checked after every step over every call so far: a long text is matched once. */
function remembering(re: LinearRegex): LinearRegex {
  const answers = new Map<string, boolean>();
  return {
    test(text) {
      if (text.length < 256) return re.test(text);
      let hit = answers.get(text);
      if (hit === undefined) {
        if (answers.size >= 64) answers.clear();
        answers.set(text, (hit = re.test(text)));
      }
      return hit;
    },
  };
}
