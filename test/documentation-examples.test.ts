// Values in documentation (Python docstrings, an Ansible module's EXAMPLES, Go's doc.go, a document's examples) are examples: still
// reported, as an agent reads them too, but low, and never the start of a blast-radius chain.
import { describe, expect, it } from 'vitest';
import { repositoryScanner } from './helpers/scan-files.js';

const scanFiles = repositoryScanner();

const severities = (result: Awaited<ReturnType<typeof scanFiles>>, prefix: string) =>
  result.findings.filter((finding) => finding.ruleId.startsWith(prefix)).map((finding) => `${finding.ruleId} ${finding.location.span.line} ${finding.severity}`);

describe('documentation in source', () => {
  it("rates an Ansible module's EXAMPLES low, and the same value in its code at full severity", async () => {
    const module = [
      '#!/usr/bin/python',
      "DOCUMENTATION = r'''",
      'module: purefa_ad',
      "'''",
      '',
      "EXAMPLES = r'''",
      '- name: Create AD account',
      '  purefa_ad:',
      '    fa_url: 10.10.10.2',
      '    api_token: e31060a7-21fc-e277-6240-25983c6c4592',
      "'''",
      '',
      "API_TOKEN = 'e31060a7-21fc-e277-6240-25983c6c4592'",
      '',
    ].join('\n');
    const result = await scanFiles({ 'plugins/modules/purefa_ad.py': module });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/generic-secret 10 low', 'exposed-credential/generic-secret 13 medium']);
  });

  it('rates a docstring example low, and a string in a function body at full severity', async () => {
    const source = [
      'def connect(password=None):',
      '    """Open a session.',
      '',
      "    >>> connect(password='Qm8vX2pL7nRtKw3z')",
      '    """',
      "    password = 'Vt7qL2wRb9zX4eKp'",
      '    return password',
      '',
    ].join('\n');
    const result = await scanFiles({ 'lib/session.py': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 4 low', 'exposed-credential/hardcoded-password 6 medium']);
  });

  it("rates Go package documentation (doc.go) low", async () => {
    const doc = 'Package rescueunrescue rescues servers.\n\nExample:\n\n\trescueOpts := rescueunrescue.RescueOpts{\n\t\tAdminPass: "aUPtawPzE9NU",\n\t}\n\npackage rescueunrescue\n';
    const result = await scanFiles({ 'openstack/compute/v2/extensions/rescueunrescue/doc.go': doc.split('\n').map((line) => (line.startsWith('package') || line === '' ? line : `// ${line}`)).join('\n') });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 6 low']);
  });
});

describe('doc comments', () => {
  it('rates a JSDoc example low, and the same setting in code at full severity', async () => {
    const source = [
      '/**',
      ' * Provides a DocumentDB cluster.',
      ' *',
      ' * ```typescript',
      ' * const docdb = new aws.docdb.Cluster("docdb", {',
      ' *     masterPassword: "Qm8vX2pL7nRtKw3z",',
      ' * });',
      ' * ```',
      ' */',
      'export const cluster = { masterPassword: "Vt7qL2wRb9zX4eKp" };',
      '',
    ].join('\n');
    const result = await scanFiles({ 'docdb/cluster.ts': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 6 low', 'exposed-credential/hardcoded-password 10 medium']);
  });

  it("rates a document's examples low unless the value is in its provider's format, and a runbook's token at its usual severity", async () => {
    const docs = [
      '# Cloudflare DNS',
      '',
      'Here is an example bash command using the Cloudflare provider:',
      '',
      '```bash',
      'CLOUDFLARE_EMAIL=you@example.com \\',
      'CLOUDFLARE_API_KEY=b9841238feb177a84330febba8a83208921177bffe733 \\',
      'lego --dns cloudflare -d example.org run',
      '```',
      '',
      'For example, a Stripe key: `STRIPE_SECRET_KEY=sk_live_51Mq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4pT7wQ1`',
      '',
    ].join('\n');
    const runbook = ['# Restoring staging', '', 'Use the account token:', '', '```bash', 'export CLOUDFLARE_API_KEY=b9841238feb177a84330febba8a83208921177bffe733', '```', ''].join('\n');
    const readme = ['# Deploying', '', 'For example, to redeploy from a laptop:', '', '```sh', 'RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c railway up', '```', ''].join('\n');
    const result = await scanFiles({ 'docs/dns/cloudflare.md': docs, 'docs/runbooks/restore.md': runbook, 'README.md': readme });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    // A provider's key known by its name keeps its severity in a README's example: where a team pastes the token it uses.
    // The Cloudflare key beside you@example.com is no key at all: its account's email is a documentation address.
    expect(lines).toEqual(['README.md:6 high', 'docs/dns/cloudflare.md:11 high', 'docs/runbooks/restore.md:6 medium']);
  });
});
