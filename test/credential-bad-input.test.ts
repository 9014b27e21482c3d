// Credential-shaped input that cannot be read as a credential is reported as what it is, and never ends the scan:
// a truncated private key, a JWT whose parts do not decode, an IAM policy document that is not JSON, a document
// nested too deeply to walk.
import { describe, expect, it } from 'vitest';
import { repositoryScanner } from './helpers/scan-files.js';
import { stripeLiveKey } from './helpers/tokens.js';

const scanFiles = repositoryScanner();

describe('credential-shaped bad input', () => {
  it('notes a private key with no END line and a JWT that does not decode, and still reports the real credential beside them', async () => {
    const result = await scanFiles({
      'deploy/key.pem': '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n',
      'tests/e2e/session.http': 'GET /me\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbiBhdCBhbGw.c2lnbmF0dXJlLW9mLW5vdGhpbmc\n',
      'scripts/deploy.sh': 'export RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\n',
    });
    const notes = result.notifications.filter((note) => note.code === 'truncated-private-key' || note.code === 'malformed-jwt').map((note) => `${note.code} ${note.path}:${note.line}`);
    expect(notes).toEqual(['truncated-private-key deploy/key.pem:1', 'malformed-jwt tests/e2e/session.http:2']);
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('exposed-credential/')).map((finding) => `${finding.ruleId} ${finding.location.path}`)).toEqual([
      'exposed-credential/railway-account-token scripts/deploy.sh',
    ]);
    expect(result.notifications.filter((note) => note.code === 'detector-error')).toEqual([]);
  });

  it('warns about an IAM policy document that is not valid JSON and checks the valid one beside it', async () => {
    const result = await scanFiles({
      'infra/iam.tf':
        'resource "aws_iam_policy" "broken" {\n  policy = <<EOF\n{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "*", "Resource": "*" } \nEOF\n}\n\n' +
        'resource "aws_iam_policy" "admin" {\n  policy = <<EOF\n{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "*", "Resource": "*" } ] }\nEOF\n}\n',
    });
    expect(result.notifications.filter((note) => note.code === 'invalid-policy-json').map((note) => `${note.path}:${note.line}`)).toEqual(['infra/iam.tf:2']);
    expect(result.findings.filter((finding) => finding.ruleId === 'root-scoped-token/aws-allow-all-policy').map((finding) => finding.location.span.line)).toEqual([8]);
  });

  it('reads a document nested thousands of levels deep as text, with a warning, and still finds the key in it', async () => {
    const stripe = stripeLiveKey('deep');
    const depth = 20_000;
    const result = await scanFiles({ 'data/tree.json': `${'{"node":'.repeat(depth)}{"stripe_key":"${stripe}"}${'}'.repeat(depth)}
` });
    expect(result.notifications.filter((note) => note.code === 'detector-error')).toEqual([]);
    expect(result.notifications.filter((note) => note.code === 'parse-error').map((note) => note.message)).toEqual([expect.stringContaining('nested deeper than 256 levels')]);
    expect(result.findings.filter((finding) => finding.ruleId === 'exposed-credential/stripe-live-secret-key').map((finding) => finding.location.path)).toEqual(['data/tree.json']);
  });

  it('says a YAML file whose flow collections nest thousands deep is nested too deep, not that the stack overflowed', async () => {
    const stripe = stripeLiveKey('deep-yaml');
    const result = await scanFiles({ 'docker-compose.yml': `services:\n  api:\n    environment:\n      STRIPE_KEY: ${stripe}\n      EXTRA: ${'['.repeat(3000)}\n` });
    expect(result.notifications.filter((note) => note.code === 'parse-error').map((note) => note.message)).toEqual([expect.stringContaining('nested deeper than 256 levels')]);
    expect(result.findings.filter((finding) => finding.ruleId === 'exposed-credential/stripe-live-secret-key').map((finding) => finding.location.path)).toEqual(['docker-compose.yml']);
  });
});
