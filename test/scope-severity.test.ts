// The severity of a scope finding: an account's key is critical, a whole resource's key high, unless a bundler's
// public prefix hands it to every visitor's browser, which makes a resource's key as bad as an account's.
import { describe, expect, it } from 'vitest';
import { repositoryScanner } from './helpers/scan-files.js';
import { CREDENTIAL_KINDS } from '../knowledge/credentials/index.js';

const scanFiles = repositoryScanner();
const SECRET_KEY = 'sb_secret_oCCxKr1vI_Wc7C6QNJyMs4_h7hSe4vg';
const APP_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDUKNZS0KR+493o8kPFAfrTzPlpt34rf4BSfchMHv2n+c0FJIHB\nfEPVRegVMHTetYl8HTyq/Gl23VjVVmLMICSYV69tOVr+wV3zeJhj++oaqPMc+sdv\nqLIIzpagYMr3wDCOh8Fhir0ACIxf3FL/uy0H65k2JwuDDHN/evUyrNNdaQIDAQAB\nAoGAUzDYKY0Kk38Cau9kR4HpOtfrDNsYrDHIvY/41HBqgk1faR7Rim8RojVRNc3U\nZefFS1ejjGCBckyFItJG10fbUPG73gC+YOdfwIr9UyFG1MZ1pJxNOz/IC1ymJMMb\ndq2y5dbuobjZsFRgl5YWaCbzMKQoSxdi8otfB4XMB5BKUokCQQD/LerkS7pxhfPe\nyIcbwz0eDmumQbQQDE2ylF3b8nMbsLYLq99tKIsfEVPV2ujp8gl26+5H9shoRj3d\ntTuHOEtbAkEA1NeApw/ZH+uvFObu66XwPPKRoc7glaVcYpVnBtNwkVtesVDGXAbY\n1DFjqbllj/JqeAPG8rmyv5N++JrIvcjJiwJBAICujipsSewfqdhp9UA516NFkGG5\n9my1V6U7jo1xGT0YguUl2jj43hdfrJBGoXgAV2eCGJpvx6ZV7bLVRtystcsCQF4s\nH7NLUtFJ0YSZDRtcp2gAF6mVRE9SBAdmfVhK02KtH7+qsqljKirw01z0N9ix9KO3\nYB5jRZB4LVTH/4vhPDMCQG85nAuOrXIL3XQP2yWQNvJSZQa+kiqys25/2XqdRarg\nQsVSIbzRVWtXoAB0qMMV0UILjFQrkVt7a5wpzEwbYBs=\n-----END RSA PRIVATE KEY-----\n';

async function scopeSeverities(files: Record<string, string>): Promise<string[]> {
  const result = await scanFiles(files);
  return result.findings.filter((finding) => finding.ruleId.startsWith('root-scoped-token/')).map((finding) => `${finding.ruleId} ${finding.severity}`);
}

