// The exposed-credential rules: one per credential kind, generated from the kind's knowledge (so docs and SARIF
// help never drift from what the detector matches), plus the rule for a tracked .env file.
import type { RuleMeta } from '../../src/model.js';
import { sample } from '../../src/model.js';
import { CREDENTIAL_KINDS } from '../../knowledge/credentials/index.js';
import type { CredentialKind } from '../../knowledge/credentials/types.js';
import { commonNoun, openingSentence, withArticle } from '../../src/wording.js';

export const DETECTOR_ID = 'exposed-credential';
const GENERIC_PROVIDERS = new Set(['generic', 'database', 'private-key']);

export function exposedRuleId(kind: CredentialKind): string {
  return `${DETECTOR_ID}/${kind.id}`;
}

function ruleOf(kind: CredentialKind): RuleMeta {
  return {
    id: exposedRuleId(kind),
    title: `${kind.title} stored where coding agents read it`,
    severity: kind.exposedSeverity ?? 'high',
    why: `${openingSentence(withArticle(commonNoun(kind.title)))} sits in plain text in a file that every coding agent working in this repository can open, search and quote. Whoever holds it ${kind.reach}.`,
    fix: `Revoke and rotate it, keep the new one in a secret manager or a git-ignored .env file, and remove it from git history; ${kind.narrower}.`,
    ...(kind.reference ? { helpUri: kind.reference } : {}),
    precision: GENERIC_PROVIDERS.has(kind.provider) ? 'medium' : 'high',
    tags: ['secrets', kind.provider, 'external/cwe/cwe-798'],
    samples: kind.samples,
  };
}

export const committedDotenvRule: RuleMeta = {
  id: `${DETECTOR_ID}/committed-dotenv`,
  title: '.env file with secrets tracked by git',
  severity: 'high',
  why: 'A .env file exists to keep secrets out of the repository. Once git tracks it, every clone, fork, CI log and coding agent has the secrets in it, and they stay in history after the file is deleted.',
  fix: 'Remove it from the index (`git rm --cached`), add it to .gitignore, rotate every secret it held, and commit a `.env.example` with placeholders instead.',
  help: 'Reported high; when every credential in the file is rated lower (test-mode keys, examples) and it holds no other secret-named value, at the strongest of their severities.',
  precision: 'high',
  tags: ['secrets', 'dotenv', 'external/cwe/cwe-538'],
  samples: {
    positive: [
      sample('.env', 'NODE_ENV=production\nDATABASE_URL=postgres://app:Hq7vN2xL9pRt@db.acme-prod.internal:5432/app\nSESSION_SECRET=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n', { expect: { line: 1 } }),
      sample('apps/api/.env.production', 'API_TOKEN=T9xK2mQ7vB4nW8pR1sY5zA0cF3hJ6lD\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('.env.example', 'DATABASE_URL=postgres://user:password@localhost:5432/app\nSESSION_SECRET=changeme\n'),
      sample('.env', 'NODE_ENV=development\nPORT=3000\nLOG_LEVEL=debug\n'),
      { files: { '.env': 'SESSION_SECRET=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n' }, gitignored: ['.env'], note: 'git-ignored: where secrets belong' },
      sample(
        '.env.production',
        'NEXT_PUBLIC_SUPABASE_URL=https://ygginoqukmzwpujrtqlo.supabase.co\nNEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MjAzMzU3NjAwMH0.rSsWA-hLJeiytq9mDPLsqsYNBAsQ6VciKx5W73K8H-I\nNEXT_PUBLIC_POSTHOG_KEY=phc_Kq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4pT7wQ1\n',
        { note: 'only values every browser gets: Next.js commits .env.production for them' },
      ),
    ],
  },
};

/** Terraform state of a generated password: its value sits under `result`, a name no secret pattern knows. */
const STATE = '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": [\n    {\n      "mode": "managed",\n      "type": "random_password",\n      "name": "db",\n      "instances": [\n        {\n          "attributes": {\n            "length": 24,\n            "result": "q7Vd2LmX9wRt4KpZs8Nb3YcF"\n          }\n        }\n      ]\n    }\n  ]\n}\n';

export const committedTerraformStateRule: RuleMeta = {
  id: `${DETECTOR_ID}/committed-terraform-state`,
  title: 'Terraform state tracked by git',
  severity: 'high',
  why: 'Terraform state records every attribute of every resource it manages in plain text: database master passwords, generated passwords, access key secrets, private keys, connection strings. Tracked by git, it is in every clone and in history, and every coding agent in the repository can read it, whatever names the values carry.',
  fix: 'Move state to a remote backend with encryption and locking (S3 with a lock table, GCS, azurerm, HCP Terraform), remove the file from the index (`git rm --cached`), ignore `*.tfstate` and `*.tfstate.*`, and rotate the secrets it held.',
  helpUri: 'https://developer.hashicorp.com/terraform/language/state/sensitive-data',
  precision: 'high',
  tags: ['secrets', 'terraform', 'external/cwe/cwe-538'],
  samples: {
    positive: [
      sample('infra/terraform.tfstate', STATE, { expect: { line: 1 } }),
      sample('infra/terraform.tfstate.backup', STATE, { expect: { line: 1 } }),
    ],
    negative: [
      sample('infra/terraform.tfstate', '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": []\n}\n', { note: 'an empty state holds nothing' }),
      { files: { 'infra/terraform.tfstate': STATE }, gitignored: ['infra/terraform.tfstate'], note: 'git-ignored local state' },
    ],
  },
};

export const EXPOSED_RULES: readonly RuleMeta[] = [...CREDENTIAL_KINDS.map(ruleOf), committedDotenvRule, committedTerraformStateRule];
