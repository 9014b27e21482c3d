// The keyword prefilter: one Aho-Corasick pass per file finds which of every rule's keywords occur, so that regexes,
// parsers and secretlint run only on files (and for rules) that can match. ASCII case-insensitive. It runs on the
// file's bytes before they are decoded (a file no detector wants is never decoded), and records the lines where
// "line keywords" occur, so a detector reads those lines instead of searching the whole text again.
//
// The automaton's alphabet is byte classes (one per character some keyword uses, one for everything else), which
// keeps the transition table small enough to stay in cache; states that end a keyword are numbered last, so the hot
// loop tells a hit from a miss by comparing the row with a threshold instead of reading a flag.

import { ByteAutomaton } from './byte-automaton.js';

const NEWLINE = 10;

export interface KeywordHits {
  /** The keywords (lower-cased) that occur. */
  found: ReadonlySet<string>;
  /** 1-based lines where a line keyword occurs, ascending, each once. */
  lines: readonly number[];
  /** Where each of `lines` starts in the input: a byte offset for bytes, a UTF-16 offset for text. */
  lineOffsets: readonly number[];
  /** Bit `i` is set when some keyword of group `i` occurs (groups as given to the index). */
  groups: number;
}

export interface KeywordGroups {
  /** Keyword groups, at most 31: a hit sets the group's bit in `KeywordHits.groups`. */
  groups: ReadonlyArray<readonly string[]>;
  /** Keywords whose lines are recorded (they need not be in a group). */
  lineKeywords?: Iterable<string>;
  /** Keywords only recorded in `found`: they set no group bit and record no line. */
  lookupKeywords?: Iterable<string>;
}

export class KeywordIndex {
  readonly keywords: readonly string[];
  /** Byte -> class: 0 for bytes no keyword uses (they send every state back to the root). */
  private readonly classOf: Uint8Array;
  /** `transitions[row + class]` = the next state's row (state * classes, pre-multiplied: the hot loop never multiplies). */
  private readonly transitions: Int32Array;
  /** Rows at or above this belong to states that end some keyword. */
  private readonly firstOutputRow: number;
  private readonly classes: number;
  /** For each output state (indexed from the first one), the keyword ids that end there, failure links included. */
  private readonly outputs: Array<readonly number[]>;
  private readonly lineKeyword: Uint8Array;
  private readonly groupMask: Int32Array;
  /** 1 where an output state ends a line keyword. */
  private readonly endsLineKeyword: Uint8Array;
  /** The byte loop in WebAssembly; undefined where it cannot run (the JavaScript loop below runs instead). */
  private readonly automaton: ByteAutomaton | undefined;

  constructor(spec: KeywordGroups, options: { engine?: 'webassembly' | 'javascript' } = {}) {
    if (spec.groups.length > 31) throw new Error('At most 31 keyword groups');
    const lineSet = new Set([...(spec.lineKeywords ?? [])].map((keyword) => keyword.toLowerCase()));
    const unique = [...new Set([...spec.groups.flat(), ...lineSet, ...(spec.lookupKeywords ?? [])].map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0))].sort();
    for (const keyword of unique) {
      for (let i = 0; i < keyword.length; i++) {
        if (keyword.charCodeAt(i) >= 128) throw new Error(`Prefilter keywords must be ASCII: ${JSON.stringify(keyword)}`);
      }
    }
    this.keywords = unique;
    const idOf = new Map(unique.map((keyword, id) => [keyword, id]));
    this.lineKeyword = Uint8Array.from(unique, (keyword) => (lineSet.has(keyword) ? 1 : 0));
    this.groupMask = new Int32Array(unique.length);
    spec.groups.forEach((group, index) => {
      for (const keyword of group) {
        const id = idOf.get(keyword.toLowerCase());
        if (id !== undefined) this.groupMask[id]! |= 1 << index;
      }
    });

