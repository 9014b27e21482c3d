// The keyword prefilter: one Aho-Corasick pass per file finds which of every rule's keywords occur, so that regexes,
// parsers and secretlint run only on files (and for rules) that can match. ASCII case-insensitive.

const ALPHABET_BITS = 7;
const ALPHABET = 1 << ALPHABET_BITS;

export class KeywordIndex {
  readonly keywords: readonly string[];
  private readonly transitions: Int32Array;
  /** For each state, the keyword ids that end there (including via failure links), or undefined. */
  private readonly outputs: Array<number[] | undefined>;
  /** 1 where a state ends some keyword: the hot loop reads a byte instead of an array slot. */
  private readonly hasOutput: Uint8Array;

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
    // Stored pre-multiplied by the alphabet size, so the hot loop indexes without a multiplication.
    for (let i = 0; i < transitions.length; i++) transitions[i] = transitions[i]! * ALPHABET;
    this.transitions = transitions;
    this.outputs = outputs;
    this.hasOutput = new Uint8Array(states);
    for (let state = 0; state < states; state++) if (outputs[state]) this.hasOutput[state] = 1;
  }


  /** The keywords (lower-cased) that occur in `text`. */
  find(text: string): Set<string> {
    const found = new Set<string>();
    if (this.keywords.length === 0) return found;
    // Keywords recur thousands of times in a large file: a byte per keyword answers "seen already?" cheaply.
    const seen = new Uint8Array(this.keywords.length);
    const transitions = this.transitions;
    const outputs = this.outputs;
    const hasOutput = this.hasOutput;
    let row = 0;
    let remaining = this.keywords.length;
    for (let i = 0, length = text.length; i < length; i++) {
      let code = text.charCodeAt(i);
      if (code >= ALPHABET) {
        row = 0;
        continue;
      }
      if (code >= 65 && code <= 90) code += 32;
      row = transitions[row + code]!;
      if (hasOutput[row >> ALPHABET_BITS] === 1) {
        for (const id of outputs[row >> ALPHABET_BITS]!) {
          if (seen[id] === 0) {
            seen[id] = 1;
            found.add(this.keywords[id]!);
            if (--remaining === 0) return found;
          }
        }
      }
    }
    return found;
  }
}
