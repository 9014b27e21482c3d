// agent-permission/bypass-mode: an agent set, in the repository, to run every tool without asking a human.
import { sample, type RuleMeta } from '../../../src/model.js';

export const bypassMode: RuleMeta = {
  id: 'agent-permission/bypass-mode',
  title: 'Agent configured to run every tool without a human',
  severity: 'high',
  why:
    'The repository puts an agent in a mode where no tool call waits for a person: Claude Code bypassPermissions, Codex ' +
    'approval_policy "never" without a sandbox, Amp dangerouslyAllowAll, OpenCode "permission": "allow", or VS Code edits of its own settings auto-approved (from there it approves anything). Every shell command, ' +
    'deploy and API call the model decides on runs at once, with whatever credentials it can read. Settings the agent ignores ' +
    'from a repository (Claude auto mode, VS Code global auto-approve, Gemini yolo, Zed agent settings) are reported at info as intent.',
  fix:
    'Remove the mode from the committed settings and approve tools per command instead (allow narrow read-only commands, deny ' +
    'destructive ones). Run bypass modes only in a disposable container with no production credentials.',
  helpUri: 'https://code.claude.com/docs/en/permission-modes',
  precision: 'very-high',
  tags: ['agent', 'permissions', 'owasp-llm06'],
  samples: {
    positive: [
      sample('.codex/config.toml', 'approval_policy = "never"\nsandbox_mode = "workspace-write"\n', { expect: { line: 1 }, note: 'commands run unasked inside the workspace sandbox (reported low, as --full-auto is)' }),
      sample('scripts/agent.ts', 'import { query } from "@anthropic-ai/claude-agent-sdk";\n\nfor await (const message of query({\n  prompt: process.argv[2]!,\n  options: { permissionMode: "bypassPermissions", allowDangerouslySkipPermissions: true },\n})) console.log(message);\n', { expect: { line: 5 }, note: 'the Agent SDK, started from a script' }),
      sample('src/hooks/runAgent.ts', 'import { query } from "@anthropic-ai/claude-agent-sdk";\n\nexport async function runAgent(prompt: string) {\n  for await (const message of query({ prompt, options: { permissionMode: "bypassPermissions", allowDangerouslySkipPermissions: true } })) console.log(message);\n}\n', { expect: { line: 4 }, note: 'program code in a folder named hooks is still read as program code' }),
      sample('.claude/settings.json', '{\n  "hooks": {\n    "PermissionRequest": [\n      { "matcher": "*", "hooks": [{ "type": "command", "command": "echo \'{\\"hookSpecificOutput\\": {\\"hookEventName\\": \\"PermissionRequest\\", \\"decision\\": {\\"behavior\\": \\"allow\\"}}}\'" }] }\n    ]\n  }\n}\n', { expect: { line: 4 }, note: 'a PermissionRequest hook that answers every permission prompt with allow' }),
      sample('.devcontainer/managed-settings.json', '{\n  "permissions": {\n    "defaultMode": "bypassPermissions",\n    "allow": ["Bash"]\n  }\n}\n', { expect: { line: 3 }, note: 'managed settings the dev container copies to /etc/claude-code/' }),
      sample('.claude/settings.json', '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "*", "hooks": [{ "type": "command", "command": "echo \'{\\"decision\\": \\"approve\\"}\'" }] }\n    ]\n  }\n}\n', { expect: { line: 4 }, note: 'a hook approving every tool call, in the older decision form' }),
      sample('.claude/agents/deployer.md', '---\nname: deployer\ndescription: Deploys the app and runs migrations\ntools: Bash, Read, Edit\npermissionMode: bypassPermissions\n---\n\nYou deploy the app with ./scripts/deploy.sh.\n', { expect: { line: 5 }, note: 'a subagent that skips every prompt' }),
      sample('.github/workflows/claude.yml', 'name: Claude\non:\n  issue_comment:\n    types: [created]\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          settings: |\n            {\n              "permissions": { "defaultMode": "bypassPermissions" }\n            }\n', { expect: { line: 14 }, note: "claude-code-action's inline settings" }),
      sample(
        '.claude/settings.json',
        '{\n  "$schema": "https://json.schemastore.org/claude-code-settings.json",\n  "permissions": {\n    "defaultMode": "bypassPermissions",\n    "allow": ["Bash(npm run test:*)", "Bash(npm run lint)"]\n  },\n  "includeCoAuthoredBy": false\n}\n',
        { expect: { line: 4 } },
      ),
      sample(
        '.codex/config.toml',
        'model = "gpt-5-codex"\nmodel_reasoning_effort = "high"\napproval_policy = "never"\nsandbox_mode = "danger-full-access"\n\n[tui]\nnotifications = true\n',
        { expect: { line: 3 }, note: 'no approvals and no sandbox' },
      ),
      sample('.amp/settings.json', '{\n  "amp.dangerouslyAllowAll": true,\n  "amp.git.commit.ampThread.enabled": false\n}\n', { expect: { line: 2 } }),
      sample('opencode.json', '{\n  "$schema": "https://opencode.ai/config.json",\n  "model": "anthropic/claude-sonnet-4-5",\n  "permission": "allow"\n}\n', {
        expect: { line: 4 },
      }),
      sample(
        '.vscode/settings.json',
        '{\n  "editor.formatOnSave": true,\n  "typescript.tsdk": "node_modules/typescript/lib",\n  "chat.tools.global.autoApprove": true\n}\n',
        { expect: { line: 4 }, note: 'application-scope setting: intent only, reported at info' },
      ),
      sample('.vscode/settings.json', '{\n  "chat.agent.enabled": true,\n  "chat.permissions.default": "autopilot"\n}\n', {
        expect: { line: 3 },
        note: 'window-scoped: new chat sessions in this workspace start in Autopilot',
      }),
      sample(
        '.devcontainer/devcontainer.json',
        '{\n  "name": "api",\n  "image": "mcr.microsoft.com/devcontainers/typescript-node:20",\n  "customizations": {\n    "vscode": {\n      "extensions": ["github.copilot-chat"],\n      "settings": {\n        "chat.tools.global.autoApprove": true\n      }\n    }\n  }\n}\n',
        { expect: { line: 8 }, note: 'container machine settings honour global auto-approve' },
      ),
      sample('.aider.conf.yml', 'model: sonnet\nauto-commits: true\nyes-always: true\nread:\n  - CONVENTIONS.md\n', { expect: { line: 3 } }),
      sample('.vscode/settings.json', '{\n  "chat.tools.edits.autoApprove": {\n    "**/*": true,\n    "**/.vscode/*.json": true\n  },\n  "chat.tools.terminal.autoApprove": { "npm test": true }\n}\n', {
        expect: { line: 4 },
        note: 'the agent may rewrite its own settings unasked, and so approve any command for itself',
      }),
      sample('.kiro/agents/ops.json', '{\n  "name": "ops",\n  "description": "Runs the release checklist",\n  "tools": ["*"],\n  "permissions": [\n    { "capability": "all", "effect": "allow" }\n  ]\n}\n', {
        expect: { line: 6 },
        note: "a Kiro 3 agent profile whose one rule allows every capability",
      }),
      sample('.kiro/settings/permissions.yaml', 'rules:\n  - capability: all\n    effect: allow\n', {
        expect: { line: 2 },
        note: 'Kiro reads permissions.yaml only outside the repository: intent only (info)',
      }),
    ],
    negative: [
      sample('.kiro/agents/review.json', '{\n  "name": "review",\n  "tools": ["read", "shell"],\n  "permissions": [\n    { "capability": "fs_read", "effect": "allow" },\n    { "capability": "shell", "effect": "allow", "match": ["git diff*", "git log*"] }\n  ]\n}\n', { note: 'reads and two read-only git commands' }),
      sample('scripts/agent.ts', 'import { query } from "@anthropic-ai/claude-agent-sdk";\n\nfor await (const message of query({ prompt: "summarise the diff", options: { permissionMode: "default", allowedTools: ["Read", "Grep"] } })) console.log(message);\n', { note: 'the default mode and read-only tools' }),
      sample('.claude/agents/reviewer.md', '---\nname: reviewer\ndescription: Reviews diffs\ntools: Read, Grep, Glob\npermissionMode: bypassPermissions\n---\n\nReview the diff.\n', { note: 'a subagent that can only read' }),
      sample('.claude/commands/deploy.md', '---\ndescription: deploy\npermissionMode: bypassPermissions\n---\n\nDeploy.\n', { note: 'not a field of slash commands' }),
      sample(
        '.claude/settings.json',
        '{\n  "permissions": {\n    "defaultMode": "acceptEdits",\n    "allow": ["Bash(npm run test:*)", "Bash(git diff:*)"],\n    "deny": ["Read(./.env)", "Read(./.env.*)"]\n  }\n}\n',
      ),
      sample('.codex/config.toml', 'model = "gpt-5-codex"\napproval_policy = "on-request"\nsandbox_mode = "workspace-write"\n\n[sandbox_workspace_write]\nnetwork_access = false\n'),
      sample(
        '.vscode/settings.json',
        '{\n  "editor.defaultFormatter": "esbenp.prettier-vscode",\n  "chat.tools.global.autoApprove": false,\n  "files.exclude": { "**/dist": true }\n}\n',
      ),
      sample('.gemini/settings.json', '{\n  "general": { "defaultApprovalMode": "default", "vimMode": false },\n  "ui": { "theme": "GitHub" }\n}\n'),
      sample('.vscode/settings.json', '{\n  "chat.permissions.default": "default",\n  "chat.tools.terminal.autoApprove": { "npm test": true }\n}\n'),
      sample('.vscode/settings.json', '{\n  "chat.tools.edits.autoApprove": {\n    "**/*": true,\n    "**/tests/**": true,\n    "**/.env*": false\n  }\n}\n', {
        note: "a catch-all does not outvote VS Code's default prompt for its own settings",
      }),
      sample('.vscode/settings.json', '{\n  "chat.tools.edits.autoApprove": {\n    ".vscode/**": true,\n    "**/.vscode/settings.json": false\n  }\n}\n', { note: 'the settings file is asked for again' }),
      sample('docs/agents.md', '# Working with agents\n\nDo not set `"defaultMode": "bypassPermissions"` in `.claude/settings.json`; it skips every prompt.\n', {
        note: 'prose about the setting is not the setting',
      }),
    ],
  },
};
