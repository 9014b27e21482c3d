// agent-permission/untrusted-trigger: a CI agent any GitHub user can start: an agent action opened to everyone
// (claude-code-action's `allowed_non_write_users: "*"`, codex-action's `allow-users: "*"`), or an agent that checks no
// access (run-gemini-cli, a CLI in a `run:` step) started without approvals on an open event in a job no condition gates.
import { sample, type RuleMeta } from '../../../src/model.js';

export const untrustedTrigger: RuleMeta = {
  id: 'agent-permission/untrusted-trigger',
  title: 'Agent workflow any GitHub user can start',
  severity: 'high',
  why:
    'claude-code-action and codex-action run only for users with write access unless a workflow widens the list. With `*`, anyone ' +
    'who can open an issue or write a comment on a public repository starts the agent with a prompt of their choosing, in a job ' +
    "that holds the workflow's secrets and token: prompt injection by anyone, with the job's reach. run-gemini-cli and an agent " +
    'CLI started in a `run:` step check nothing: on `issues`, `issue_comment` or `pull_request_target`, with approvals off and no ' +
    "job condition on `author_association`, the actor or a label, every stranger's issue, comment or fork reaches the agent.",
  fix:
    'Remove `*`: list the few bot or user accounts that must trigger the agent, or keep the default (write access only); for an ' +
    'agent that checks nothing, gate the job (`if: contains(fromJSON(\'["OWNER","MEMBER","COLLABORATOR"]\'), ' +
    'github.event.comment.author_association)`) or start it on a label only members can add. Where ' +
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
      sample(
        '.github/workflows/gemini-triage.yml',
        'name: Issue triage\non:\n  issues:\n    types: [opened, reopened]\npermissions:\n  contents: read\n  issues: write\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: google-github-actions/run-gemini-cli@v0\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n        with:\n          gemini_api_key: ${{ secrets.GEMINI_API_KEY }}\n          prompt: Triage issue #${{ github.event.issue.number }} and label it with gh.\n',
        { expect: { line: 13 }, note: 'run-gemini-cli checks no access and runs gemini --yolo: anyone who opens an issue steers it' },
      ),
      sample(
        '.github/workflows/ai-review.yml',
        'on:\n  pull_request_target:\njobs:\n  review:\n    runs-on: ubuntu-latest\n    permissions:\n      pull-requests: write\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm install -g @anthropic-ai/claude-code\n      - env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n        run: claude -p "Review this pull request and comment with gh" --dangerously-skip-permissions\n',
        { expect: { line: 13 }, note: "a fork's pull request starts the agent, approvals off, with the base repository's secrets" },
      ),
      sample(
        '.github/workflows/ai-fix.yml',
        'on:\n  issues:\n    types: [opened]\njobs:\n  context:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "issue ${{ github.event.issue.number }}"\n  fix:\n    needs: context\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx -y @anthropic-ai/claude-code -p "Fix issue ${{ github.event.issue.number }}" --dangerously-skip-permissions\n',
        { expect: { line: 14 }, note: 'a job it waits for checks nobody: anyone who opens an issue still starts it' },
      ),
    ],
    negative: [
      sample(
        '.github/workflows/claude.yml',
        'on:\n  issue_comment:\n    types: [created]\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          allowed_non_write_users: "renovate[bot],acme-triage-bot"\n',
        { note: 'named accounts only' },
      ),
      sample('docs/ci.md', 'Never set `allowed_non_write_users: "*"` on claude-code-action.\n', { note: 'documentation of the setting' }),
      sample(
        '.github/workflows/gemini.yml',
        'on:\n  issue_comment:\n    types: [created]\njobs:\n  gemini:\n    if: >-\n      contains(github.event.comment.body, \'@gemini-cli\') &&\n      contains(fromJSON(\'["OWNER", "MEMBER", "COLLABORATOR"]\'), github.event.comment.author_association)\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          gemini_api_key: ${{ secrets.GEMINI_API_KEY }}\n          prompt: Answer the comment.\n',
        { note: 'the job runs only for members' },
      ),
      sample(
        '.github/workflows/ai-fix.yml',
        'on:\n  issues:\n    types: [labeled]\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx -y @anthropic-ai/claude-code -p "Fix the labelled issue" --dangerously-skip-permissions\n',
        { note: 'only someone with triage access can label an issue' },
      ),
      sample(
        '.github/workflows/claude.yml',
        'on:\n  issue_comment:\n    types: [created]\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          claude_args: --allowedTools "Bash(*)"\n',
        { note: 'claude-code-action refuses commenters without write access' },
      ),
      sample(
        '.github/workflows/ai-fix.yml',
        'on:\n  issues:\n    types: [opened]\njobs:\n  authorize:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: prince-chrismc/check-actor-permissions-action@v3\n        with:\n          permission: write\n  fix:\n    needs: authorize\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx -y @anthropic-ai/claude-code -p "Fix issue ${{ github.event.issue.number }}" --dangerously-skip-permissions\n',
        { note: 'the job it waits for checks the actor has write access' },
      ),
    ],
  },
};
