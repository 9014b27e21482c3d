// The Action's entry point without GitHub: INPUT_* variables, a fake event payload and real git repositories with a
// base and a head commit. Asserts the annotations, the job summary, the outputs, the SARIF file and the exit status
// on pull requests (merge and head checkouts, forks), pushes, new branches, first commits, equal base and head, and
// shallow clones that lack the base.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sarifWithinLimits } from '../src/action/run.js';
import { scan } from '../src/scan.js';
import { runActionInProcess, type ActionRun } from './helpers/action-env.js';
import { cloneRepo, makeGitRepo, removeAll, type GitRepo } from './helpers/git-history.js';
import { awsKeyPair, githubToken, stripeLiveKey } from './helpers/tokens.js';

afterAll(removeAll);

const aws = awsKeyPair('deploy');
const stripe = stripeLiveKey('billing');
const legacy = githubToken('legacy');
/**
 * These tests assert what the Action does with credential findings (changed lines, annotations, SARIF, outputs);
 * the per-file agent-reach finding beside every credential is another detector's, so the repositories turn it off.
 */
const CONFIG = { '.blast-radius.yml': 'rules:\n  agent-permission/secret-file-not-excluded: off\n' };

const DEPLOY_BEFORE = '#!/bin/sh\nset -e\nnpm run build\naws s3 sync ./dist s3://shop-assets\n';
const DEPLOY_AFTER = `#!/bin/sh\nset -e\nnpm run build\nexport AWS_ACCESS_KEY_ID=${aws.id}\nexport AWS_SECRET_ACCESS_KEY=${aws.secret}\naws s3 sync ./dist s3://shop-assets\n`;

interface Shop {
  repo: GitRepo;
  base: string;
  head: string;
}

/** A shop repository: the base already holds a GitHub token; the pull request adds a Stripe key and an AWS pair. */
function shop(): Shop {
  const repo = makeGitRepo();
  const base = repo.commit('base', {
    ...CONFIG,
    'README.md': '# shop\n\nStorefront and deploy scripts.\n',
    'package.json': '{\n  "name": "shop",\n  "version": "1.4.0",\n  "scripts": { "build": "vite build" }\n}\n',
    'config/github.yml': `github:\n  user: shop-bot\n  token: ${legacy}\n`,
    'scripts/deploy.sh': DEPLOY_BEFORE,
    'src/main.ts': "import { createApp } from './app';\n\ncreateApp().mount('#app');\n",
  });
  repo.git('checkout', '-q', '-b', 'feature/billing');
  const head = repo.commit('billing', {
    'config/billing.yml': `stripe:\n  publishable_key: pk_live_51HqLyjWDarjtT1zdp7dc\n  secret_key: ${stripe}\n`,
    'scripts/deploy.sh': DEPLOY_AFTER,
  });
  return { repo, base, head };
}

/** What actions/checkout checks out on a pull request: a merge of the head into the base. */
function checkoutTestMerge({ repo, base }: Shop): string {
  repo.git('checkout', '-q', '--detach', base);
  repo.git('merge', '-q', '--no-ff', '--no-edit', 'feature/billing');
  return repo.git('rev-parse', 'HEAD').trim();
}

function pullRequest(shop: Shop, extra: Record<string, unknown> = {}) {
  return { number: 7, pull_request: { number: 7, base: { sha: shop.base, ref: 'main' }, head: { sha: shop.head, ref: 'feature/billing', repo: { full_name: 'acme/shop' } }, ...extra } };
}

