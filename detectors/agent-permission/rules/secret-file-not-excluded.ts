// agent-permission/secret-file-not-excluded: a file holding a credential that an agent working here can read, because
// no ignore file or deny rule excludes it (or the agent's shell runs unasked, which no ignore file stops).
import type { RuleMeta } from '../../../src/model.js';

export const secretFileNotExcluded: RuleMeta = {
  id: 'agent-permission/secret-file-not-excluded',
  title: 'Secret-bearing file no agent rule excludes',
  severity: 'medium',
  why:
    'A file that holds a credential is readable by the coding agents used here: Claude Code, Codex and Copilot exclude nothing by ' +
    'default, and no `.cursorignore`, `.geminiignore`, `.aiexclude`, `.clineignore` or Claude `deny: Read(...)` rule names it. ' +
    'The incident began this way: an agent found a root-scoped token in an unrelated file. Where an agent\'s shell is approved ' +
    'for any command, its ignore rules do not help: `cat` reads the file. High when a credential in the file is root-scoped.',
  fix:
    'Move the credential out of the checkout (a secret manager, the CI secret store, a git-ignored .env for local work), and ' +
    'exclude secret files for every agent the team uses: `"deny": ["Read(./.env)", "Read(./.env.*)"]` in .claude/settings.json, ' +
    'the paths in .cursorignore, .geminiignore, .aiexclude; keep shell approval narrow.',
  helpUri: 'https://code.claude.com/docs/en/permissions',
  precision: 'high',
  tags: ['agent', 'secrets', 'owasp-llm02'],
  samples: {
    positive: [
      {
        files: {
          '.windsurf/rules/deploy.md': '# Deploying\n\nUse the scripts in bin/.\n',
          '.codeiumignore': 'config/prod.env\n',
          'config/prod.env': 'AWS_ACCESS_KEY_ID=AKIAQX4KJ2MZ7HTLD5PW\nAWS_SECRET_ACCESS_KEY=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\n',
        },
        expect: { path: 'config/prod.env', line: 1 },
        note: ".codeiumignore keeps a file out of Windsurf's index only: Cascade still reads it",
      },
      {
        files: {
          '.cursor/cli.json': '{\n  "permissions": {\n    "allow": ["Shell(cat)", "Shell(ls)"]\n  }\n}\n',
          '.cursorignore': 'scripts/deploy.sh\n',
          'scripts/deploy.sh': '#!/usr/bin/env bash\nset -euo pipefail\nexport RAILWAY_API_TOKEN="7c9e6679-7425-40de-944b-e07fc1f90ae7"\nrailway up --service api\n',
        },
        expect: { path: 'scripts/deploy.sh', line: 3 },
        note: 'hidden from Cursor by .cursorignore, but Shell(cat) runs unasked',
      },
      {
        files: {
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(cat:*)", "Bash(npm test:*)"],\n    "deny": ["Read(./config/deploy.yml)"]\n  }\n}\n',
          'config/deploy.yml': 'registry: ghcr.io\ngithub:\n  token: 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\n',
        },
        expect: { path: 'config/deploy.yml', line: 3 },
        note: 'excluded from the Read tool, but `cat` runs unasked',
      },
      {
        files: {
          'CLAUDE.md': '# Deploy tooling\n\n- `npm run deploy` ships the API to Railway.\n',
          'scripts/deploy.sh': '#!/usr/bin/env bash\nset -euo pipefail\nexport RAILWAY_API_TOKEN="7c9e6679-7425-40de-944b-e07fc1f90ae7"\nrailway up --service api --environment staging\n',
        },
        expect: { path: 'scripts/deploy.sh', line: 3 },
      },
      {
        files: {
          'AGENTS.md': '# Billing service\n\nRun `go test ./...` before committing.\n',
          'config/billing.yml': 'stripe:\n  secret_key: sk_live_51Ha8KqLbF2mX7vNpT9rW3yZ6cD4eG8hJ1kM5nQ0sU2xV7bA\n  webhook_tolerance: 300\n',
          '.cursorignore': 'config/billing.yml\n',
        },
        expect: { path: 'config/billing.yml', line: 2 },
        note: 'Cursor excludes the file; Codex (AGENTS.md) has no rule that could',
      },
    ],
    negative: [
      {
        files: {
          'CLAUDE.md': '# Deploy tooling\n',
          'scripts/deploy.sh': '#!/usr/bin/env bash\nrailway up --service api --environment "${RAILWAY_ENVIRONMENT:-staging}"\n',
        },
        note: 'no credential in the file',
      },
      {
        files: { 'src/partners.py': 'PARTNER_API_TOKEN = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n' },
        note: 'only a name-based guess, which exposed-credential reports on its own',
      },
      {
        files: {
          '.cursor/rules/general.mdc': '---\nalwaysApply: true\n---\nUse pnpm.\n',
          'config/billing.yml': 'stripe:\n  secret_key: sk_live_51Ha8KqLbF2mX7vNpT9rW3yZ6cD4eG8hJ1kM5nQ0sU2xV7bA\n',
          '.cursorignore': 'config/billing.yml\n',
        },
        note: 'the only agent used here is Cursor, and .cursorignore excludes the file',
      },
      {
        files: {
          '.kiro/agents/billing.md': '---\ndescription: Billing service agent\ntools: [read, write, shell]\npermissions:\n  - capability: fs_read\n    effect: deny\n    match: ["config/billing.yml", ".env*"]\n---\nWork on the billing service.\n',
          'config/billing.yml': 'stripe:\n  secret_key: sk_live_51Ha8KqLbF2mX7vNpT9rW3yZ6cD4eG8hJ1kM5nQ0sU2xV7bA\n',
        },
        note: "the only agent used here is Kiro, whose profile denies reading the file, and its shell still asks",
      },
    ],
  },
};
