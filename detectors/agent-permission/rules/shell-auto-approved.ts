// agent-permission/shell-auto-approved: every shell command (or an interpreter, which runs any program) approved in advance.
import { sample, type RuleMeta } from '../../../src/model.js';

export const shellAutoApproved: RuleMeta = {
  id: 'agent-permission/shell-auto-approved',
  title: 'Agent shell approved for any command',
  severity: 'high',
  why:
    'An allow rule that matches every command (Claude Code `Bash` or `Bash(*)`, Cursor `Shell(*)`, a VS Code terminal rule ' +
    '`/.*/`, Gemini `run_shell_command`, Roo `*`, Amazon Q `execute_bash`) lets the agent run anything, from `cat .env` to a ' +
    'provider API call that deletes a volume, without a person seeing it. No ignore file stops the shell. Allowing an ' +
    'interpreter (`python`, `node`, `bash -c`, `npx`) is the same, less visibly (reported medium), and so is an OpenCode ' +
    'config that leaves the shell unset: OpenCode\'s defaults allow every command (reported medium). OpenHands\' `local` ' +
    'and `cli` runtimes run its commands on the host itself, unasked unless `[security] confirmation_mode` is on.',
  fix:
    'Allow only the narrow commands the agent needs (`Bash(npm run test:*)`, `Bash(git diff:*)`) and deny destructive and ' +
    'deploy CLIs explicitly; leave everything else to a prompt.',
  helpUri: 'https://code.claude.com/docs/en/permissions',
  precision: 'very-high',
  tags: ['agent', 'permissions', 'shell', 'owasp-llm06'],
  samples: {
    positive: [
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(ssh:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'a command given to ssh runs on the server' }),
      sample('.kiro/agents/dev.json', '{\n  "name": "dev",\n  "tools": ["*"],\n  "allowedTools": [\n    "fs_*",\n    "execute_*"\n  ]\n}\n', { expect: { line: 6 }, note: 'a glob over built-in tool names: execute_* is execute_bash' }),
      sample('.kiro/agents/ops.json', '{\n  "name": "ops",\n  "tools": ["@builtin"],\n  "allowedTools": ["@builtin"]\n}\n', { expect: { line: 4 }, note: '@builtin allows every built-in tool, the shell included' }),
      sample('agent/run.py', 'from claude_agent_sdk import ClaudeAgentOptions, query\n\noptions = ClaudeAgentOptions(allowed_tools=["Read", "Edit", "Bash"], permission_mode="acceptEdits")\n', { expect: { line: 3 }, note: "the Agent SDK's allowed tools, in Python" }),
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(npm test:*)", "Bash(timeout:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`timeout 60 <anything>` runs whatever follows it' }),
      sample('.gemini/policies/team.toml', '[[rule]]\ntoolName = "run_shell_command"\ndecision = "allow"\npriority = 100\n', { expect: { line: 3 }, note: 'a Gemini CLI workspace policy allowing the shell with no command prefix (intent only while workspace policies are not loaded: info)' }),
      sample('.claude/settings.json', '{\n  "sandbox": {\n    "enabled": true,\n    "network": { "allowedDomains": ["registry.npmjs.org", "backboard.railway.com"] }\n  }\n}\n', { expect: { line: 3 }, note: "Claude Code's sandbox runs every command unasked; its network reaches Railway's API (medium)" }),
      sample('.claude/settings.json', '{\n  "hooks": {\n    "PreToolUse": [\n      {\n        "matcher": "Bash",\n        "hooks": [\n          { "type": "command", "command": "echo \'{\\"hookSpecificOutput\\": {\\"hookEventName\\": \\"PreToolUse\\", \\"permissionDecision\\": \\"allow\\"}}\'" }\n        ]\n      }\n    ]\n  }\n}\n', { expect: { line: 7 }, note: 'a PreToolUse hook that answers allow for every shell command' }),
      sample(
        '.github/workflows/gemini-fix.yml',
        'jobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          prompt: Fix the failing tests\n          settings: |-\n            {\n              // keep the session short\n              "maxSessionTurns": 25,\n              "coreTools": ["run_shell_command", "read_file", "write_file"],\n            }\n',
        { expect: { line: 8 }, note: 'settings read as JSONC, as Gemini CLI reads them: the bare shell is in the core list' },
      ),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(railway run:*)", "Bash(npm test:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'railway run runs any command with the environment\'s variables (reported medium)' }),
      sample('opencode.json', '{\n  "permission": { "bash": "ask" },\n  "agent": {\n    "build": {\n      "permission": { "bash": { "*": "allow" } }\n    }\n  }\n}\n', { expect: { line: 5 }, note: "an OpenCode agent's own permissions override the global ones" }),
      sample('opencode.json', '{\n  "$schema": "https://opencode.ai/config.json",\n  "model": "anthropic/claude-sonnet-4-5",\n  "mcp": { "docs": { "type": "remote", "url": "https://mcp.context7.com/mcp" } }\n}\n', { expect: { line: 2 }, note: "no permission set: OpenCode's defaults allow every command (reported medium)" }),
      sample('opencode.json', '{\n  "permission": {\n    "edit": "ask",\n    "bash": {\n      "rm *": "deny",\n      "git push *": "deny"\n    }\n  }\n}\n', { expect: { line: 4 }, note: 'deny patterns only: every command they do not name falls to the default, allow' }),
      sample('opencode.json', '{\n  "permission": {\n    "edit": "ask",\n    "webfetch": "deny"\n  }\n}\n', { expect: { line: 2 }, note: 'permissions for other tools leave the shell at its default' }),
      sample('acme.code-workspace', '{\n  "folders": [{ "path": "." }],\n  "settings": {\n    "chat.tools.terminal.autoApprove": { "/.*/": true }\n  }\n}\n', { expect: { line: 4 }, note: 'a VS Code workspace file holds workspace settings too' }),
      sample('.github/workflows/gemini.yml', 'on: [issues]\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          prompt: Fix the issue\n          settings: |\n            {"tools": {"core": ["run_shell_command", "write_file"]}}\n', { expect: { line: 9 }, note: "run-gemini-cli's coreTools list names the whole shell" }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(poetry run:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`poetry run` runs any program in the environment' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(find:*)", "Bash(grep:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`find -exec` runs any program (reported medium)' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(awk:*)", "Bash(sort:*)"]\n  }\n}\n', { expect: { line: 3 }, note: "awk's `system()` runs any command line" }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(bun run:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`bun run` runs any file, not only package scripts' }),
      sample('.opencode/agent/yolo.md', '---\ndescription: Fixes whatever is broken\nmode: subagent\npermission:\n  edit: allow\n  bash:\n    "*": allow\n---\nFix the failing build without asking.\n', { expect: { line: 7 }, note: "an OpenCode agent defined in Markdown, its permissions in the front matter" }),
      sample('.kilo/kilo.jsonc', '{\n  "$schema": "https://app.kilo.ai/config.json",\n  "permission": {\n    "edit": "allow",\n    "bash": { "*": "allow", "rm *": "deny" }\n  }\n}\n', { expect: { line: 5 }, note: "Kilo Code 1.0 reads OpenCode's permission shape from .kilo/kilo.jsonc" }),
      sample('.kilo/agents/ops.md', '---\ndescription: Runs deploys and database maintenance\nmode: subagent\npermission:\n  bash: allow\n---\nHandle the deploy.\n', { expect: { line: 5 }, note: "a Kilo agent's own front matter" }),
      sample('.windsurf/workflows/reset-db.md', '---\ndescription: Reset the database and redeploy\n---\n// turbo-all\n\n1. Run `npx prisma migrate reset --force`\n2. Run `railway up --environment production`\n', { expect: { line: 4 }, note: 'Windsurf runs every command step of a turbo-all workflow unasked' }),
      sample('.github/workflows/claude.yml', 'jobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          settings: |\n            {\n              "permissions": {\n                "allow": ["Bash", "Read"],\n                "deny": ["WebFetch"]\n              }\n            }\n', { expect: { line: 11 }, note: "claude-code-action's inline settings, its documented example" }),
      sample('.claude/commands/fix.md', '---\ndescription: Fix the failing tests\nallowed-tools: Bash, Edit, Write\n---\nRun the tests, read the failures and fix them.\n', { expect: { line: 3 }, note: "a slash command's front matter approves its tools while it runs" }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(npx tsx:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'a script runner runs whatever file the agent writes first' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(go run:*)", "Bash(go test:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`go run example.com/tool@latest` fetches and runs any module, as npx does' }),
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(bin/rails runner:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'rails runner evaluates any Ruby in the app, with its credentials' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": [\n      "Bash",\n      "WebFetch(domain:docs.stripe.com)"\n    ]\n  }\n}\n', {
        expect: { line: 4 },
      }),
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(*)", "Read(//Users/dana/.npmrc)"],\n    "deny": []\n  }\n}\n', {
        expect: { line: 3 },
      }),
      sample('.cursor/cli.json', '{\n  "permissions": {\n    "allow": ["Shell(*)", "Read(src/**)", "Write(src/**)"],\n    "deny": ["Read(.env*)"]\n  }\n}\n', {
        expect: { line: 3 },
      }),
      sample(
        '.vscode/settings.json',
        '{\n  "editor.formatOnSave": true,\n  "chat.tools.terminal.autoApprove": {\n    "/.*/": true\n  }\n}\n',
        { expect: { line: 4 } },
      ),
      sample('.gemini/settings.json', '{\n  "tools": {\n    "allowed": ["run_shell_command", "read_file"]\n  }\n}\n', { expect: { line: 3 } }),
      sample(
        '.vscode/settings.json',
        '{\n  "chat.tools.terminal.autoApprove": {\n    "rm": false,\n    "/.*/": true\n  }\n}\n',
        { expect: { line: 4 }, note: 'a few ask rules do not narrow an allow-everything rule' },
      ),
      sample('.vscode/settings.json', '{\n  "roo-cline.allowedCommands": ["npm test", "*"]\n}\n', { expect: { line: 2 }, note: 'Roo Code: `*` allows every command' }),
      sample('.vscode/settings.json', '{\n  "chat.agent.terminal.autoApprove": {\n    "/.*/": true\n  }\n}\n', {
        expect: { line: 3 },
        note: "the key's name before VS Code 1.104, still merged into chat.tools.terminal.autoApprove",
      }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(npm test:*)", "Bash(python3:*)"]\n  }\n}\n', {
        expect: { line: 3 },
        note: 'an interpreter runs any program',
      }),
      sample(
        '.amazonq/cli-agents/dev.json',
        '{\n  "name": "dev",\n  "tools": ["*"],\n  "allowedTools": ["fs_read", "execute_bash"],\n  "resources": ["file://README.md"]\n}\n',
        { expect: { line: 4 } },
      ),
      sample('.github/workflows/nightly.yml', 'jobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: claude -p "Fix lint errors" --allowedTools Read Edit Bash\n', { expect: { line: 5 }, note: 'an unquoted list is variadic' }),
      sample('.github/workflows/claude.yml', 'jobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@beta\n        with:\n          allowed_tools: |\n            Edit\n            Bash\n', { expect: { line: 7 }, note: 'a YAML block lists one tool per line' }),
      sample('config.toml', '[core]\nworkspace_base = "./workspace"\nruntime = "local"\n\n[llm]\nmodel = "anthropic/claude-sonnet-4-5-20250929"\n\n[security]\nconfirmation_mode = false\n', { expect: { line: 3 }, note: "OpenHands' local runtime runs commands on the host, and confirmation is off" }),
      sample('config.toml', '[core]\nruntime = "cli"\nmax_iterations = 100\n\n[llm]\nmodel = "gpt-4o"\n', { expect: { line: 2 }, note: "OpenHands' CLI runtime, with confirmation_mode at its default (off)" }),
      sample('.augment/settings.json', '{\n  "toolPermissions": [\n    { "toolName": "remove-files", "permission": { "type": "ask-user" } },\n    { "toolName": "launch-process", "permission": { "type": "allow" } }\n  ]\n}\n', { expect: { line: 4 }, note: "Auggie's shell tool allowed for every command" }),
      sample('.kiro/agents/backend.md', '---\ndescription: Backend development agent\ntools: [read, write, shell]\npermissions:\n  - capability: shell\n    effect: allow\n  - capability: fs_write\n    effect: allow\n    match: ["src/**"]\n---\nYou are a backend developer focused on Node.js.\n', {
        expect: { line: 5 },
        note: 'a Kiro 3 profile: a shell rule with no match covers every command',
      }),
    ],
    negative: [
      sample('.kiro/agents/backend.md', '---\ndescription: Backend development agent\ntools: [read, write, shell]\npermissions:\n  - capability: shell\n    effect: allow\n    match: ["npm test", "npm run lint", "git status"]\n---\nYou are a backend developer focused on Node.js.\n', { note: 'three exact commands' }),
      sample('.kiro/agents/ci.json', '{\n  "name": "ci",\n  "permissions": [\n    { "capability": "shell", "effect": "allow" },\n    { "capability": "shell", "effect": "ask" }\n  ]\n}\n', { note: 'an ask rule for every command wins over the allow, whatever their order' }),
      sample('.augment/settings.json', '{\n  "toolPermissions": [\n    { "toolName": "launch-process", "shellInputRegex": "^(npm (run )?test|git (status|diff|log))\\\\b", "permission": { "type": "allow" } },\n    { "toolName": "launch-process", "permission": { "type": "ask-user" } }\n  ]\n}\n', { note: 'tests and read-only git commands; the rest of the shell asks' }),
      sample('.augment/settings.json', '{\n  "toolPermissions": [\n    { "toolName": "launch-process", "permission": { "type": "ask-user" } },\n    { "toolName": "launch-process", "permission": { "type": "allow" } }\n  ]\n}\n', { note: 'the first rule matches every command: the allow below it is never reached' }),
      sample('config.toml', '[core]\nworkspace_base = "./workspace"\nruntime = "local"\n\n[llm]\nmodel = "anthropic/claude-sonnet-4-5-20250929"\n\n[security]\nconfirmation_mode = true\n', { note: 'OpenHands asks before each action' }),
      sample('config.toml', '[core]\nworkspace_base = "./workspace"\nruntime = "docker"\n\n[llm]\nmodel = "anthropic/claude-sonnet-4-5-20250929"\n', { note: "OpenHands' default: commands run in a Docker sandbox that holds only the workspace" }),
      sample('.kiro/agents/review.json', '{\n  "name": "review",\n  "tools": ["*"],\n  "allowedTools": ["fs_*", "@builtin/fs_read", "@git-*/read_*", "*_search"]\n}\n', { note: 'globs that match file tools, read tools of git servers and search' }),
      sample('.claude/settings.json', '{\n  "sandbox": {\n    "enabled": true,\n    "autoAllowBashIfSandboxed": false\n  }\n}\n', { note: 'sandboxed commands still ask' }),
      sample('.claude/settings.json', '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "jq -r .tool_input.command | grep -qE \'^(npm test|npm run lint)$\' && echo \'{\\"hookSpecificOutput\\": {\\"permissionDecision\\": \\"allow\\"}}\'" }] }\n    ]\n  }\n}\n', { note: 'a hook that allows two commands after testing for them' }),
      sample('.claude/settings.json', '{\n  "hooks": {\n    "PreToolUse": [\n      {\n        "matcher": "Bash",\n        "hooks": [\n          { "type": "command", "command": "grep -q \'rm -rf\' && echo \'{\\"hookSpecificOutput\\": {\\"permissionDecision\\": \\"deny\\"}}\'" }\n        ]\n      }\n    ]\n  }\n}\n', { note: 'a hook that denies: a guard' }),
      sample('templates/manifests/opencode.json', '{\n  "version": 1,\n  "artifacts": [\n    {\n      "id": "commands",\n      "source": { "type": "templateDir", "fromDir": "templates/agents/{{AGENT}}/commands", "toDir": "{{AGENT_COMMANDS_DIR}}" },\n      "when": { "agent": "opencode" }\n    }\n  ]\n}\n', { note: "an installer's manifest named after the agent it installs for: none of OpenCode's settings, not its config" }),
      sample('opencode.json', '{\n  "permission": { "bash": "ask" },\n  "agent": {\n    "review": {\n      "permission": { "bash": { "*": "ask", "git diff*": "allow" }, "edit": "deny" }\n    }\n  }\n}\n', { note: 'a review agent that may only diff unasked' }),
      sample('opencode.json', '{\n  "$schema": "https://opencode.ai/config.json",\n  "permission": "ask"\n}\n', { note: 'OpenCode asks before every tool' }),
      sample('opencode.json', '{\n  "permission": {\n    "bash": { "*": "ask", "npm test*": "allow", "rm *": "deny" }\n  }\n}\n', { note: 'a catch-all ask first, narrow allows after it' }),
      sample('opencode.json', '{\n  "model": "anthropic/claude-sonnet-4-5",\n  "tools": { "bash": false }\n}\n', { note: 'the shell tool turned off' }),
      sample('kilo.jsonc', '{\n  "$schema": "https://app.kilo.ai/config.json",\n  "permission": { "edit": "allow", "webfetch": "deny" }\n}\n', { note: 'Kilo, unlike OpenCode, asks before any command no rule names' }),
      {
        files: {
          'opencode.json': '{\n  "permission": { "*": "ask", "read": "allow" }\n}\n',
          '.opencode/opencode.json': '{\n  "mcp": { "docs": { "type": "remote", "url": "https://mcp.context7.com/mcp" } }\n}\n',
        },
        note: "the project's other config asks for every tool; OpenCode merges them",
      },
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(poetry run pytest:*)", "Bash(poetry run ruff check:*)"]\n  }\n}\n'),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(go test:*)", "Bash(go build:*)", "Bash(deno test:*)", "Bash(php artisan test:*)"]\n  }\n}\n'),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(find . -name:*)", "Bash(grep:*)"]\n  }\n}\n', { note: 'find, limited to a search by name' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(bun run test:*)", "Bash(bun run lint:*)"]\n  }\n}\n', { note: "bun limited to two named scripts" }),
      sample('.opencode/agent/review.md', '---\ndescription: Reviews diffs\npermission:\n  edit: deny\n  bash:\n    "*": ask\n    "git diff*": allow\n---\nReview the diff.\n', { note: 'a review agent that may only diff unasked' }),
      sample('.windsurf/workflows/release.md', '---\ndescription: Prepare a release\n---\n1. Run `npm test`\n2. Update CHANGELOG.md\n3. Ask the user before running `npm publish`\n'),
      sample('.claude/commands/commit.md', '---\ndescription: Commit the staged changes\nallowed-tools: Bash(git add:*), Bash(git status:*), Bash(git commit:*)\n---\nWrite a commit message for the staged changes and commit.\n'),
      sample(
        '.claude/settings.json',
        '{\n  "permissions": {\n    "allow": [\n      "Bash(npm run lint)",\n      "Bash(npm run test:*)",\n      "Bash(git status)",\n      "Bash(git diff:*)",\n      "Bash(gh pr view:*)"\n    ]\n  }\n}\n',
      ),
      sample(
        '.vscode/settings.json',
        '{\n  "chat.tools.terminal.autoApprove": {\n    "npm test": true,\n    "/^git (status|log|diff)\\\\b/": true,\n    "rm": false\n  }\n}\n',
      ),
      sample('.gemini/settings.json', '{\n  "tools": {\n    "allowed": ["run_shell_command(git status)", "run_shell_command(npm test)"]\n  }\n}\n'),
      sample('.vscode/settings.json', '{\n  "chat.agent.terminal.autoApprove": {\n    "npm test": true,\n    "/^git (status|diff)\\\\b/": true\n  }\n}\n', { note: 'the older key, two narrow rules' }),
      sample('.cursor/cli.json', '{\n  "permissions": {\n    "allow": ["Shell(ls)", "Shell(git)"],\n    "deny": ["Shell(rm)"]\n  }\n}\n'),
    ],
  },
};