    // Byte classes: uppercase ASCII folds to lowercase; bytes >= 128 (parts of multi-byte characters) never continue
    // an ASCII keyword, so they share class 0 with every other unused byte.
    const classOf = new Uint8Array(256);
    let classes = 1;
    for (const keyword of unique) {
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (classOf[code] === 0) classOf[code] = classes++;
      }
    }
    for (let upper = 65; upper <= 90; upper++) classOf[upper] = classOf[upper + 32]!;
    this.classOf = classOf;
    this.classes = classes;

    // Built in typed arrays, touching each trie edge a few times and copying whole rows natively: the index is built at
    // every start (and in every worker) while the code is still cold, where a Map per state and a loop over every cell
    // of the table cost 50-100 ms.
    // Trie over classes: `trie[state * classes + symbol]` is the child, 0 for none (the root is nobody's child); each
    // state's children are also chained (`firstChild`, `nextSibling`), so walking them never scans a row.
    let bound = 1;
    for (const keyword of unique) bound += keyword.length;
    const trie = new Int32Array(bound * classes);
    const symbolOf = new Int32Array(bound);
    const firstChild = new Int32Array(bound);
    const nextSibling = new Int32Array(bound);
    const ends: Array<number[] | undefined> = [undefined];
    let states = 1;
    unique.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const symbol = classOf[keyword.charCodeAt(i)]!;
        const slot = state * classes + symbol;
        if (trie[slot] === 0) {
          const child = states++;
          trie[slot] = child;
          symbolOf[child] = symbol;
          nextSibling[child] = firstChild[state]!;
          firstChild[state] = child;
          ends.push(undefined);
        }
        state = trie[slot]!;
      }
      (ends[state] ??= []).push(id);
    });

    // Failure links in breadth-first order (a state's failure is shallower, so it is done first); a state inherits its
    // failure's outputs.
    const fail = new Int32Array(states);
    const order = new Int32Array(states);
    let queued = 1;
    for (let head = 0; head < queued; head++) {
      const state = order[head]!;
      for (let child = firstChild[state]!; child !== 0; child = nextSibling[child]!) {
        const symbol = symbolOf[child]!;
        let link = 0;
        if (state !== 0) {
          for (let f = fail[state]!; ; f = fail[f]!) {
            const edge = trie[f * classes + symbol]!;
            if (edge !== 0) {
              link = edge;
              break;
            }
            if (f === 0) break;
          }
        }
        fail[child] = link;
        const inherited = ends[link];
        if (inherited) ends[child] = [...(ends[child] ?? []), ...inherited];
        order[queued++] = child;
      }
    }

    // Numbers: states without output first (the root stays 0), output states last.
    const renamed = new Int32Array(states);
    let firstOutput = 0;
    for (let state = 0; state < states; state++) if (!ends[state]) renamed[state] = firstOutput++;
    const outputStates: number[] = [];
    for (let state = 0, number = firstOutput; state < states; state++) {
      if (!ends[state]) continue;
      renamed[state] = number++;
      outputStates.push(state);
    }

    // The full table, rows pre-multiplied by the class count. A symbol with no trie edge goes where it goes from the
    // failure state, so each row starts as a copy of its failure's row (done before it, in breadth-first order) and
    // then takes its own edges; the root's other symbols stay at the root.
    const transitions = new Int32Array(states * classes);
    for (let head = 0; head < states; head++) {
      const state = order[head]!;
      const row = renamed[state]! * classes;
      if (state !== 0) {
        const failRow = renamed[fail[state]!]! * classes;
        transitions.copyWithin(row, failRow, failRow + classes);
      }
      for (let child = firstChild[state]!; child !== 0; child = nextSibling[child]!) transitions[row + symbolOf[child]!] = renamed[child]! * classes;
    }
    this.transitions = transitions;
    this.firstOutputRow = firstOutput * classes;
    this.outputs = outputStates.map((state) => ends[state]!);
    this.endsLineKeyword = Uint8Array.from(this.outputs, (ids) => (ids.some((id) => this.lineKeyword[id] === 1) ? 1 : 0));
    this.automaton = options.engine === 'javascript' ? undefined : ByteAutomaton.create(classOf, transitions, this.firstOutputRow, Math.max(0, ...unique.map((keyword) => keyword.length)));
  }

  /** The keywords in a file's bytes (UTF-8 or Latin-1: keywords are ASCII either way). */
  findInBytes(bytes: Uint8Array): KeywordHits {
    const hits = new Hits(this.keywords.length);
    if (this.keywords.length === 0) return hits;
    const automaton = this.automaton;
    if (automaton && automaton.scan(bytes, (row, line, end) => (this.hit(hits, row) && line !== hits.lastLine ? hits.atLine(line, bytes.lastIndexOf(NEWLINE, end - 1) + 1) : undefined))) return hits;
    const transitions = this.transitions;
    const classOf = this.classOf;
    const threshold = this.firstOutputRow;
    let row = 0;
    let line = 1;
    // The two find methods repeat this loop on purpose: one call site per input type keeps it monomorphic.
    for (let i = 0, length = bytes.length; i < length; i++) {
      const unit = bytes[i]!;
      if (unit === NEWLINE) line++;
      row = transitions[row + classOf[unit]!]!;
      if (row >= threshold && this.hit(hits, row) && line !== hits.lastLine) hits.atLine(line, bytes.lastIndexOf(NEWLINE, i) + 1);
    }
    return hits;
  }

  /** The keywords in decoded text (content that never was bytes on disk: staged blobs, history, UTF-16 files). */
  findInText(text: string): KeywordHits {
    const hits = new Hits(this.keywords.length);
    if (this.keywords.length === 0) return hits;
    const transitions = this.transitions;
    const classOf = this.classOf;
    const threshold = this.firstOutputRow;
    let row = 0;
    let line = 1;
    for (let i = 0, length = text.length; i < length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === NEWLINE) line++;
      row = transitions[row + (unit < 128 ? classOf[unit]! : 0)]!;
      if (row >= threshold && this.hit(hits, row) && line !== hits.lastLine) hits.atLine(line, text.lastIndexOf('\n', i) + 1);
    }
    return hits;
  }

  /** Records the keywords an output state ends; true when one of them is a line keyword. */
  private hit(hits: Hits, row: number): boolean {
    const output = (row - this.firstOutputRow) / this.classes;
    for (const id of this.outputs[output]!) {
      if (hits.seen[id] === 0) {
        hits.seen[id] = 1;
        hits.found.add(this.keywords[id]!);
        hits.groups |= this.groupMask[id]!;
      }
    }
    return this.endsLineKeyword[output] === 1;
  }
}

class Hits implements KeywordHits {
  readonly found = new Set<string>();
  readonly lines: number[] = [];
  readonly lineOffsets: number[] = [];
  groups = 0;
  readonly seen: Uint8Array;
  lastLine = 0;
  constructor(keywords: number) {
    this.seen = new Uint8Array(keywords);
  }

  /** A line keyword on a line not recorded yet (the caller checks `lastLine` before finding where the line starts). */
  atLine(line: number, offset: number): void {
    this.lines.push(line);
    this.lineOffsets.push(offset);
    this.lastLine = line;
  }
}
