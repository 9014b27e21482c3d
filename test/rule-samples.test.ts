// The generic rule test: every rule's own true- and false-positive samples, each run through the real scan.
import { describe, expect, it } from 'vitest';
import { detectors } from '../detectors/index.js';
import type { RuleMeta, Sample } from '../src/model.js';
import { scan } from '../src/scan.js';
import { makeRepo } from './helpers/repo.js';

// Each sample's repository is removed once it is scanned: removing two thousand of them in one hook at the end took
// longer than a hook may on a loaded two-core machine.
async function findingsFor(sample: Sample) {
  const repo = makeRepo(sample.files, { gitignored: sample.gitignored });
  try {
    const result = await scan({ root: repo.root });
    return { result, findings: result.findings };
  } finally {
    repo.remove();
  }
}

function label(sample: Sample, index: number): string {
  return `#${index + 1} ${Object.keys(sample.files).join(', ')}${sample.note ? ` (${sample.note})` : ''}`;
}

const allRules: Array<{ detector: string; rule: RuleMeta }> = detectors.flatMap((detector) => detector.rules.map((rule) => ({ detector: detector.id, rule })));

describe('rule metadata', () => {
  it('rule ids are unique and prefixed by their detector', () => {
    const ids = allRules.map(({ rule }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { detector, rule } of allRules) expect(rule.id.startsWith(`${detector}/`), rule.id).toBe(true);
  });

  for (const { rule } of allRules) {
    it(`${rule.id} documents itself and carries both kinds of samples`, () => {
      expect(rule.title.trim(), 'title').not.toBe('');
      expect(rule.why.trim().length, 'why').toBeGreaterThan(20);
      expect(rule.fix.trim().length, 'fix').toBeGreaterThan(10);
      expect(rule.samples.positive.length, 'positive samples').toBeGreaterThan(0);
      expect(rule.samples.negative.length, 'negative samples').toBeGreaterThan(0);
    });
  }
});

for (const { rule } of allRules) {
  describe(rule.id, () => {
    rule.samples.positive.forEach((sample, index) => {
      it(`reports positive ${label(sample, index)}`, async () => {
        const { findings } = await findingsFor(sample);
        const hits = findings.filter((finding) => finding.ruleId === rule.id);
        const where = findings.map((finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.span.line}`);
        expect(hits.length, `expected ${rule.id}; got ${JSON.stringify(where)}`).toBeGreaterThan(0);
        const path = sample.expect?.path ?? Object.keys(sample.files)[0];
        const line = sample.expect?.line;
        const placed = hits.filter((hit) => hit.location.path === path && (line === undefined || hit.location.span.line === line));
        expect(placed.length, `expected ${rule.id} at ${path}${line ? `:${line}` : ''}; got ${JSON.stringify(where)}`).toBeGreaterThan(0);
      });
    });
    rule.samples.negative.forEach((sample, index) => {
      it(`stays quiet on negative ${label(sample, index)}`, async () => {
        const { findings } = await findingsFor(sample);
        const hits = findings.filter((finding) => finding.ruleId === rule.id);
        expect(hits.map((hit) => `${hit.location.path}:${hit.location.span.line} ${hit.message}`)).toEqual([]);
      });
    });
  });
}
