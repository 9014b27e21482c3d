// agent-permission/prose-only-guardrail: an instructions file forbids destructive, production, migration or secret-reading
// actions and no agent configuration enforces it.
import { sample, type RuleMeta } from '../../../src/model.js';

/** Claude settings running `.claude/hooks/guard.sh` before every shell command. */
const HOOKED_SETTINGS = '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "\\"$CLAUDE_PROJECT_DIR\\"/.claude/hooks/guard.sh" }] }\n    ]\n  }\n}\n';

export const proseOnlyGuardrail: RuleMeta = {
  id: 'agent-permission/prose-only-guardrail',
  title: 'Guardrail stated in prose only',
  severity: 'medium',
  why:
    'AGENTS.md, CLAUDE.md, .cursor/rules or copilot-instructions.md tells the agent never to run destructive commands, touch ' +
    'production, run migrations or read secrets, and no agent configuration in the repository denies any of it. Instructions ' +
    'shape what the model tries; permission rules decide what the agent may do. The decision was placed with the model, the ' +
    'incident\'s exact gap: an agent that "guessed" deleted a production volume its instructions told it to leave alone.',
  fix:
    'Keep the sentence, and back it with a rule the agent enforces: a deny (or ask) rule for the commands it names ' +
    '(`"Bash(railway:*)"` in `.claude/settings.json` permissions.deny, `Shell(rm)` in `.cursor/cli.json`, a Codex ' +
    '`prefix_rule(..., decision="forbidden")`), or a read exclusion for the secret files.',
  help:
    'Reported as information when no setting, flag or launcher in the repository lets an agent that reads the file run commands ' +
    'unasked: the person approving each command is then the enforcement. A sentence against reading secrets stays medium, as file reads are not asked for.',
  helpUri: 'https://code.claude.com/docs/en/permissions',
  precision: 'medium',
  tags: ['agent', 'instructions', 'guardrail'],
  samples: {
    positive: [
      {
        files: {
          'GEMINI.md': '# Ops\n\n- Never run `terraform destroy`.\n',
          '.gemini/policies/guard.toml': '[[rule]]\ntoolName = "run_shell_command"\ncommandPrefix = ["terraform destroy", "terraform apply"]\ndecision = "deny"\npriority = 500\n',
        },
        expect: { path: 'GEMINI.md', line: 3 },
        note: 'a workspace policy denies it, but Gemini CLI does not load workspace policies at present',
      },
      {
        files: {
          'CLAUDE.md': '# Data\n\n- Never run destructive database commands.\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "deny": ["Bash(rm -rf:*)"]\n  }\n}\n',
        },
        expect: { path: 'CLAUDE.md', line: 3 },
        note: 'a deny rule on `rm` keeps files, not databases',
      },
      {
        files: {
          'CLAUDE.md': '# Infra\n\n- Never run `terraform destroy`.\n',
          '.cursor/cli.json': '{\n  "permissions": {\n    "deny": ["Shell(terraform)"]\n  }\n}\n',
        },
        expect: { path: 'CLAUDE.md', line: 3 },
        note: "a Cursor deny rule does not stop Claude Code, which alone reads CLAUDE.md",
      },
      sample(
        'CLAUDE.md',
        '# Acme API\n\n## Commands\n- `npm run dev` starts the API on :3000\n- `npm test` runs the suite\n\n## Rules\n- Never run destructive commands (drop, reset --hard, rm -rf) without asking.\n- Keep commits small.\n',
        { expect: { line: 8 } },
      ),
      sample(
        'AGENTS.md',
        '# Agent guide\n\nThe API deploys to Railway from `main`.\n\n- Run `pnpm test` before you commit.\n- Never run migrations against production; ask a maintainer.\n',
        { expect: { line: 6 } },
      ),
      sample(
        '.roomodes',
        'customModes:\n  - slug: db-maintainer\n    name: DB Maintainer\n    roleDefinition: You maintain the billing schema and its migrations.\n    groups:\n      - read\n      - command\n    customInstructions: |-\n      Never run DROP or TRUNCATE against the production database.\n',
        { expect: { line: 9 }, note: "a Roo Code custom mode's instructions are prose the model reads" },
      ),
      sample(
        '.cursor/rules/database.mdc',
        '---\ndescription: Database work\nglobs: ["prisma/**"]\n---\n\nUse Prisma for every query.\nDo not delete the database volume or reset the production database under any circumstances.\n',
        { expect: { line: 7 } },
      ),
      sample('GEMINI.md', '# Notes for Gemini\n\n* Do not read `.env` files or print their values.\n', { expect: { line: 3 } }),
      sample('CLAUDE.md', '# acme-web\n\n## Rules\n- Never read or print the contents of .env files.\n- Never look at the secrets in config/credentials.yml.enc.\n', { expect: { line: 4 }, note: 'the verb a few words before the file it forbids' }),
      sample('AGENTS.md', '# Pantry\n\n- Do not run `fly` commands that change infrastructure (`fly apps destroy`, `fly volumes delete`).\n', { expect: { line: 3 }, note: "a platform CLI's destroying subcommands" }),
      {
        files: {
          'CLAUDE.md': '# Infra\n\n- Never run `terraform destroy` or `psql` against production.\n',
          '.claude/settings.json': HOOKED_SETTINGS,
          '.claude/hooks/guard.sh': '#!/usr/bin/env bash\ncommand=$(jq -r .tool_input.command)\nif echo "$command" | grep -qE \'rm\\s+-rf\'; then\n  echo "refused: rm -rf" >&2\n  exit 2\nfi\n',
        },
        expect: { path: 'CLAUDE.md', line: 3 },
        note: 'the hook refuses rm -rf only',
      },
    ],
    negative: [
      sample('CLAUDE.md', "# Notes\n\nThe seed script never touches the production database; it refuses unless NODE_ENV=development.\nCI can't run migrations on forks because secrets are unavailable.\nDon't worry about the production database: tests use a throwaway container.\n", { note: 'what the code and CI do, not orders to the agent' }),
      sample('CLAUDE.md', '# Conventions\n\n- Don\'t use `rm -rf` in npm scripts; use `rimraf` so Windows works.\n- Avoid deleting tables in seed scripts; truncate instead.\n', { note: 'coding conventions for the code the agent writes' }),
      sample('CLAUDE.md', '# Web app\n\n- Never push to main; open a PR.\n- Never commit secrets; use .env.example.\n- Avoid `any` in production code.\n'),
      sample('CLAUDE.md', '# Web app\n\n- Never print secrets to the logs.\n- Do not display the API key in the UI.\n', { note: 'what the code may show, not what the agent may read' }),
      {
        files: {
          'CLAUDE.md': '# Acme API\n\n- Never run destructive commands (rm -rf, dropdb) without asking.\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "deny": ["Bash(rm:*)", "Bash(dropdb:*)"]\n  }\n}\n',
        },
        note: 'the sentence is enforced by deny rules',
      },
      {
        files: {
          'CLAUDE.md': '# Infra\n\n- Never run `terraform destroy` or drop the production database.\n',
          '.claude/settings.json': HOOKED_SETTINGS,
          '.claude/hooks/guard.sh': '#!/usr/bin/env bash\ncommand=$(jq -r .tool_input.command)\nif echo "$command" | grep -qiE \'terraform\\s+(destroy|apply)|drop\\s+(table|database)|psql|dropdb\'; then\n  echo "refused: ask a human" >&2\n  exit 2\nfi\n',
        },
        note: 'a PreToolUse hook script refuses those commands, whatever the model decides',
      },
      {
        files: {
          'CLAUDE.md': '# Infra\n\n- Never run `terraform destroy`.\n',
          '.claude/settings.json': '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "jq -r .tool_input.command | grep -q \'terraform destroy\' && exit 2 || exit 0" }] }\n    ]\n  }\n}\n',
        },
        note: 'an inline hook that refuses the command',
      },
      {
        files: {
          '.cursor/rules/database.mdc': '---\nalwaysApply: true\n---\nNever run `prisma migrate reset`.\n',
          '.cursor/hooks.json': '{\n  "version": 1,\n  "hooks": {\n    "beforeShellExecution": [{ "command": "hooks/block-destructive.sh" }]\n  }\n}\n',
          '.cursor/hooks/block-destructive.sh': "#!/usr/bin/env bash\ncmd=$(jq -r '.command')\nif printf '%s' \"$cmd\" | grep -Eq 'prisma (migrate reset|db push .*--force-reset)'; then\n  printf '{\"permission\":\"deny\"}\\n'\n  exit 0\nfi\nprintf '{\"permission\":\"allow\"}\\n'\n",
        },
        note: "Cursor's beforeShellExecution hook answers deny (its path relative to hooks.json)",
      },
      {
        files: {
          '.github/copilot-instructions.md': '# Rules\n\n- Never run `terraform destroy`.\n',
          '.github/hooks/guard.json': '{\n  "version": 1,\n  "hooks": {\n    "preToolUse": [{ "type": "command", "bash": "./.github/hooks/scripts/deny.sh", "cwd": "." }]\n  }\n}\n',
          '.github/hooks/scripts/deny.sh': '#!/usr/bin/env bash\nif jq -r .toolArgs | grep -q "terraform destroy"; then\n  echo \'{"permissionDecision":"deny","permissionDecisionReason":"blocked"}\'\nfi\n',
        },
        note: "Copilot's preToolUse hook in .github/hooks",
      },
      {
        files: {
          'CLAUDE.md': '# Infra\n\n- Never run `terraform destroy`.\n',
          '.claude/settings.json': '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "bash tools/agent-guards/terraform-guard.sh" }] }\n    ]\n  }\n}\n',
          'tools/agent-guards/terraform-guard.sh': '#!/usr/bin/env bash\ncmd=$(jq -r .tool_input.command)\nif [[ $cmd =~ terraform[[:space:]]+(destroy|apply) ]]; then\n  echo "ask a human" >&2\n  exit 2\nfi\n',
        },
        note: 'a hook script kept outside .claude/, its pattern in POSIX classes',
      },
      {
        files: {
          'GEMINI.md': '# Ops\n\n- Never run `terraform destroy`.\n',
          '.gemini/settings.json': '{\n  "tools": {\n    "exclude": ["run_shell_command(terraform destroy)", "run_shell_command(terraform apply)"]\n  }\n}\n',
        },
        note: "Gemini CLI's settings take the command away",
      },
      {
        files: {
          'AGENTS.md': '# Working here\n\n- Never run `terraform destroy`.\n',
          'opencode.json': '{\n  "$schema": "https://opencode.ai/config.json",\n  "permission": { "bash": "ask" }\n}\n',
        },
        note: 'OpenCode asks before every shell command',
      },
      sample(
        'AGENTS.md',
        '# Contributing with agents\n\n```bash\n# never do this\nrm -rf /\n```\n\nDo not edit existing migrations; add a new one.\n',
        { note: 'code blocks and migration-file hygiene are not guardrails of this kind' },
      ),
      sample('CLAUDE.md', '# Local setup\n\n- You may run `supabase db reset` without approval after pulling new migrations.\n', { note: 'a leave, not a guardrail (prose-destructive-leave reports it)' }),
    ],
  },
};
