// Reports through scan() on a fixture repo: SARIF valid against the official schema and GitHub's subset, JSON
// documented and usable as a baseline, text and Markdown readable; no report ever contains a whole secret.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/model.js';
import { render } from '../src/report/index.js';
import { scan } from '../src/scan.js';
import { FIXTURES, materialise } from './helpers/fixture.js';
import type { TempRepo } from './helpers/repo.js';
import { sarifProblems } from './helpers/sarif.js';

/** The secrets planted in the fixture: none may appear whole in any report. */
const PLANTED = [
  '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c',
  '9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK',
  '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',
  'sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4',
  'N8vq2Lx7Rt4m',
  'Gq83!vPz2mLw',
  'mK8vQ2xR7pL4tW9zB3nY6cF1hJ5dG0sA',
  'f3Kq9Lm2Vx7Rt4Zw8By1Nc6Pd0Hj5Ga3Se',
];

let repo: TempRepo;
let result: ScanResult;
beforeAll(async () => {
  repo = materialise(join(FIXTURES, 'exposed-credential', 'saas-monorepo'));
  result = await scan({ root: repo.root });
});
afterAll(() => repo.remove());

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema and GitHub code scanning’s subset', () => {
    const log = JSON.parse(render('sarif', result, { color: false }));
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('blast-radius');
    expect(run.tool.driver.rules.length).toBe(result.rules.length);
    expect(run.results.length).toBe(result.findings.filter((finding) => !finding.suppression).length);
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.properties.blastRadius.headline).toBe(result.summary.headline);
  });

  it('describes a result with a repo-relative location, our fingerprint, a security severity and its rule’s index', () => {
    const log = JSON.parse(render('sarif', result, { color: false }));
    const run = log.runs[0];
    const railway = run.results.find((entry: { ruleId: string }) => entry.ruleId === 'exposed-credential/railway-account-token');
    expect(railway.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'scripts/deploy.sh', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 26, endLine: 5, endColumn: 62 },
    });
    expect(railway.partialFingerprints['agentBlastRadius/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(railway.level).toBe('error');
    const rule = run.tool.driver.rules[railway.ruleIndex];
    expect(rule.id).toBe('exposed-credential/railway-account-token');
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.help.markdown).toContain('project token in RAILWAY_TOKEN');
  });

  it('leaves suppressed findings out unless asked, then marks them accepted', async () => {
    const suppressed = await scan({ root: repo.root, baseline: new Set(result.findings.map((finding) => finding.fingerprint)) });
    const quiet = JSON.parse(render('sarif', suppressed, { color: false }));
    expect(quiet.runs[0].results).toEqual([]);
    const loud = JSON.parse(render('sarif', suppressed, { color: false, includeSuppressed: true }));
    expect(sarifProblems(loud)).toEqual([]);
    expect(loud.runs[0].results.length).toBe(result.findings.length);
    expect(loud.runs[0].results[0].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'in baseline' }]);
  });

  it('reports tool notifications (parse errors) in the invocation', async () => {
    repo.write('config/broken.yml', 'db:\n  password: "Vt7#qL2w!Rb9zX4e"\n  hosts: [a,\n');
    const withError = await scan({ root: repo.root });
    const log = JSON.parse(render('sarif', withError, { color: false }));
    expect(sarifProblems(log)).toEqual([]);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes.find((note: { descriptor: { id: string } }) => note.descriptor.id === 'parse-error').locations[0].physicalLocation.artifactLocation.uri).toBe('config/broken.yml');
  });
});

describe('every format', () => {
  it('never prints a whole secret', () => {
    for (const format of ['text', 'json', 'sarif', 'markdown'] as const) {
      const output = render(format, result, { color: false, includeSuppressed: true });
      for (const secret of PLANTED) expect(output, `${format} leaks ${secret.slice(0, 6)}…`).not.toContain(secret);
    }
  });

  it('JSON: schemaVersion 1, sorted findings with fingerprints, summary and stats', () => {
    const report = JSON.parse(render('json', result, { color: false }));
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'blast-radius', version: result.toolVersion });
    const places = report.findings.map((finding: { path: string; line: number }) => `${finding.path}:${finding.line}`);
    expect(places[0]).toBe('.env:1');
    expect(report.findings.every((finding: { fingerprint: string }) => /^[0-9a-f]{32}$/.test(finding.fingerprint))).toBe(true);
    expect(report.summary.headline).toBe(result.summary.headline);
    expect(report.stats.filesRead).toBe(result.stats.filesRead);
  });

  it('text: grouped by file, a closing line, ANSI colours only when asked', () => {
    const plain = render('text', result, { color: false });
    expect(plain).not.toMatch(/\x1b\[/);
    expect(plain).toMatch(/\nscripts\/deploy\.sh\n(?: {2}\S.*\n)* {2}5:26 {5}high {5}Railway account token in RAILWAY_API_TOKEN/);
    expect(plain.trimEnd().split('\n').pop()).toMatch(/^\d+ findings \(.*\) · \d+ files scanned in [\d.]+s$/);
    expect(render('text', result, { color: true })).toMatch(/\x1b\[/);
  });

  it('Markdown: the blast-radius table and a findings table', () => {
    const markdown = render('markdown', result, { color: false });
    expect(markdown).toContain('## Blast radius');
    expect(markdown).toContain('| Credentials agents can read |');
    expect(markdown).toContain('| high | `exposed-credential/railway-account-token` | `scripts/deploy.sh:5` |');
  });

  it('Markdown: rows from the most severe down, so a cut table keeps the worst findings', () => {
    const severities = (markdown: string) => [...markdown.matchAll(/^\| (critical|high|medium|low|info) \|/gm)].map((match) => match[1]);
    const rank = ['info', 'low', 'medium', 'high', 'critical'];
    const all = severities(render('markdown', result, { color: false }));
    // The fixture's findings in path order are not already in severity order: the test would prove nothing.
    expect(result.findings.map((finding) => finding.severity)).not.toEqual([...result.findings.map((finding) => finding.severity)].sort((a, b) => rank.indexOf(b) - rank.indexOf(a)));
    expect(all).toEqual([...all].sort((a, b) => rank.indexOf(b!) - rank.indexOf(a!)));
    expect(severities(render('markdown', result, { color: false, maxRows: 1 }))).toEqual([all[0]]);
    expect(all[0]).toBe('critical');
  });
});

describe('SARIF on an empty repository', () => {
  it('is valid with no results, so an upload closes earlier alerts', async () => {
    const empty = materialise(join(FIXTURES, 'exposed-credential', 'lookalikes-clean'));
    try {
      const clean = await scan({ root: empty.root, detectors: [] });
      const log = JSON.parse(render('sarif', clean, { color: false }));
      expect(sarifProblems(log)).toEqual([]);
      expect(log.runs[0].results).toEqual([]);
      expect(readFileSync(join(empty.root, 'README.md'), 'utf8')).toContain('ledgerly');
    } finally {
      empty.remove();
    }
  });
});
