// agent-permission/untrusted-trigger: a CI agent action opened to every GitHub user (claude-code-action's
// `allowed_non_write_users: "*"`, codex-action's `allow-users: "*"`).
import { sample, type RuleMeta } from '../../../src/model.js';

export const untrustedTrigger: RuleMeta = {
  id: 'agent-permission/untrusted-trigger',
  title: 'Agent workflow any GitHub user can start',
  severity: 'high',
  why:
    'The agent actions run only for users with write access unless a workflow widens the list. With `*`, anyone who can open an ' +
    'issue or write a comment on a public repository starts the agent with a prompt of their choosing, in a job that holds the ' +
    "workflow's secrets and token: prompt injection by anyone, with the job's reach.",
  fix:
    'Remove `*`: list the few bot or user accounts that must trigger the agent, or keep the default (write access only). Where ' +
    'outside users must be served, run the agent in a job with no secrets beyond its API key, a read-only token and a narrow tool list.',
  help: 'claude-code-action calls `allowed_non_write_users` "a significant security risk"; codex-action documents `allow-users` with the same caution.',
  helpUri: 'https://github.com/anthropics/claude-code-action/blob/main/docs/security.md',
  precision: 'very-high',
  tags: ['agent', 'ci', 'prompt-injection', 'owasp-llm01'],
  samples: {
    positive: [
      sample(
        '.github/workflows/claude.yml',
        'name: Claude\non:\n  issue_comment:\n    types: [created]\n  issues:\n    types: [opened]\npermissions:\n  contents: write\n  issues: write\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          allowed_non_write_users: "*"\n',
        { expect: { line: 18 } },
      ),
      sample(
        '.github/workflows/codex.yml',
        'on:\n  issues:\n    types: [opened]\njobs:\n  codex:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n      - uses: openai/codex-action@v1\n        with:\n          openai-api-key: ${{ secrets.OPENAI_API_KEY }}\n          prompt: Triage this issue.\n          allow-users: "octocat,*"\n',
        { expect: { line: 13 }, note: '`*` among named users' },
      ),
    ],
    negative: [
      sample(
        '.github/workflows/claude.yml',
        'on:\n  issue_comment:\n    types: [created]\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          allowed_non_write_users: "renovate[bot],acme-triage-bot"\n',
        { note: 'named accounts only' },
      ),
      sample('docs/ci.md', 'Never set `allowed_non_write_users: "*"` on claude-code-action.\n', { note: 'documentation of the setting' }),
    ],
  },
};
