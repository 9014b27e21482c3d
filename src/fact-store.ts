// Holds the facts detectors publish, in publication order, and applies enrichments from later stages.
import type { FactKind, FactKinds, FactOf } from './facts/index.js';
import type { FactReader } from './model.js';

export class FactStore implements FactReader {
  private readonly byKind = new Map<FactKind, unknown[]>();

  add<K extends FactKind>(kind: K, fact: FactOf<K>): void {
    const list = this.byKind.get(kind);
    if (list) list.push(fact);
    else this.byKind.set(kind, [fact]);
  }

  all<K extends FactKind>(kind: K): readonly FactKinds[K][] {
    return (this.byKind.get(kind) ?? []) as FactKinds[K][];
  }

  /** Replaces matching facts with patched copies, so a reader never sees a half-updated fact. */
  enrich<K extends FactKind>(kind: K, predicate: (fact: FactOf<K>) => boolean, patch: Partial<FactOf<K>>): void {
    this.enrichEach(kind, (fact) => (predicate(fact) ? patch : undefined));
  }

  /** Replaces each fact `patchOf` gives a patch for with a patched copy, in one pass. */
  enrichEach<K extends FactKind>(kind: K, patchOf: (fact: FactOf<K>) => Partial<FactOf<K>> | undefined): void {
    const list = this.byKind.get(kind) as FactOf<K>[] | undefined;
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const fact = list[i]!;
      const patch = patchOf(fact);
      if (patch) list[i] = { ...fact, ...patch };
    }
  }
}
