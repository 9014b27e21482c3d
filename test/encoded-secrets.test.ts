// Secrets a file holds in another form than their value: escaped inside a JSON string, base64 in a Kubernetes
// Secret's `data`. The value is what is rated; the report hides what the file holds as well, in every format.
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/model.js';
import { render } from '../src/report/index.js';
import { repositoryScanner } from './helpers/scan-files.js';
import { stripeLiveKey } from './helpers/tokens.js';

const scanFiles = repositoryScanner();

function expectHidden(result: ScanResult, secrets: readonly string[]): void {
  for (const format of ['text', 'json', 'sarif', 'markdown'] as const) {
    const output = render(format, result, { color: false, includeSuppressed: true });
    for (const secret of secrets) expect(output, `${format} shows ${secret.slice(0, 6)}…`).not.toContain(secret);
  }
}

describe('a Kubernetes Secret', () => {
  const stripe = stripeLiveKey('k8s-secret');
  const password = 'Hk7#vQ2mXp9LwR4z';
  const encodedStripe = Buffer.from(stripe).toString('base64');
  const encodedPassword = Buffer.from(password).toString('base64');
  const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\n  namespace: production\ntype: Opaque\ndata:\n  PAYMENTS_KEY: ${encodedStripe}\n  DATABASE_PASSWORD: ${encodedPassword}\n  region: ${Buffer.from('eu-west-1').toString('base64')}\n`;

  it('is read as what its data decodes to, and pointed at where the encoded value is', async () => {
    const result = await scanFiles({ 'k8s/api-secret.yaml': manifest });
    const exposed = result.findings.filter((finding) => finding.ruleId.startsWith('exposed-credential/'));
    expect(exposed.map((finding) => `${finding.ruleId} ${finding.location.span.line}:${finding.location.span.column}`)).toEqual([
      'exposed-credential/stripe-live-secret-key 8:17',
      'exposed-credential/hardcoded-password 9:22',
    ]);
    expect(result.findings.some((finding) => finding.ruleId === 'root-scoped-token/stripe-live-secret-key')).toBe(true);
    expectHidden(result, [stripe, encodedStripe, password, encodedPassword]);
  });

  it('a ConfigMap holds its data as it is: nothing is decoded there', async () => {
    const result = await scanFiles({ 'k8s/api-config.yaml': manifest.replace('kind: Secret', 'kind: ConfigMap').replace('type: Opaque\n', '') });
    expect(result.findings.filter((finding) => finding.ruleId === 'exposed-credential/stripe-live-secret-key')).toEqual([]);
  });
});

describe('a secret escaped in a JSON string', () => {
  it('is hidden in the snippet as the file writes it', async () => {
    const held = 'Zq4vW8yB2n\\"M6kP0tR3xS7uD1gF5hJ9cL';
    const result = await scanFiles({ 'config/settings.json': `{\n  "api_token": "${held}"\n}\n` });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'exposed-credential/generic-secret');
    expect(finding?.location.span.line).toBe(2);
    expectHidden(result, [held, held.replace('\\', '')]);
  });
});

describe('a secret printed into a notebook output', () => {
  it('is pointed at and hidden, not the line it was printed on', async () => {
    const secret = 'xkvOLL5PNIoepDygmd9WLuh9S7S5NFSj2Zz0IEhU';
    const notebook = JSON.stringify(
      {
        cells: [{ cell_type: 'code', source: ['!env | grep AWS'], outputs: [{ name: 'stdout', output_type: 'stream', text: ['AWS_ACCESS_KEY_ID=AKIAQX4KJ2MZ7HTLD5PW\n', `AWS_SECRET_ACCESS_KEY=${secret}\n`] }] }],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const result = await scanFiles({ 'notebooks/churn.ipynb': notebook });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'exposed-credential/aws-secret-access-key');
    const line = notebook.split('\n').findIndex((text) => text.includes(secret)) + 1;
    expect(finding?.location.span).toMatchObject({ line, column: notebook.split('\n')[line - 1]!.indexOf(secret) + 1 });
    // No stretch of a quarter of the secret shows anywhere, in any format.
    const stretches = Array.from({ length: secret.length - 9 }, (_, index) => secret.slice(index, index + 10));
    expectHidden(result, stretches);
  });
});
