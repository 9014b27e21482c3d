// How a chain names its path through scan(): an account token that reaches production on its own and also through a
// shared staging environment says both; a staging credential that reaches production only through what staging
// shares says only that.
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../src/scan.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const RAILWAY_IAC =
  'import { defineRailway, postgres, project, service } from "railway/iac";\n\nexport default defineRailway(() => {\n  const db = postgres("Postgres");\n  const api = service("api", { source: { repo: "fleetly/api" }, env: { DATABASE_URL: db.env.DATABASE_URL } });\n  return project("fleetly", { resources: [db, api] });\n});\n';
const SHARED_URL = 'DATABASE_URL=postgresql://postgres:${PGPASSWORD}@monorail.proxy.rlwy.net:41923/railway\n';
const base = { 'README.md': '# fleetly api\n', 'package.json': '{ "name": "fleetly-api", "private": true }\n', '.railway/railway.ts': RAILWAY_IAC, '.env.production': SHARED_URL };

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

async function chainMessage(files: Record<string, string>): Promise<string> {
  repo = makeRepo({ ...base, ...files });
  const { findings } = await scan({ root: repo.root });
  const chains = findings.filter((finding) => finding.ruleId.startsWith('blast-radius/'));
  expect(chains.map((chain) => chain.ruleId)).toEqual(['blast-radius/staging-reaches-unbacked-store']);
  return chains[0]!.message;
}

describe('the path a chain names', () => {
  it('an account token beside both reaches production directly and through staging', async () => {
    const message = await chainMessage({
      '.env.staging': SHARED_URL,
      'scripts/admin.sh': '#!/usr/bin/env bash\nexport RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\nrailway status --json > status.json\n',
    });
    expect(message).toContain("reaches Postgres (railway, backups on the same volume or host) directly and through staging, which uses production's database;");
  });

  it("staging's own database password reaches production only through what staging shares", async () => {
    const message = await chainMessage({ '.env.staging': 'DATABASE_URL=postgresql://postgres:Xk29fjq8LmQ2wPzR@monorail.proxy.rlwy.net:41923/railway\n' });
    expect(message).toContain("reaches Postgres (railway, backups on the same volume or host) through staging, which uses production's database;");
  });
});

describe('a client chain whose database a backup off the provider keeps', () => {
  it('is reported high, and the summary does not count it as a path to data that would not survive', async () => {
    repo = makeRepo({
      'package.json': '{ "name": "orders-api", "dependencies": { "pg": "^8.11.3" } }\n',
      '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(npm run test:*)", "Bash(psql:*)"],\n    "deny": ["Read(./.env)"]\n  }\n}\n',
      'config/production.env': 'NODE_ENV=production\nDATABASE_URL=postgresql://orders_app:q7Rk2mVx9LpT4wZs@ep-cool-darkness-123456.us-east-2.aws.neon.tech/orders?sslmode=require\n',
      '.github/workflows/backup.yml':
        'name: nightly-backup\non:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  dump:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: pg_dump "$DATABASE_URL" --format=custom | aws s3 cp - "s3://orders-backups/$(date +%F).dump"\n        env:\n          DATABASE_URL: ${{ secrets.DATABASE_URL }}\n      - run: |\n          aws s3 cp "s3://orders-backups/$(date +%F).dump" restore.dump\n          pg_restore --list restore.dump > /dev/null\n',
    });
    const { findings, summary } = await scan({ root: repo.root });
    const chain = findings.find((finding) => finding.ruleId === 'blast-radius/agent-client-reaches-production-database');
    expect(chain?.severity).toBe('high');
    expect(chain?.message).toContain('a backup off the provider bounds the loss');
    expect(summary.productionStores.map((store) => store.protection)).toEqual(['off-provider']);
    expect(summary.chains).toEqual([]);
    expect(summary.headline).toMatch(/^0 paths from an agent to production data that would not survive;/);
  });
});

describe("a staging key in production's account", () => {
  it("says what shows staging in production's account", async () => {
    repo = makeRepo({
      'infra/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_db_instance" "orders" {\n  identifier              = "orders-prod"\n  engine                  = "postgres"\n  instance_class          = "db.t4g.medium"\n  backup_retention_period = 7\n}\n',
      '.env.staging': 'APP_ENV=staging\nAWS_ACCESS_KEY_ID=AKIAUS7EQ2XK4MN3PZ6T\nAWS_SECRET_ACCESS_KEY=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\n',
      'envs/staging/main.tf': 'data "terraform_remote_state" "production" {\n  backend = "s3"\n  config = {\n    bucket = "acme-tfstate"\n    key    = "production/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
    });
    const { findings } = await scan({ root: repo.root });
    const chain = findings.find((finding) => finding.ruleId === 'blast-radius/credential-reaches-unbacked-store');
    expect(chain?.message).toContain("which reaches orders-prod (aws, backups held by the same provider), as staging is in production's account (it uses production's Terraform state acme-tfstate/production/terraform.tfstate);");
    expect(chain?.related?.map((related) => [related.location.path, related.message])).toContainEqual(['envs/staging/main.tf', "staging is in production's account"]);
  });
});