const PR_ERRORS = [
  `::error file=config/billing.yml,line=3,col=15,endColumn=${15 + stripe.length},title=critical%3A Stripe live secret key with account-wide reach (root-scoped-token/stripe-live-secret-key)::Stripe live secret key in secret_key reaches a whole account: a live secret key controls the whole live account: charges, refunds, payouts, customers.`,
  '::error file=scripts/deploy.sh,line=5,col=30,endColumn=70,title=critical%3A AWS secret access key with account-wide reach (root-scoped-token/aws-secret-access-key)::AWS secret access key in AWS_SECRET_ACCESS_KEY reaches a whole account: a long-term IAM user key: its policies are not in the repository, so it is rated the broad kind.',
  `::error file=config/billing.yml,line=3,col=15,endColumn=${15 + stripe.length},title=high%3A Stripe live secret key stored where coding agents read it (exposed-credential/stripe-live-secret-key)::Stripe live secret key in secret_key is stored in plain text where coding agents read it.`,
  '::error file=scripts/deploy.sh,line=4,col=26,endColumn=46,title=high%3A AWS access key ID stored where coding agents read it (exposed-credential/aws-access-key-id)::AWS access key ID in AWS_ACCESS_KEY_ID is stored in plain text where coding agents read it.',
  '::error file=scripts/deploy.sh,line=5,col=30,endColumn=70,title=high%3A AWS secret access key stored where coding agents read it (exposed-credential/aws-secret-access-key)::AWS secret access key in AWS_SECRET_ACCESS_KEY is stored in plain text where coding agents read it.',
];

function sarifResults(run: ActionRun, workspace: string): string[] {
  const log = JSON.parse(readFileSync(join(workspace, run.outputs['sarif-file']!), 'utf8')) as {
    runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
  };
  return log.runs[0]!.results.map((result) => `${result.ruleId} ${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine}`);
}

describe('the Action on a pull request', () => {
  it('reports only what the pull request adds: annotations, SARIF, summary, outputs, exit 1', async () => {
    const s = shop();
    checkoutTestMerge(s);
    const run = await runActionInProcess({ workspace: s.repo.root, event: 'pull_request', payload: pullRequest(s) });

    expect(run.exitCode).toBe(1);
    // The base's GitHub token is not on a changed line: not reported, though the scan read it (cross-file facts).
    expect(run.commands).toEqual(PR_ERRORS);
    expect(run.log[0]).toBe(`Changed lines of the pull request #7 (${s.base.slice(0, 12)}..${s.repo.git('rev-parse', 'HEAD').trim().slice(0, 12)}).`);
    expect(run.outputs).toEqual({
      'sarif-file': 'blast-radius.sarif',
      findings: '5',
      critical: '2',
      high: '3',
      medium: '0',
      low: '0',
      info: '0',
      'blast-radius': '0 paths from an agent to production data that would not survive; 3 credentials readable by agents (3 root-scoped); 0 non-production paths to production; 0 of 0 production stores without off-provider backup; 0 agent permissions bypassing a human; 5 findings.',
      'exit-code': '1',
    });
    expect(sarifResults(run, s.repo.root)).toEqual([
      'exposed-credential/stripe-live-secret-key config/billing.yml:3',
      'root-scoped-token/stripe-live-secret-key config/billing.yml:3',
      'exposed-credential/aws-access-key-id scripts/deploy.sh:4',
      'exposed-credential/aws-secret-access-key scripts/deploy.sh:5',
      'root-scoped-token/aws-secret-access-key scripts/deploy.sh:5',
    ]);
    expect(run.summary).toContain('## Blast radius\n\nChanged lines of the pull request #7');
    expect(run.summary).toContain('**5 findings at or above high**: the step fails.');
    expect(run.summary).toContain('| Credentials agents can read | 3 root |');
    expect(run.summary).toContain('| critical | `root-scoped-token/stripe-live-secret-key` | `config/billing.yml:3` |');
    expect(run.summary).not.toContain(legacy);
    expect(run.summary).not.toContain(stripe);
  });

  it('gives the same answer when the head itself is checked out, and needs no token on a fork', async () => {
    const s = shop();
    s.repo.git('checkout', '-q', 'feature/billing');
    const payload = pullRequest(s, { head: { sha: s.head, ref: 'feature/billing', repo: { full_name: 'someone/shop-fork' } } });
    const run = await runActionInProcess({ workspace: s.repo.root, event: 'pull_request', payload, env: { GITHUB_HEAD_REF: 'feature/billing' } });
    expect(run.exitCode).toBe(1);
    expect(run.commands).toEqual(PR_ERRORS);
    expect(run.log[0]).toBe(`Changed lines of the pull request #7 (${s.base.slice(0, 12)}..${s.head.slice(0, 12)}).`);
  });

  it('reports nothing and passes when base and head are the same commit', async () => {
    const s = shop();
    const run = await runActionInProcess({ workspace: s.repo.root, event: 'pull_request', payload: { pull_request: { number: 8, base: { sha: s.head }, head: { sha: s.head } } } });
    expect(run.exitCode).toBe(0);
    expect(run.commands).toEqual(['::notice title=blast-radius::The base and the head are the same commit: nothing changed, nothing to report.']);
    expect(run.outputs.findings).toBe('0');
    expect(sarifResults(run, s.repo.root)).toEqual([]);
  });

  it('falls back to a full scan with a notice when a shallow checkout lacks the base and cannot fetch it', async () => {
    const s = shop();
    checkoutTestMerge(s);
    s.repo.git('branch', '-q', '-f', 'test-merge', 'HEAD');
    const clone = cloneRepo(s.repo, ['--depth', '1', '--branch', 'test-merge']);
    clone.git('remote', 'remove', 'origin');
    const run = await runActionInProcess({ workspace: clone.root, event: 'pull_request', payload: pullRequest(s) });
    expect(run.commands[0]).toBe(
      `::notice title=blast-radius::The base commit ${s.base.slice(0, 12)} is not in this clone (a shallow checkout) and could not be fetched, so changed lines cannot be known; scanned everything. Give actions/checkout \`fetch-depth: 0\` (or 2 on pull requests) to scan only the changes.`,
    );
    // Everything, the base's GitHub token included.
    expect(run.commands.slice(1).map((command) => /file=([^,]+),line=(\d+)/.exec(command)?.slice(1).join(':'))).toEqual([
      'config/billing.yml:3',
      'config/github.yml:3',
      'scripts/deploy.sh:5',
      'config/billing.yml:3',
      'config/github.yml:3',
      'scripts/deploy.sh:4',
      'scripts/deploy.sh:5',
    ]);
    expect(run.exitCode).toBe(1);
  });

  it('fetches a missing base from origin when it can, and scans only the changes', async () => {
    const s = shop();
    checkoutTestMerge(s);
    s.repo.git('branch', '-q', '-f', 'test-merge', 'HEAD');
    s.repo.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = cloneRepo(s.repo, ['--depth', '1', '--branch', 'test-merge']);
    expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const run = await runActionInProcess({ workspace: clone.root, event: 'pull_request', payload: pullRequest(s) });
    expect(run.log).toContain(`Fetching the base commit ${s.base.slice(0, 12)} (the checkout is shallow)...`);
    expect(run.commands).toEqual(PR_ERRORS);
  });
});

