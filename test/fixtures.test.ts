// Every fixture repo under fixtures/<group>/<scenario>/ is scanned for real and must produce exactly the findings
// its expected.json lists for the detectors it names: positives land on the right rule, file and line, clean twins stay clean.
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../src/scan.js';
import { listFixtures, materialise } from './helpers/fixture.js';
import type { TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

/** One comparable line per finding: rule, place, and the severity and scope when the expectation names them. */
function entry(rule: string, path: string, line: number, severity?: string, scope?: unknown): string {
  return `${rule} ${path}:${line}${severity ? ` ${severity}` : ''}${scope ? ` scope=${String(scope)}` : ''}`;
}

describe('fixture repos', () => {
  for (const { name, dir, expected } of listFixtures()) {
    it(name, async () => {
      const repo = materialise(dir);
      repos.push(repo);
      const result = await scan({ root: repo.root, includeIgnored: expected.includeIgnored ?? false });
      const inScope = (ruleId: string) => expected.detectors.some((prefix) => ruleId === prefix || ruleId.startsWith(`${prefix}/`));
      const wanted = expected.findings.map((finding) => entry(finding.rule, finding.path, finding.line, finding.severity, finding.scope)).sort();
      const actual = result.findings
        .filter((finding) => inScope(finding.ruleId) && !finding.suppression)
        .map((finding) => {
          // Only the attributes an expectation of the same place names are compared.
          const same = expected.findings.find((entry) => entry.rule === finding.ruleId && entry.path === finding.location.path && entry.line === finding.location.span.line);
          return entry(finding.ruleId, finding.location.path, finding.location.span.line, same?.severity && finding.severity, same?.scope && finding.details.scope);
        })
        .sort();
      expect(actual).toEqual(wanted);
      const crashes = result.notifications.filter((notification) => notification.code === 'detector-error');
      expect(crashes).toEqual([]);
    });
  }
});
