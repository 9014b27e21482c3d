// Orders detectors' cross-file passes so that every fact kind is complete before anyone reads it.
import type { Detector } from './model.js';

export function orderByFacts(detectors: readonly Detector[]): Detector[] {
  const ordered: Detector[] = [];
  const placed = new Set<Detector>();
  const visiting = new Set<Detector>();
  const visit = (detector: Detector): void => {
    if (placed.has(detector)) return;
    if (visiting.has(detector)) throw new Error(`Detectors form a fact cycle through ${detector.id}`);
    visiting.add(detector);
    for (const kind of detector.consumes ?? []) {
      const enriches = detector.produces?.includes(kind) ?? false;
      for (const producer of detectors) {
        if (producer === detector || !producer.produces?.includes(kind)) continue;
        // A stage may both read and enrich the same kind (scope, then agent reach, enrich credentials); that is not a
        // cycle. Enrichers of one kind run in registry order: an enricher waits for the enrichers listed before it.
        const producerEnriches = producer.consumes?.includes(kind) ?? false;
        if (enriches && producerEnriches && detectors.indexOf(producer) > detectors.indexOf(detector)) continue;
        visit(producer);
      }
    }
    visiting.delete(detector);
    placed.add(detector);
    ordered.push(detector);
  };
  detectors.forEach(visit);
  return ordered;
}