describe('scope severity', () => {
  it('rates a resource-wide key under a bundler prefix critical', async () => {
    expect(await scopeSeverities({ 'web/.env.production': `VITE_SUPABASE_URL=https://xauskjsiduvgjqeznszb.supabase.co\nVITE_SUPABASE_KEY=${SECRET_KEY}\n` })).toEqual([
      'root-scoped-token/supabase-secret-key critical',
    ]);
  });

  it("rates an Atlas key beside the org's id critical, and beside a project id alone high", async () => {
    const key = 'export MONGODB_ATLAS_PRIVATE_API_KEY := 04c88b82-ed9c-3639-383e-0d8319e97abe\n';
    expect(await scopeSeverities({ Makefile: `ATLAS_ORG_ID := 5d4e3f2a1b0c6f1c2a9e3b7d\nATLAS_PROJECT_ID := 64f1c2a9e3b7d4c8e9a12d4e\n${key}` })).toEqual(['root-scoped-token/mongodb-atlas-api-key critical']);
    expect(await scopeSeverities({ Makefile: `ATLAS_PROJECT_ID := 64f1c2a9e3b7d4c8e9a12d4e\n${key}` })).toEqual(['root-scoped-token/mongodb-atlas-api-key high']);
  });

  it('rates the same key on the server high', async () => {
    expect(await scopeSeverities({ 'server/.env.production': `SUPABASE_URL=https://xauskjsiduvgjqeznszb.supabase.co\nSUPABASE_SECRET_KEY=${SECRET_KEY}\n` })).toEqual([
      'root-scoped-token/supabase-secret-key high',
    ]);
  });

  it("rates a private key under GitHub's App key download name critical: it mints tokens for every installation", async () => {
    expect(await scopeSeverities({ 'config/acme-deploy-bot.2024-05-01.private-key.pem': APP_KEY })).toEqual(['root-scoped-token/private-key critical']);
    expect(await scopeSeverities({ 'config/signing.pem': APP_KEY })).toEqual(['root-scoped-token/private-key high']);
  });

  it("rates a service-account key by the role the repository binds to its account", async () => {
    const pem = APP_KEY.replace(/\n/g, '\\n');
    const key = `{\n  "type": "service_account",\n  "project_id": "carelog-prod",\n  "private_key_id": "3f2c9a1b7d5e4f60a8b9c0d1e2f3a4b5c6d7e8f9",\n  "private_key": "${pem}",\n  "client_email": "metrics-reader@carelog-prod.iam.gserviceaccount.com"\n}\n`;
    const owner = 'resource "google_project_iam_member" "ci_owner" {\n  project = "carelog-prod"\n  role    = "roles/owner"\n  member  = "serviceAccount:metrics-reader@carelog-prod.iam.gserviceaccount.com"\n}\n';
    // Named for reading metrics, the key alone is rated narrow; the binding beside it says otherwise.
    expect(await scopeSeverities({ 'tools/metrics-reader-key.json': key })).toEqual([]);
    expect((await scopeSeverities({ 'tools/metrics-reader-key.json': key, 'infra/iam.tf': owner })).sort()).toEqual([
      'root-scoped-token/gcp-basic-role-service-account critical',
      'root-scoped-token/gcp-service-account-key critical',
    ]);
  });

  it('reads a patch by its hunks: what it removes, and what it adds to a test file, are examples', async () => {
    const key = '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';
    const patch = (target: string, sign: string) => `--- a/${target}\n+++ b/${target}\n@@ -1,2 +1,2 @@\n ci:\n${sign}  token: ${key}\n`;
    const severities = async (files: Record<string, string>) => (await scanFiles(files)).findings.filter((finding) => finding.ruleId === 'exposed-credential/github-classic-token').map((finding) => finding.severity);
    expect(await severities({ 'debian/patches/add-token.patch': patch('config/ci.yml', '+') })).toEqual(['high']);
    expect(await severities({ 'debian/patches/drop-token.patch': patch('config/ci.yml', '-') })).toEqual(['low']);
    expect(await severities({ 'debian/patches/test-token.patch': patch('test/fixtures/ci.yml', '+') })).toEqual(['low']);
  });

  it('declares a scope rule for every kind rated broad without context: the scope stage drops ratings no rule declares', () => {
    const bare = { value: '', siblings: [], siblingValues: {}, path: '', line: '', nearby: '' };
    const undeclared = CREDENTIAL_KINDS.filter((kind) => !kind.scopeSamples && ['root', 'root-resource'].includes(kind.rate(bare).scope)).map((kind) => kind.id);
    expect(undeclared).toEqual([]);
  });
});

describe('a tracked .env', () => {
  const severityOf = async (files: Record<string, string>) => (await scanFiles(files)).findings.find((finding) => finding.ruleId === 'exposed-credential/committed-dotenv')?.severity;

  it('is as serious as the strongest credential in it: test-mode keys only, low', async () => {
    expect(await severityOf({ '.env.staging': 'STRIPE_SECRET_KEY=sk_test_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4\nSTRIPE_PUBLISHABLE_KEY=pk_test_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4\n' })).toBe('low');
  });

  it('stays high with a live credential, or a secret no kind recognises', async () => {
    expect(await severityOf({ '.env.staging': 'STRIPE_SECRET_KEY=sk_test_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4\nSESSION_SECRET=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n' })).toBe('high');
    expect(await severityOf({ '.env': 'DATABASE_URL=postgres://app:Hq7vN2xL9pRt@db.acme-prod.internal:5432/app\n' })).toBe('high');
  });
});

