// The keyword prefilter: one Aho-Corasick pass per file finds which of every rule's keywords occur, so that regexes,
// parsers and secretlint run only on files (and for rules) that can match. ASCII case-insensitive. It runs on the
// file's bytes before they are decoded (a file no detector wants is never decoded), and records the lines where
// "line keywords" occur, so a detector reads those lines instead of searching the whole text again.

/** Transitions over every byte value: uppercase ASCII folds to lowercase, and any non-ASCII unit restarts the scan. */
const BYTE_COLUMNS = 256;
const NEWLINE = 10;

export interface KeywordHits {
  /** The keywords (lower-cased) that occur. */
  found: ReadonlySet<string>;
  /** 1-based lines where a line keyword occurs, ascending, each once. */
  lines: readonly number[];
}

export class KeywordIndex {
  readonly keywords: readonly string[];
  /** `transitions[state * 256 + byte]` = next state * 256 (pre-multiplied, so the hot loop never multiplies). */
  private readonly transitions: Int32Array;
  /** For each state, the keyword ids that end there (including via failure links), or undefined. */
  private readonly outputs: Array<number[] | undefined>;
  /** 1 where a state ends some keyword, 2 where it ends a line keyword: the hot loop reads a byte. */
  private readonly stateFlags: Uint8Array;
  private readonly lineKeyword: Uint8Array;

  constructor(keywords: Iterable<string>, lineKeywords: Iterable<string> = []) {
    const lineSet = new Set([...lineKeywords].map((keyword) => keyword.toLowerCase()));
    const unique = [...new Set([...keywords, ...lineSet].map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0))].sort();
    for (const keyword of unique) {
      for (let i = 0; i < keyword.length; i++) {
        if (keyword.charCodeAt(i) >= 128) throw new Error(`Prefilter keywords must be ASCII: ${JSON.stringify(keyword)}`);
      }
    }
    this.keywords = unique;
    this.lineKeyword = Uint8Array.from(unique, (keyword) => (lineSet.has(keyword) ? 1 : 0));

    // Trie, then failure links by breadth-first search, folded into a full transition table.
    const goto: Array<Map<number, number>> = [new Map()];
    const outputs: Array<number[] | undefined> = [undefined];
    unique.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        let next = goto[state]!.get(code);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          outputs.push(undefined);
          goto[state]!.set(code, next);
        }
        state = next;
      }
      (outputs[state] ??= []).push(id);
    });

    const states = goto.length;
    const next = new Int32Array(states * 128);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let code = 0; code < 128; code++) {
      const child = goto[0]!.get(code);
      if (child !== undefined) {
        next[code] = child;
        queue.push(child);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const inherited = outputs[fail[state]!];
      if (inherited) outputs[state] = [...(outputs[state] ?? []), ...inherited];
      for (let code = 0; code < 128; code++) {
        const child = goto[state]!.get(code);
        if (child !== undefined) {
          fail[child] = next[fail[state]! * 128 + code]!;
          next[state * 128 + code] = child;
          queue.push(child);
        } else {
          next[state * 128 + code] = next[fail[state]! * 128 + code]!;
        }
      }
    }
    const transitions = new Int32Array(states * BYTE_COLUMNS);
    for (let state = 0; state < states; state++) {
      for (let unit = 0; unit < BYTE_COLUMNS; unit++) {
        // Keywords are ASCII: a byte of a multi-byte character (>= 128) can never continue one.
        const code = unit >= 65 && unit <= 90 ? unit + 32 : unit;
        transitions[state * BYTE_COLUMNS + unit] = code >= 128 ? 0 : next[state * 128 + code]! * BYTE_COLUMNS;
      }
    }
    this.transitions = transitions;
    this.outputs = outputs;
    this.stateFlags = new Uint8Array(states);
    for (let state = 0; state < states; state++) {
      const ids = outputs[state];
      if (!ids) continue;
      this.stateFlags[state] = ids.some((id) => this.lineKeyword[id] === 1) ? 3 : 1;
    }
  }

  /** The keywords in a file's bytes (UTF-8 or Latin-1: keywords are ASCII either way). */
  findInBytes(bytes: Uint8Array): KeywordHits {
    const hits = new Hits(this.keywords.length);
    if (this.keywords.length === 0) return hits;
    const transitions = this.transitions;
    const flags = this.stateFlags;
    let row = 0;
    let line = 1;
    // The two find methods repeat this loop on purpose: one call site per input type keeps it monomorphic.
    for (let i = 0, length = bytes.length; i < length; i++) {
      const unit = bytes[i]!;
      if (unit === NEWLINE) line++;
      row = transitions[row + unit]!;
      const flag = flags[row >>> 8]!;
      if (flag !== 0) this.hit(hits, row >>> 8, flag, line);
    }
    return hits;
  }

  /** The keywords in decoded text (content that never was bytes on disk: staged blobs, history, UTF-16 files). */
  findInText(text: string): KeywordHits {
    const hits = new Hits(this.keywords.length);
    if (this.keywords.length === 0) return hits;
    const transitions = this.transitions;
    const flags = this.stateFlags;
    let row = 0;
    let line = 1;
    for (let i = 0, length = text.length; i < length; i++) {
      let unit = text.charCodeAt(i);
      if (unit >= BYTE_COLUMNS) unit = 128;
      if (unit === NEWLINE) line++;
      row = transitions[row + unit]!;
      const flag = flags[row >>> 8]!;
      if (flag !== 0) this.hit(hits, row >>> 8, flag, line);
    }
    return hits;
  }

  private hit(hits: Hits, state: number, flag: number, line: number): void {
    if (flag === 3 && line !== hits.lastLine) {
      hits.lines.push(line);
      hits.lastLine = line;
    }
    for (const id of this.outputs[state]!) {
      if (hits.seen[id] === 0) {
        hits.seen[id] = 1;
        hits.found.add(this.keywords[id]!);
      }
    }
  }
}

class Hits implements KeywordHits {
  readonly found = new Set<string>();
  readonly lines: number[] = [];
  lastLine = 0;
  readonly seen: Uint8Array;
  constructor(keywords: number) {
    this.seen = new Uint8Array(keywords);
  }
}
