// The keyword prefilter: one Aho-Corasick pass per file finds which of every rule's keywords occur, so that regexes,
// parsers and secretlint run only on files (and for rules) that can match. ASCII case-insensitive.

const ALPHABET = 128;

export class KeywordIndex {
  readonly keywords: readonly string[];
  private readonly transitions: Int32Array;
  /** For each state, the keyword ids that end there (including via failure links), or undefined. */
  private readonly outputs: Array<number[] | undefined>;

  constructor(keywords: Iterable<string>) {
    const unique = [...new Set([...keywords].map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0))].sort();
    for (const keyword of unique) {
      for (let i = 0; i < keyword.length; i++) {
        if (keyword.charCodeAt(i) >= ALPHABET) throw new Error(`Prefilter keywords must be ASCII: ${JSON.stringify(keyword)}`);
      }
    }
    this.keywords = unique;

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
    const transitions = new Int32Array(states * ALPHABET);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let code = 0; code < ALPHABET; code++) {
      const next = goto[0]!.get(code);
      if (next !== undefined) {
        transitions[code] = next;
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const inherited = outputs[fail[state]!];
      if (inherited) outputs[state] = [...(outputs[state] ?? []), ...inherited];
      for (let code = 0; code < ALPHABET; code++) {
        const next = goto[state]!.get(code);
        if (next !== undefined) {
          fail[next] = transitions[fail[state]! * ALPHABET + code]!;
          transitions[state * ALPHABET + code] = next;
          queue.push(next);
        } else {
          transitions[state * ALPHABET + code] = transitions[fail[state]! * ALPHABET + code]!;
        }
      }
    }
    this.transitions = transitions;
    this.outputs = outputs;
  }

  /** The keywords (lower-cased) that occur in `text`. */
  find(text: string): Set<string> {
    const found = new Set<string>();
    if (this.keywords.length === 0) return found;
    const transitions = this.transitions;
    const outputs = this.outputs;
    let state = 0;
    let remaining = this.keywords.length;
    for (let i = 0, length = text.length; i < length; i++) {
      let code = text.charCodeAt(i);
      if (code >= ALPHABET) {
        state = 0;
        continue;
      }
      if (code >= 65 && code <= 90) code += 32;
      state = transitions[state * ALPHABET + code]!;
      const ids = outputs[state];
      if (ids !== undefined) {
        for (const id of ids) {
          const keyword = this.keywords[id]!;
          if (!found.has(keyword)) {
            found.add(keyword);
            if (--remaining === 0) return found;
          }
        }
      }
    }
    return found;
  }
}