describe("the Action and a change's own commits", () => {
  /** A pull request whose first commit adds an AWS key pair and whose second takes it out again: neither end's tree holds it. */
  function addedAndRemoved(older = 0): Shop {
    const repo = makeGitRepo();
    for (let index = 0; index < older; index++) repo.commit(`older ${index}`, { 'CHANGELOG.md': `# changes\n\n- ${index}\n` });
    const base = repo.commit('base', { ...CONFIG, 'README.md': '# shop\n', 'scripts/deploy.sh': DEPLOY_BEFORE });
    repo.git('checkout', '-q', '-b', 'feature/billing');
    repo.commit('deploy with keys', { 'scripts/deploy.sh': DEPLOY_AFTER });
    const head = repo.commit('read the keys from the environment', { 'scripts/deploy.sh': DEPLOY_BEFORE.replace('npm run build', 'npm run build\n: "${AWS_ACCESS_KEY_ID:?}"') });
    return { repo, base, head };
  }

  it('reports a credential one commit of the pull request added and a later one removed', async () => {
    const s = addedAndRemoved();
    checkoutTestMerge(s);
    const run = await runActionInProcess({ workspace: s.repo.root, event: 'pull_request', payload: pullRequest(s) });
    expect(run.exitCode).toBe(1);
    expect(sarifResults(run, s.repo.root)).toEqual([
      'exposed-credential/aws-access-key-id scripts/deploy.sh:4',
      'exposed-credential/aws-secret-access-key scripts/deploy.sh:5',
      'root-scoped-token/aws-secret-access-key scripts/deploy.sh:5',
    ]);
    expect(run.commands.filter((command) => command.startsWith('::error')).every((command) => command.includes('It is no longer in the tree'))).toBe(true);
    expect(run.outputs['blast-radius']).toContain('3 of the findings are only in git history');
  });

  it("reads only the change's commits: a credential the base's history added and removed is not the pull request's", async () => {
    const repo = makeGitRepo();
    repo.commit('keys', { ...CONFIG, 'README.md': '# shop\n', 'scripts/deploy.sh': DEPLOY_AFTER });
    const base = repo.commit('no keys', { 'scripts/deploy.sh': DEPLOY_BEFORE });
    repo.git('checkout', '-q', '-b', 'feature/docs');
    const head = repo.commit('docs', { 'README.md': '# shop\n\nStorefront.\n' });
    const run = await runActionInProcess({ workspace: repo.root, event: 'pull_request', payload: { pull_request: { number: 9, base: { sha: base }, head: { sha: head } } } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.findings).toBe('0');

    // A full scan reads the whole history, as `scan` does: the key the base deleted is there.
    const full = await runActionInProcess({ workspace: repo.root, event: 'push', payload: { before: base, after: head } });
    expect(full.log[0]).toBe('Full scan (push).');
    expect(full.outputs.findings).toBe('3');
  });

  it("deepens a shallow checkout by the pull request's commit count and reads them", async () => {
    const s = addedAndRemoved(3);
    checkoutTestMerge(s);
    s.repo.git('branch', '-q', '-f', 'test-merge', 'HEAD');
    s.repo.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = cloneRepo(s.repo, ['--depth', '1', '--branch', 'test-merge']);
    const run = await runActionInProcess({ workspace: clone.root, event: 'pull_request', payload: pullRequest(s, { commits: 2 }) });
    expect(run.log).toContain("Fetching the change's commits (4 deep from the checked-out commit; the checkout is shallow)...");
    expect(run.log.some((line) => line.includes('were not read one by one'))).toBe(false);
    expect(sarifResults(run, clone.root)).toEqual([
      'exposed-credential/aws-access-key-id scripts/deploy.sh:4',
      'exposed-credential/aws-secret-access-key scripts/deploy.sh:5',
      'root-scoped-token/aws-secret-access-key scripts/deploy.sh:5',
    ]);
    expect(run.exitCode).toBe(1);
    // Still shallow: only the change's commits were fetched, not the whole history.
    expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('true');
  });

  it("deepens a shallow checkout by a push's commits with scan: changed", async () => {
    const s = addedAndRemoved();
    s.repo.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = cloneRepo(s.repo, ['--depth', '1', '--branch', 'feature/billing']);
    const run = await runActionInProcess({
      workspace: clone.root,
      event: 'push',
      payload: { before: s.base, after: s.head, commits: [{ id: 'a' }, { id: 'b' }] },
      inputs: { scan: 'changed' },
    });
    expect(run.log).toContain("Fetching the change's commits (3 deep from the checked-out commit; the checkout is shallow)...");
    expect(sarifResults(run, clone.root)).toEqual([
      'exposed-credential/aws-access-key-id scripts/deploy.sh:4',
      'exposed-credential/aws-secret-access-key scripts/deploy.sh:5',
      'root-scoped-token/aws-secret-access-key scripts/deploy.sh:5',
    ]);
  });

  it('says so when a shallow clone cannot show the commits one by one', async () => {
    const s = addedAndRemoved();
    s.repo.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = cloneRepo(s.repo, ['--depth', '1', '--branch', 'feature/billing']);
    const run = await runActionInProcess({ workspace: clone.root, event: 'pull_request', payload: pullRequest(s), inputs: { 'sarif-file': 'none' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.log).toContain(
      `The clone is shallow, so the commits of ${s.base.slice(0, 12)}..${s.head.slice(0, 12)} were not read one by one: a credential one of them added and a later one removed is not reported. Fetch the whole history (actions/checkout's fetch-depth: 0) to read them.`,
    );
  });
});

describe('the Action outside pull requests', () => {
  it('scans everything on a push by default', async () => {
    const s = shop();
    s.repo.git('checkout', '-q', 'feature/billing');
    const run = await runActionInProcess({ workspace: s.repo.root, event: 'push', payload: { before: s.base, after: s.head } });
    expect(run.log[0]).toBe('Full scan (push).');
    expect(run.outputs.findings).toBe('7');
    expect(run.exitCode).toBe(1);
  });

  it('scans only the pushed commits with scan: changed, and everything on a new branch or a first commit', async () => {
    const s = shop();
    s.repo.git('checkout', '-q', 'feature/billing');
    const pushed = await runActionInProcess({ workspace: s.repo.root, event: 'push', payload: { before: s.base, after: s.head }, inputs: { scan: 'changed' } });
    expect(pushed.commands).toEqual(PR_ERRORS);
    expect(pushed.log[0]).toBe(`Changed lines of the push (${s.base.slice(0, 12)}..${s.head.slice(0, 12)}).`);

    const newBranch = await runActionInProcess({ workspace: s.repo.root, event: 'push', payload: { before: '0000000000000000000000000000000000000000', after: s.head, created: true }, inputs: { scan: 'changed' } });
    expect(newBranch.commands[0]).toBe('::notice title=blast-radius::This push has no previous commit to compare with (a new branch or a first commit); scanned everything.');
    expect(newBranch.outputs.findings).toBe('7');

    const first = makeGitRepo();
    first.commit('initial', { ...CONFIG, 'config/github.yml': `token: ${legacy}\n` });
    const manual = await runActionInProcess({ workspace: first.root, event: 'workflow_dispatch', inputs: { scan: 'changed' } });
    expect(manual.commands[0]).toBe('::notice title=blast-radius::The checked-out commit has no parent to compare with; scanned everything.');
    expect(manual.outputs.findings).toBe('2');
  });

  it('scans a workspace that is not a git repository', async () => {
    const plain = makeGitRepo({ git: false });
    plain.write('deploy/.env.production', `STRIPE_SECRET_KEY=${stripe}\n`);
    const run = await runActionInProcess({ workspace: plain.root, event: 'pull_request', payload: { pull_request: { base: { sha: 'abc1234' } } } });
    expect(run.commands[0]).toBe('::notice title=blast-radius::The workspace is not a git repository, so changed lines cannot be known; scanned everything.');
    expect(run.outputs.critical).toBe('1');
  });
});

describe('the Action inputs', () => {
  it('reports paths relative to the repository when `path` is a subdirectory', async () => {
    const repo = makeGitRepo();
    const base = repo.commit('base', { ...CONFIG, 'services/api/.blast-radius.yml': CONFIG['.blast-radius.yml'], 'services/api/package.json': '{"name":"api"}\n', 'services/web/.env.production': `STRIPE_SECRET_KEY=${stripeLiveKey('web')}\n` });
    repo.git('checkout', '-q', '-b', 'pr');
    const head = repo.commit('pr', { 'services/api/config/payments.yml': `stripe:\n  secret_key: ${stripe}\n` });
    const run = await runActionInProcess({
      workspace: repo.root,
      event: 'pull_request',
      payload: { pull_request: { number: 3, base: { sha: base }, head: { sha: head } } },
      inputs: { path: 'services/api', 'fail-on': 'critical' },
    });
    expect(run.commands.map((command) => /^::(\w+) file=([^,]+),line=(\d+)/.exec(command)?.slice(1).join(' '))).toEqual([
      'error services/api/config/payments.yml 2',
      'warning services/api/config/payments.yml 2',
    ]);
    expect(sarifResults(run, repo.root)).toEqual([
      'exposed-credential/stripe-live-secret-key services/api/config/payments.yml:2',
      'root-scoped-token/stripe-live-secret-key services/api/config/payments.yml:2',
    ]);
    expect(run.exitCode).toBe(1);
  });

  it('reports without failing on fail-on: none, and skips the summary and SARIF when told', async () => {
    const s = shop();
    checkoutTestMerge(s);
    const run = await runActionInProcess({
      workspace: s.repo.root,
      event: 'pull_request',
      payload: pullRequest(s),
      inputs: { 'fail-on': 'none', summary: 'false', 'sarif-file': 'none' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.commands.filter((command) => command.startsWith('::warning'))).toHaveLength(5);
    expect(run.summary).toBe('');
    expect(run.outputs['sarif-file']).toBe('');
  });

  it('uses a baseline and a config from the workspace', async () => {
    const s = shop();
    checkoutTestMerge(s);
    s.repo.write('.blast-radius.yml', `${CONFIG['.blast-radius.yml']}  root-scoped-token/stripe-live-secret-key: off\n`);
    const baseline = join(s.repo.root, 'accepted.json');
    const first = await runActionInProcess({ workspace: s.repo.root, event: 'pull_request', payload: pullRequest(s), inputs: { 'sarif-file': 'none' } });
    expect(first.outputs.findings).toBe('4');
    const { render } = await import('../src/report/index.js');
    const accepted = await scan({ root: s.repo.root });
    s.repo.write('accepted.json', render('json', { ...accepted, findings: accepted.findings.filter((finding) => finding.location.path === 'scripts/deploy.sh') }, { color: false }));
    const run = await runActionInProcess({ workspace: s.repo.root, event: 'pull_request', payload: pullRequest(s), inputs: { baseline: 'accepted.json', config: '.blast-radius.yml' } });
    expect(run.commands).toEqual([PR_ERRORS[2]]);
    rmSync(baseline);
  });

  it('shows ten annotations per level and says how many more there are', async () => {
    const repo = makeGitRepo();
    const base = repo.commit('base', { ...CONFIG, 'README.md': '# bots\n' });
    repo.git('checkout', '-q', '-b', 'bots');
    const tokens = Array.from({ length: 12 }, (_, index) => `BOT_${index}_GITHUB_TOKEN=${githubToken(`bot-${index}`)}`).join('\n');
    const head = repo.commit('bots', { 'ops/bots.sh': `#!/bin/sh\n${tokens}\n` });
    const run = await runActionInProcess({ workspace: repo.root, event: 'pull_request', payload: { pull_request: { base: { sha: base }, head: { sha: head } } } });
    const errors = run.commands.filter((command) => command.startsWith('::error'));
    expect(errors).toHaveLength(10);
    expect(run.commands.at(-1)).toBe('::notice title=blast-radius::14 more findings than GitHub shows as annotations: see the job summary and the SARIF file.');
    expect(run.outputs.findings).toBe('24');
  });

  it('refuses a bad input with exit 2 and an error annotation', async () => {
    const s = shop();
    const run = await runActionInProcess({ workspace: s.repo.root, event: 'push', inputs: { 'fail-on': 'severe' } });
    expect(run.exitCode).toBe(2);
    expect(run.commands).toEqual(['::error::blast-radius: input fail-on must be one of critical, high, medium, low, info, none; got "severe"']);
    const scanInput = await runActionInProcess({ workspace: s.repo.root, event: 'push', inputs: { scan: 'diff' } });
    expect(scanInput.commands).toEqual(['::error::blast-radius: input scan must be one of auto, changed, full; got "diff"']);
  });
});

describe('SARIF within GitHub limits', () => {
  it('keeps the most severe results that fit under the size limit and says how many it cut', async () => {
    const repo = makeGitRepo();
    repo.commit('tokens', { ...CONFIG, 'ops/tokens.sh': Array.from({ length: 40 }, (_, index) => `TOKEN_${index}=${githubToken(`cut-${index}`)}`).join('\n') + '\n' });
    const result = await scan({ root: repo.root });
    const whole = sarifWithinLimits(result);
    expect(whole.cut).toBeUndefined();
    const limit = Math.floor(Buffer.byteLength(whole.text) / 40);
    const cut = sarifWithinLimits(result, limit);
    const log = JSON.parse(cut.text) as { runs: Array<{ results: unknown[]; invocations: Array<{ toolExecutionNotifications: Array<{ descriptor: { id: string } }> }> }> };
    const kept = log.runs[0]!.results.length;
    expect(kept).toBeLessThan(result.findings.length);
    expect(cut.cut).toBe(`The SARIF file would pass GitHub's 10 MB (gzipped) upload limit: kept the ${kept} most severe of ${result.findings.length} results and left out ${result.findings.length - kept}. The job summary lists them.`);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.descriptor.id)).toContain('sarif-size-cut');
  });
});
