// Two halves of one credential (an AWS key id beside its secret): a credential of the companion kind within a few
// lines of the same file makes the pair one credential, carried by the other half. Looked up by kind and file, so
// a stage asking for each of thousands of credentials does not read them all each time.
import type { Credential } from '../../src/facts/credential.js';

/** Lines within which two halves count as one pair. */
export const PAIR_WINDOW = 12;

export class CompanionIndex {
  private readonly byKindAndPath = new Map<string, Credential[]>();

  constructor(all: readonly Credential[]) {
    for (const credential of all) {
      const key = keyOf(credential.kind, credential.location.path);
      const list = this.byKindAndPath.get(key);
      if (list) list.push(credential);
      else this.byKindAndPath.set(key, [credential]);
    }
  }

  /** Whether a credential of `kind` sits within PAIR_WINDOW lines of this one, in its file. */
  near(credential: Credential, kind: string): boolean {
    const line = credential.location.span.line;
    return (this.byKindAndPath.get(keyOf(kind, credential.location.path)) ?? []).some((other) => Math.abs(other.location.span.line - line) <= PAIR_WINDOW);
  }
}

function keyOf(kind: string, path: string): string {
  return `${kind}\u0000${path}`;
}