describe('CI service containers', () => {
  it("rates the password of a job's throwaway database low, in the service and in the steps that connect to it", async () => {
    const workflow = [
      'name: databases',
      'on: [push]',
      'jobs:',
      '  mssql:',
      '    runs-on: ubuntu-22.04',
      '    services:',
      '      sqlsrv:',
      '        image: mcr.microsoft.com/mssql/server:2019-latest',
      '        env:',
      '          ACCEPT_EULA: Y',
      '          SA_PASSWORD: Forge123',
      '        ports:',
      '          - 1433:1433',
      '    strategy:',
      '      fail-fast: true',
      '    name: SQL Server 2019',
      '    steps:',
      '      - name: Execute tests',
      '        run: vendor/bin/phpunit tests/Integration/Database',
      '        env:',
      '          DB_CONNECTION: sqlsrv',
      '          DB_DATABASE: master',
      '          DB_USERNAME: SA',
      '          DB_PASSWORD: Forge123',
      '      - name: Migrate production',
      '        run: php artisan migrate --force',
      '        env:',
      '          DB_CONNECTION: sqlsrv',
      '          DB_DATABASE: master',
      '          DB_USERNAME: SA',
      '          DB_PASSWORD: Vx9mQ2rLw8Kt4Zp',
      '',
    ].join('\n');
    const result = await scanFiles({ '.github/workflows/databases.yml': workflow });
    const rated = result.findings.filter((finding) => finding.ruleId.endsWith('/hardcoded-password')).map((finding) => `${finding.ruleId} ${finding.location.span.line} ${finding.severity}`);
    expect(rated).toEqual([
      'exposed-credential/hardcoded-password 11 low',
      'root-scoped-token/hardcoded-password 11 low',
      'exposed-credential/hardcoded-password 24 low',
      'root-scoped-token/hardcoded-password 24 low',
      'exposed-credential/hardcoded-password 31 medium',
      'root-scoped-token/hardcoded-password 31 high',
    ]);
  });

  it("keeps a step's password at full severity when only a non-secret value of the service (its user, its database) is the same string", async () => {
    const workflow = [
      'name: ledger',
      'on: [push]',
      'jobs:',
      '  test-and-migrate:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      postgres:',
      '        image: postgres:16',
      '        env:',
      '          POSTGRES_USER: ledger_k7Qm2Rw9',
      '          POSTGRES_PASSWORD: postgres',
      '          POSTGRES_DB: ledger_test',
      '        ports:',
      '          - 5432:5432',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm ci && npm test',
      '      - name: Migrate production',
      '        run: npx knex migrate:latest --env production',
      '        env:',
      '          PGHOST: ledger-prod.c9akciq32.eu-west-1.rds.amazonaws.com',
      '          PGUSER: ledger',
      '          PGPASSWORD: ledger_k7Qm2Rw9',
      '',
    ].join('\n');
    const result = await scanFiles({ '.github/workflows/ledger.yml': workflow });
    const rated = result.findings.filter((finding) => finding.ruleId === 'exposed-credential/hardcoded-password').map((finding) => `${finding.location.span.line} ${finding.severity}`);
    expect(rated).toEqual(['23 medium']);
  });
});

describe('why a Railway token is rated an account token', () => {
  const because = async (files: Record<string, string>) =>
    (await scanFiles(files)).findings.filter((finding) => finding.ruleId === 'root-scoped-token/railway-account-token').map((finding) => finding.message.slice(finding.message.indexOf(': ') + 2));

  it('says a bearer token is never a project token, and that a variable alone cannot tell', async () => {
    const sent = 'const RAILWAY_TOKEN = "6b2f9d1e-3c4a-4e8b-a7d5-0f1e2d3c4b5a";\nawait fetch("https://backboard.railway.com/graphql/v2", {\n  method: "POST",\n  headers: { Authorization: `Bearer ${RAILWAY_TOKEN}` },\n});\n';
    expect(await because({ 'scripts/sync-domains.ts': sent })).toEqual([
      'RAILWAY_TOKEN is sent as a bearer token, which Railway takes only from account and workspace tokens (project tokens use Project-Access-Token).',
    ]);
    expect(await because({ 'scripts/redeploy.sh': 'export RAILWAY_API_TOKEN=6b2f9d1e-3c4a-4e8b-a7d5-0f1e2d3c4b5a\nrailway up\n' })).toEqual([
      'RAILWAY_API_TOKEN holds account or workspace tokens, and a UUID cannot show which, so it is rated the broad kind.',
    ]);
  });
});
