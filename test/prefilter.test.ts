// The keyword prefilter only skips work: over every fixture repo and every rule sample, a scan with the prefilter
// (the fast path) reports exactly what a scan without it (every detector and rule on every file) reports.
import { afterAll, describe, expect, it } from 'vitest';
import { detectors } from '../detectors/index.js';
import type { Finding } from '../src/model.js';
import { scan } from '../src/scan.js';
import { listFixtures, materialise } from './helpers/fixture.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

const comparable = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.span.line}:${finding.location.span.column} ${finding.severity} ${finding.fingerprint}`);

async function both(root: string) {
  const fast = await scan({ root });
  const slow = await scan({ root, exhaustive: true });
  return { fast: comparable(fast.findings), slow: comparable(slow.findings) };
}

describe('fast path equals slow path', () => {
  for (const { name, dir } of listFixtures()) {
    it(`fixture ${name}`, async () => {
      const repo = materialise(dir);
      repos.push(repo);
      const { fast, slow } = await both(repo.root);
      expect(fast).toEqual(slow);
    });
  }

  it('every rule sample, positive and negative, in one repository per detector', async () => {
    for (const detector of detectors) {
      const files: Record<string, string> = {};
      detector.rules.forEach((rule, ruleIndex) => {
        [...rule.samples.positive, ...rule.samples.negative].forEach((sample, sampleIndex) => {
          for (const [path, content] of Object.entries(sample.files)) files[`${ruleIndex}-${sampleIndex}/${path}`] = content;
        });
      });
      const repo = makeRepo(files);
      repos.push(repo);
      const { fast, slow } = await both(repo.root);
      expect(fast, detector.id).toEqual(slow);
    }
  });
});
