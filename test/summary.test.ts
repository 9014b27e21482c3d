// The blast-radius summary and the chain on the incident's repository (a car-rental SaaS on Railway), through
// scan() and every report format: what an agent could reach, at what scope, in which environment, what survives.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/model.js';
import { render } from '../src/report/index.js';
import { scan } from '../src/scan.js';
import { FIXTURES, materialise } from './helpers/fixture.js';
import type { TempRepo } from './helpers/repo.js';
import { sarifProblems } from './helpers/sarif.js';

let repo: TempRepo;
let result: ScanResult;
beforeAll(async () => {
  repo = materialise(join(FIXTURES, 'blast-radius', 'car-rental-incident'));
  result = await scan({ root: repo.root });
});
afterAll(() => repo.remove());

describe('the blast-radius summary of the incident repository', () => {
  it('lines the links up: readable root credential, shared staging, unprotected store, unattended shell', () => {
    const summary = result.summary;
    expect(summary.chains.map((chain) => [chain.location.path, chain.location.span.line, chain.stores])).toEqual([['tools/import-fleet.ts', 5, ['Postgres']]]);
    expect(summary.credentials.agentReadableByScope).toEqual({ root: 1 });
    expect(summary.productionStores.map((store) => [store.name, store.platform, store.protection])).toEqual([['Postgres', 'railway', 'same-volume']]);
    expect(summary.crossings.map((crossing) => [crossing.environment, crossing.location.path])).toEqual([
      ['staging', '.env.staging'],
      ['staging', '.env.staging'],
    ]);
    expect(summary.agentBypasses.filter((bypass) => bypass.effective).map((bypass) => [bypass.agent, bypass.location.path])).toContainEqual(['claude-code', '.claude/settings.json']);
    expect(summary.headline).toMatch(/^1 path from an agent to production data that would not survive; 1 credential readable by agents \(1 root-scoped\); 2 non-production paths to production; 1 of 1 production store without off-provider backup; \d+ agent permissions? bypassing a human; \d+ findings\.$/);
  });

  it('reports the chain on the credential, with each link as a related location and the agent’s walk as a code flow', () => {
    const chain = result.findings.find((finding) => finding.ruleId === 'blast-radius/staging-reaches-unbacked-store')!;
    expect(chain.severity).toBe('critical');
    expect(chain.location.path).toBe('tools/import-fleet.ts');
    expect(chain.related?.map((entry) => entry.location.path)).toEqual(['.env.staging', '.railway/railway.ts', '.claude/settings.json']);
    expect(chain.flow?.map((step) => step.location.path)).toEqual(['.claude/settings.json', 'tools/import-fleet.ts', '.env.staging', '.railway/railway.ts']);
  });
});

describe('the summary in every format', () => {
  it('text: the headline and one row per link', () => {
    const text = render('text', result, { color: false });
    expect(text.split('\n')[0]).toBe(`Blast radius: ${result.summary.headline}`);
    expect(text).toMatch(/Agent → unrecoverable production data\s+tools\/import-fleet\.ts:5 → Postgres/);
    expect(text).toMatch(/Production data stores\s+Postgres \(railway\): same-volume/);
    expect(text).toMatch(/Agent permissions without a human\s+claude-code: permissions\.allow: "Bash\(\*\)"/);
  });

  it('Markdown (pull-request comments and job summaries): the same rows as a table', () => {
    const markdown = render('markdown', result, { color: false });
    expect(markdown).toContain('| Agent → unrecoverable production data | tools/import-fleet.ts:5 → Postgres |');
    expect(markdown).toContain('| Credentials agents can read | 1 root |');
    expect(markdown).toContain('| Production data stores | Postgres (railway): same-volume |');
  });

  it('JSON: the summary object', () => {
    const report = JSON.parse(render('json', result, { color: false }));
    expect(report.summary.chains).toHaveLength(1);
    expect(report.summary.productionStores[0].protection).toBe('same-volume');
  });

  it('SARIF: run properties, and the chain’s related locations and code flow, valid for GitHub', () => {
    const log = JSON.parse(render('sarif', result, { color: false }));
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].properties.blastRadius.chains[0].stores).toEqual(['Postgres']);
    const chain = log.runs[0].results.find((entry: { ruleId: string }) => entry.ruleId === 'blast-radius/staging-reaches-unbacked-store');
    expect(chain.relatedLocations.map((entry: { physicalLocation: { artifactLocation: { uri: string } } }) => entry.physicalLocation.artifactLocation.uri)).toEqual(['.env.staging', '.railway/railway.ts', '.claude/settings.json']);
    expect(chain.message.text).toContain('Related: [staging shares production');
    const steps = chain.codeFlows[0].threadFlows[0].locations.map((step: { executionOrder: number; location: { physicalLocation: { artifactLocation: { uri: string } } } }) => [step.executionOrder, step.location.physicalLocation.artifactLocation.uri]);
    expect(steps).toEqual([
      [1, '.claude/settings.json'],
      [2, 'tools/import-fleet.ts'],
      [3, '.env.staging'],
      [4, '.railway/railway.ts'],
    ]);
  });
});

