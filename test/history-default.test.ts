// A plain `scan <dir>` of a small repository also reads its history, for the credentials deleted from the tree that
// every clone still holds; it never reports a secret twice, and a large repository gets a note instead.
import { afterAll, describe, expect, it } from 'vitest';
import { scanRepository } from '../src/scan-repository.js';
import { runCli } from './helpers/cli.js';
import { makeGitRepo, removeAll } from './helpers/git-history.js';
import { githubToken, stripeLiveKey } from './helpers/tokens.js';

afterAll(removeAll);

interface JsonReport {
  findings: Array<{ ruleId: string; path: string; line: number; commit?: string; details: { stillInTree?: boolean } }>;
  notifications: Array<{ code: string; message: string }>;
  summary: { headline: string; credentials: { total: number } };
}

async function scanJson(args: string[]): Promise<JsonReport> {
  const { stdout } = await runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none']);
  return JSON.parse(stdout) as JsonReport;
}

/** The credential findings (a file holding a secret also has agent-permission's finding when no ignore rule covers it). */
const credentialFindings = (report: JsonReport) => report.findings.filter((finding) => /^(?:exposed-credential|root-scoped-token)\//.test(finding.ruleId));
const brief = (report: JsonReport) => credentialFindings(report).map(({ ruleId, path, line, commit }) => ({ ruleId, path, line, commit }));

describe('scan <dir> of a repository', () => {
  it('reports a credential deleted from the tree at the commit that added it, and counts it in the summary', async () => {
    const repo = makeGitRepo();
    const stripe = stripeLiveKey('deleted');
    const added = repo.commit('billing script', { 'scripts/refund.py': `import stripe\nstripe.api_key = "${stripe}"\n`, 'README.md': '# shop\n' });
    repo.commit('read the key from the environment', { 'scripts/refund.py': 'import os, stripe\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]\n' });

    const report = await scanJson([repo.root]);
    expect(brief(report)).toEqual([
      { ruleId: 'exposed-credential/stripe-live-secret-key', path: 'scripts/refund.py', line: 2, commit: added },
      { ruleId: 'root-scoped-token/stripe-live-secret-key', path: 'scripts/refund.py', line: 2, commit: added },
    ]);
    expect(report.findings.every((finding) => finding.details.stillInTree === false)).toBe(true);
    expect(report.findings).toHaveLength(2);
    expect(report.summary.credentials.total).toBe(1);
    expect(report.summary.headline).toContain('2 of the findings are only in git history');

    const treeOnly = await scanJson([repo.root, '--no-history']);
    expect(treeOnly.findings).toEqual([]);
  });

  it('reports a secret still in the tree once, from the tree, however many commits carried it or where it moved', async () => {
    const repo = makeGitRepo();
    const token = githubToken('moved');
    repo.commit('release', { 'scripts/release.sh': `#!/bin/sh\nGH_TOKEN=${token} gh release create "$TAG"\n` });
    repo.commit('edit around it', { 'scripts/release.sh': `#!/bin/sh\nset -e\nGH_TOKEN=${token} gh release create "$TAG"\n` });
    repo.commit('move it', { 'scripts/release.sh': null, 'docs/release.md': `Run:\n\n    GH_TOKEN=${token} gh release create v1\n` });

    const report = await scanJson([repo.root]);
    expect(brief(report)).toEqual([
      { ruleId: 'exposed-credential/github-classic-token', path: 'docs/release.md', line: 3, commit: undefined },
      { ruleId: 'root-scoped-token/github-classic-token', path: 'docs/release.md', line: 3, commit: undefined },
    ]);
    expect(report.notifications.map((notification) => notification.code)).toContain('history-scanned');
  });

  it('skips the versions the tree holds unchanged, and reads the one a work-tree edit removed a key from', async () => {
    const repo = makeGitRepo();
    const stripe = stripeLiveKey('edited');
    repo.commit('one commit', { 'config/billing.yml': `stripe:\n  secret_key: ${stripe}\n`, 'README.md': '# a\n', 'app.py': 'print(1)\n' });
    const clean = await scanJson([repo.root]);
    expect(clean.notifications.find((notification) => notification.code === 'history-scanned')?.message).toBe('Git history read: its 1 commit holds no file version the tree does not.');
    expect(brief(clean).map((finding) => finding.commit)).toEqual([undefined, undefined]);

    // Not committed: the tree no longer has the key, the last commit still does.
    repo.write('config/billing.yml', 'stripe:\n  secret_key: ${STRIPE_SECRET_KEY}\n');
    const edited = await scanJson([repo.root]);
    expect(edited.notifications.find((notification) => notification.code === 'history-scanned')?.message).toContain('(1 file versions)');
    expect(brief(edited).map(({ ruleId, path }) => `${ruleId} ${path}`)).toEqual([
      'exposed-credential/stripe-live-secret-key config/billing.yml',
      'root-scoped-token/stripe-live-secret-key config/billing.yml',
    ]);
    expect(credentialFindings(edited).every((finding) => finding.commit !== undefined)).toBe(true);
  });

  it('leaves the history of a large repository to scan --history, and says so', async () => {
    const repo = makeGitRepo();
    repo.commit('one', { 'scripts/refund.py': `stripe.api_key = "${stripeLiveKey('large')}"\n` });
    repo.commit('two', { 'scripts/refund.py': 'stripe.api_key = os.environ["STRIPE_SECRET_KEY"]\n' });
    const result = await scanRepository({ root: repo.root, historyLimits: { commits: 1, objectBytes: 1 << 30 } });
    expect(result.findings).toEqual([]);
    expect(result.notifications.find((notification) => notification.code === 'history-not-scanned')?.message).toBe(
      'Git history not scanned (2 commits): a credential deleted from the tree is still readable with git log -p. Run `blast-radius scan --history` to read it all.',
    );
  });

  it('reads no history for a subdirectory or one file of a repository, nor outside one', async () => {
    const repo = makeGitRepo();
    repo.commit('one', { 'services/api/refund.py': `stripe.api_key = "${stripeLiveKey('sub')}"\n`, 'services/api/app.py': 'print(1)\n' });
    repo.commit('two', { 'services/api/refund.py': 'stripe.api_key = os.environ["STRIPE_SECRET_KEY"]\n' });
    for (const target of [`${repo.root}/services/api`, `${repo.root}/services/api/app.py`]) {
      const report = await scanJson([target]);
      expect(report.findings).toEqual([]);
      expect(report.notifications.map((notification) => notification.code)).not.toContain('history-scanned');
    }
    const plain = makeGitRepo({ git: false });
    plain.write('deploy.sh', `STRIPE_SECRET_KEY=${stripeLiveKey('plain')}\n`);
    const outside = await scanJson([plain.root]);
    expect(brief(outside).map((finding) => finding.commit)).toEqual([undefined, undefined]);
  });

  it('refuses --no-history with another scan mode', async () => {
    const repo = makeGitRepo();
    const { code, stderr } = await runCli(['scan', repo.root, '--history', '--no-history']);
    expect(code).toBe(2);
    expect(stderr).toContain('--no-history applies to a scan of the tree only');
  });
});