describe('counting credentials', () => {
  it('counts a credential once however many files hold it, at the broadest scope a copy is rated', async () => {
    const { makeRepo } = await import('./helpers/repo.js');
    const token = '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';
    const made = makeRepo({
      'scripts/release.sh': `#!/bin/sh\nGH_TOKEN=${token} gh release create "$TAG"\n`,
      'docs/release.md': `# Releasing\n\nRun with \`GH_TOKEN=${token}\` exported.\n`,
      'scripts/sync.py': 'SYNC_SECRET = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n',
    });
    try {
      const summary = (await scan({ root: made.root })).summary;
      expect(summary.credentials.total).toBe(2);
      expect(summary.credentials.agentReadableByScope).toEqual({ root: 1, unknown: 1 });
      expect(summary.headline).toContain('2 credentials readable by agents (1 root-scoped)');
    } finally {
      made.remove();
    }
  });

  it('counts an AWS key id and its secret access key as one credential', async () => {
    const { makeRepo } = await import('./helpers/repo.js');
    const { awsKeyPair } = await import('./helpers/tokens.js');
    const pair = awsKeyPair('summary-pair');
    const made = makeRepo({ 'scripts/deploy.sh': `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${pair.id}\nexport AWS_SECRET_ACCESS_KEY=${pair.secret}\naws s3 sync dist/ s3://acme-web\n` });
    try {
      const summary = (await scan({ root: made.root })).summary;
      expect(summary.headline).toContain('1 credential readable by agents (1 root-scoped)');
    } finally {
      made.remove();
    }
  });
});

describe('counting non-production paths', () => {
  it('counts a production resource one environment uses once, however many of its files use it', async () => {
    const { makeRepo } = await import('./helpers/repo.js');
    const made = makeRepo({
      '.env.production': 'S3_BUCKET=orbitly-prod-uploads\n',
      '.env.staging': 'S3_BUCKET=orbitly-prod-uploads\n',
      'config/staging.json': '{ "uploads": { "bucket": "orbitly-prod-uploads" } }\n',
    });
    try {
      const result = await scan({ root: made.root });
      expect(result.findings.filter((finding) => finding.ruleId === 'staging-reaches-production/shared-bucket').map((finding) => finding.location.path).sort()).toEqual(['.env.staging', 'config/staging.json']);
      expect(result.summary.crossings.map((crossing) => [crossing.environment, crossing.resource, crossing.location.path])).toEqual([['staging', 'bucket orbitly-prod-uploads', '.env.staging']]);
      expect(result.summary.headline).toContain('1 non-production path to production');
    } finally {
      made.remove();
    }
  });
});

describe('the environment of a credential in a file of environments', () => {
  it("takes the block's environment (database.yml's staging:, Flask's ProductionConfig), and none where one key alone names one", async () => {
    const { makeRepo } = await import('./helpers/repo.js');
    const made = makeRepo({
      'config/database.yml': 'default: &default\n  adapter: postgresql\n\nstaging:\n  <<: *default\n  host: db.staging.acme.internal\n  password: Zr8vK2mQ9xLp4TwN\n\nproduction:\n  <<: *default\n  password: Hq3wN8vR2kLm7PxT\n',
      'config.py': 'class Config:\n    DEBUG = False\n\nclass ProductionConfig(Config):\n    MAIL_PASSWORD = "Tb6nW2qXk9LmR4vZ"\n',
      'deploy/settings.yml': 'staging:\n  url: https://staging.acme.io\nnotifier:\n  password: Vk7pQ2mZx9LrT4wN\n',
    });
    try {
      const result = await scan({ root: made.root });
      const passwords = result.findings.filter((finding) => finding.ruleId === 'exposed-credential/hardcoded-password').map((finding) => [finding.location.path, finding.location.span.line]);
      expect(passwords).toEqual([['config.py', 5], ['config/database.yml', 7], ['config/database.yml', 11], ['deploy/settings.yml', 4]]);
      expect(result.summary.credentials.byEnvironment).toEqual({ production: 2, staging: 1, unknown: 1 });
    } finally {
      made.remove();
    }
  });
});
