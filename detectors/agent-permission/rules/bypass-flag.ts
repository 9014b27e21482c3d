// agent-permission/bypass-flag: an agent started from CI, package scripts, Makefiles or containers with approvals off.
import { sample, type RuleMeta } from '../../../src/model.js';

export const bypassFlag: RuleMeta = {
  id: 'agent-permission/bypass-flag',
  title: 'Agent launched with approvals turned off',
  severity: 'high',
  why:
    'A workflow, script or Makefile starts an agent with a flag that skips every approval (`--dangerously-skip-permissions`, ' +
    '`--permission-mode bypassPermissions`, `--dangerously-bypass-approvals-and-sandbox`, `--yolo`, `--approval-mode=yolo`, ' +
    '`--allow-all-tools`, `--trust-all-tools`). Whatever the prompt or a file it reads asks for runs, with the secrets of the ' +
    'job or the machine it runs on.',
  fix:
    'Start the agent with an explicit, narrow tool list (`--allowedTools "Bash(npm test:*)"`, `--sandbox workspace-write`) and ' +
    'no deploy or production credentials in its environment; keep bypass flags for disposable sandboxes.',
  helpUri: 'https://code.claude.com/docs/en/permission-modes',
  precision: 'very-high',
  tags: ['agent', 'ci', 'permissions', 'owasp-llm06'],
  samples: {
    positive: [
      sample('.github/workflows/continue.yml', 'jobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm i -g @continuedev/cli\n      - run: cn -p "Fix the failing tests" --allow Bash --allow Write\n', { expect: { line: 6 }, note: "Continue's shell tool allowed for every command" }),
      sample('scripts/run.sh', '#!/bin/sh\ncline -y "fix every lint error"\n', { expect: { line: 2 }, note: "Cline's CLI approving every action" }),
      sample('scripts/ci.sh', '#!/bin/sh\nkilo run --auto "update the dependencies"\n', { expect: { line: 2 }, note: "Kilo Code's CLI with every prompt off" }),
      sample('.github/workflows/triage.yml', 'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - run: opencode run "triage this issue"\n        env:\n          OPENCODE_CONFIG_CONTENT: \'{"permission":"allow"}\'\n', { expect: { line: 8 }, note: 'OpenCode given a whole config through its environment' }),
      sample('.github/workflows/agent.yml', 'on: workflow_dispatch\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: uv tool install openhands\n      - run: openhands --headless -t "fix the failing tests"\n', { expect: { line: 8 }, note: 'OpenHands headless mode always approves every action' }),
      sample('scripts/agent.sh', '#!/bin/sh\ncodex exec -a never -s workspace-write -c sandbox_workspace_write.network_access=true "deploy the fix"\n', { expect: { line: 2 }, note: 'no approvals, and the sandbox lets the network through' }),
      sample('tools/run_agent.py', 'import subprocess\n\nsubprocess.run(\n    [\n        "claude",\n        "-p",\n        prompt,\n        "--dangerously-skip-permissions",\n    ],\n    check=True,\n)\n', { expect: { line: 8 }, note: 'an argument list laid out one element per line' }),
      sample('.github/workflows/summarise.yml', 'jobs:\n  summarise:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gemini -p $(git log -5 --format=%s | tr "\\n" " ") --yolo\n', { expect: { line: 5 }, note: 'a pipe inside a command substitution does not end the command' }),
      sample('.config/goose/config.yaml', 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\nGOOSE_MODE: auto\n', { expect: { line: 3 }, note: "goose's configuration file, committed with dotfiles" }),
      sample('tools/run_agent.py', 'import subprocess\n\nsubprocess.run(["claude", "-p", prompt, "--dangerously-skip-permissions", "--output-format", "json"], check=True)\n', { expect: { line: 3 }, note: 'claude run as a subprocess' }),
      sample('scripts/agent.js', 'const { spawn } = require("node:child_process");\n\nspawn("codex", ["exec", "--dangerously-bypass-approvals-and-sandbox", process.argv[2]], { stdio: "inherit" });\n', { expect: { line: 3 }, note: 'Codex run as a child process' }),
      sample('ops/nightly.py', 'import subprocess\n\nsubprocess.run(\n    ["gemini", "--approval-mode", "yolo", "-p", task],\n    check=True,\n)\n', { expect: { line: 4 }, note: 'the flag and its value as two arguments' }),
      sample(
        '.github/workflows/claude-triage.yml',
        'name: Claude triage\non:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm install -g @anthropic-ai/claude-code\n      - run: |\n          claude -p "Label and triage issue #${{ github.event.issue.number }}" \\\n            --dangerously-skip-permissions\n        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n',
        { expect: { line: 13 } },
      ),
      sample(
        'package.json',
        '{\n  "name": "acme-web",\n  "private": true,\n  "scripts": {\n    "dev": "next dev",\n    "agent:fix": "gemini --yolo -p \\"fix the failing tests\\""\n  }\n}\n',
        { expect: { line: 6 } },
      ),
      sample('Makefile', '.PHONY: test agent\n\ntest:\n\tgo test ./...\n\nagent:\n\tcodex exec --dangerously-bypass-approvals-and-sandbox "$(TASK)"\n', {
        expect: { line: 7 },
      }),
      sample(
        '.github/workflows/copilot-fix.yml',
        'name: Copilot fix\non: workflow_dispatch\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx -y @github/copilot -p "Fix lint errors" --allow-all-tools\n',
        { expect: { line: 8 } },
      ),
      sample('scripts/agent.sh', '#!/usr/bin/env bash\ncodex exec -c approval_policy=never -c sandbox_mode=danger-full-access "$1"\n', { expect: { line: 2 }, note: 'the sandbox turned off through a config override' }),
      sample('.github/workflows/nightly.yml', 'jobs:\n  gemini:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx @google/gemini-cli -y -p "Fix failing tests and push"\n', { expect: { line: 5 }, note: "Gemini CLI's short -y is --yolo" }),
      sample('.github/workflows/q.yml', 'jobs:\n  q:\n    runs-on: ubuntu-latest\n    steps:\n      - run: q chat --no-interactive --trust-tools=execute_bash,use_aws "rotate old snapshots"\n', { expect: { line: 5 } }),
      sample('.github/workflows/copilot.yml', 'jobs:\n  copilot:\n    runs-on: ubuntu-latest\n    steps:\n      - run: copilot -p "Clean up stale branches" --allow-tool=shell\n', { expect: { line: 5 } }),
      sample('.github/workflows/triage.yml', 'jobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx -y @google/gemini-cli --yolo -p "triage the new issues"\n', { expect: { line: 5 }, note: "npx's own -y comes first on the line" }),
      sample(
        '.github/workflows/cursor-docs.yml',
        'jobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl https://cursor.com/install -fsS | bash\n      - run: agent -p --force --output-format=text "Update the docs for the changed files"\n        env:\n          CURSOR_API_KEY: ${{ secrets.CURSOR_API_KEY }}\n',
        { expect: { line: 6 }, note: "Cursor's CLI installed as `agent`" },
      ),
      sample(
        '.github/workflows/codex.yml',
        'jobs:\n  codex:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: openai/codex-action@v1\n        with:\n          openai-api-key: ${{ secrets.OPENAI_API_KEY }}\n          prompt: Fix the failing tests\n          sandbox: danger-full-access\n          safety-strategy: unsafe\n',
        { expect: { line: 9 }, note: "the Codex Action's inputs" },
      ),
      sample('.vscode/tasks.json', '{\n  "version": "2.0.0",\n  "tasks": [\n    {\n      "label": "agent: fix tests",\n      "type": "shell",\n      "command": "claude -p \\"fix the failing tests\\" --dangerously-skip-permissions"\n    }\n  ]\n}\n', { expect: { line: 7 }, note: 'a VS Code task' }),
      sample('mise.toml', '[tasks.agent]\nrun = "codex exec --dangerously-bypass-approvals-and-sandbox \\"$TASK\\""\n', { expect: { line: 2 }, note: 'a mise task' }),
      sample('.github/workflows/codex-fix.yml', 'jobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - run: codex exec --full-auto "fix the failing test in src/"\n', { expect: { line: 5 }, note: 'commands run unasked inside the sandbox (reported low)' }),
      sample('scripts/agents.sh', '#!/usr/bin/env bash\nset -e\nqwen --yolo -p "refactor the importer"\n', { expect: { line: 3 }, note: 'Qwen Code' }),
      sample('.github/workflows/droid.yml', 'jobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - run: droid exec --skip-permissions-unsafe "fix the failing tests and push"\n', { expect: { line: 5 }, note: 'Factory Droid without guardrails' }),
      sample('.github/workflows/droid-deploy.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: droid exec --auto high "run the deploy script"\n', { expect: { line: 5 }, note: "Droid's high tier runs pushes and deploy scripts unasked" }),
      sample('Makefile', 'migrate:\n\tGOOSE_MODE=auto goose run -t "apply the pending migrations"\n', { expect: { line: 2 }, note: "goose's autonomous mode, written out" }),
      sample('.github/workflows/gemini-triage.yml', 'on:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          gemini_api_key: ${{ secrets.GEMINI_API_KEY }}\n          prompt: Fix the issue and open a pull request\n', { expect: { line: 8 }, note: 'the action runs gemini --yolo; nothing narrows its tools' }),
      sample('.github/workflows/continue.yml', 'jobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm i -g @continuedev/cli\n      - run: cn -p "fix the failing tests" --allow "*"\n', { expect: { line: 6 }, note: "Continue's CLI approving every tool" }),
      sample('.devcontainer/devcontainer.json', '{\n  "name": "acme-api",\n  "image": "mcr.microsoft.com/devcontainers/typescript-node:20",\n  "postCreateCommand": "npm ci && echo \\"alias claude=\'claude --dangerously-skip-permissions\'\\" >> ~/.bashrc"\n}\n', { expect: { line: 4 }, note: 'an alias printed into the shell start-up file' }),
      sample('.zshrc', 'export PATH="$HOME/.local/bin:$PATH"\nalias yolo="claude --dangerously-skip-permissions"\n', { expect: { line: 2 }, note: 'committed dotfiles' }),
      sample('.envrc', 'export GOOSE_MODE=auto\nexport GOOSE_PROVIDER=anthropic\nlayout python\n', { expect: { line: 1 }, note: "direnv's .envrc, sourced for whoever enters the directory" }),
      sample('scripts/setup.sh', '#!/bin/sh\necho "export GOOSE_MODE=auto" >> .envrc\ndirenv allow\n', { expect: { line: 2 }, note: 'appended to the .envrc direnv loads' }),
      sample('.devcontainer/post-create.sh', "#!/bin/sh\nnpm install -g @anthropic-ai/claude-code\ncat >> ~/.zshrc <<'RC'\nalias cc='claude --dangerously-skip-permissions'\nRC\n", { expect: { line: 4 }, note: 'a here-document appended to the shell start-up file' }),
      sample('.devcontainer/setup.sh', '#!/bin/sh\necho "alias yolo=\'claude --dangerously-skip-permissions\'" | tee -a ~/.bashrc ~/.zshrc\n', { expect: { line: 2 }, note: 'printed through tee into the start-up files' }),
    ],
    negative: [
      sample('src/models.py', 'MODELS = ["gemini", "--yolo-mode-is-not-a-flag", "claude"]\nsubprocess.run(["codex", "exec", "--sandbox", "workspace-write", task])\n', { note: 'a list that merely names agents, and Codex inside its sandbox' }),
      sample('scripts/agent.sh', '#!/bin/sh\ncodex exec -a never -s workspace-write "fix the tests"\ncn -p "summarise the diff" --allow Read\n', { note: 'a sandbox without network; a read-only tool' }),
      sample('scripts/agent.sh', '#!/bin/sh\nopenhands -t "summarise the open issues"\nchromium --headless --dump-dom https://example.com > page.html\n', { note: 'OpenHands asking for each action; another program\'s --headless' }),
      sample('tools/guard.py', 'FORBIDDEN = ("claude --dangerously-skip-permissions", "codex --yolo")\n\n\ndef check(command: str) -> None:\n    """Refuse `claude --dangerously-skip-permissions` and friends."""\n    # never run claude with --dangerously-skip-permissions\n    if any(flag in command for flag in FORBIDDEN):\n        raise SystemExit("refused")\n', { note: 'a guard naming the flag in a list, a docstring and a comment' }),
      sample('src/warn.ts', "console.warn('Do not run `claude --dangerously-skip-permissions` here.');\n", { note: 'a warning that names the command' }),
      sample('src/launch.ts', "export function launch(args: string[]): void {\n  if (args.includes('--dangerously-skip-permissions')) throw new Error('refused: run the agent with its prompts on');\n}\n", { note: 'code that refuses the flag' }),
      sample('.zshrc', '# never alias claude to --dangerously-skip-permissions\nalias ll="ls -la"\n', { note: 'a comment' }),
      sample('.envrc', 'export GOOSE_MODE=approve\nexport DATABASE_URL=postgres://localhost:5432/app_dev\nlayout node\n', { note: 'goose asking first' }),
      sample('.github/workflows/review.yml', 'jobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm install -g @google/gemini-cli && sudo apt-get install -y jq\n      - run: cursor-agent -p "Review the diff" --output-format text > review.md || rm -f review.md\n', { note: "flags of the next command on the line: apt-get's -y, rm's -f" }),
      sample('.github/workflows/summary.yml', 'jobs:\n  summary:\n    runs-on: ubuntu-latest\n    steps:\n      - run: copilot -p "Summarise the changes in this PR" --allow-all-paths -s > summary.md\n', { note: 'only path checks lifted; tools still ask' }),
      sample('.github/workflows/gemini-triage.yml', 'on:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          prompt: Label the issue\n          settings: |\n            {"excludeTools": ["run_shell_command", "write_file", "replace"]}\n', { note: 'the shell and the file writers excluded: what is left reads' }),
      sample('scripts/fmt.sh', '#!/usr/bin/env bash\nclaude -p "format the repo" --permission-mode acceptEdits --dangerously-skip-permissions=false\n', { note: 'the flag set to false' }),
      sample('package.json', '{\n  "scripts": {\n    "dev": "deno run --allow-net --allow-read main.ts",\n    "review": "cn -p \\"review the diff\\" --allow Read"\n  }\n}\n', { note: "other programs' --allow flags; Continue allowed one read-only tool" }),
      sample('scripts/check-agent-flags.sh', "#!/bin/sh\nif grep -rnE -- '--dangerously-skip-permissions|--yolo|--allow-all-tools|--dangerously-bypass-approvals-and-sandbox' .github/ package.json; then\n  echo 'bypass flag found' >&2; exit 1\nfi\n", { note: 'a guard searching for every flag at once' }),
      sample('scripts/check-agent-flags.sh', "#!/bin/sh\nFORBIDDEN='--dangerously-skip-permissions --allow-all-tools'\nfor f in $FORBIDDEN; do grep -rq -- \"$f\" .github && exit 1; done\n", { note: 'a list of the flags a guard refuses' }),
      sample('scripts/agent.sh', '#!/bin/sh\ncase "$*" in *--dangerously-skip-permissions*) echo refused >&2; exit 1;; esac\nclaude -p "$@" --allowedTools "Read,Grep"\n', { note: 'a one-line case that refuses the flag' }),
      sample('.github/workflows/gemini-triage.yml', 'on:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          gemini_api_key: ${{ secrets.GEMINI_API_KEY }}\n          prompt: Label the issue\n          settings: |\n            {"coreTools": ["run_shell_command(gh issue view)", "run_shell_command(gh label list)", "run_shell_command(gh issue edit)"]}\n', { note: 'the official triage setup: a coreTools list of gh commands' }),
      sample('.github/workflows/droid.yml', 'jobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - run: droid exec --auto low "add JSDoc comments"\n      - run: GOOSE_MODE=approve goose run -t "summarise the diff"\n', { note: "Droid's low tier edits files only; goose asking first" }),
      sample('android/build.sh', '#!/usr/bin/env bash\n./gradlew assembleRelease --auto high\n', { note: 'the same words on another program' }),
      sample(
        '.github/workflows/policy.yml',
        "jobs:\n  guard:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          if git grep -n -e '--dangerously-skip-permissions' -e '--yolo' -- ':!.github'; then\n            echo 'agent bypass flag committed'; exit 1\n          fi\n",
        { note: 'a guard that searches for the flag' },
      ),
      sample('scripts/agent-help.sh', "#!/usr/bin/env bash\ncat <<'TXT'\nDo not run `claude --dangerously-skip-permissions` on your laptop; use the devcontainer.\nTXT\n", { note: 'help text in a here-document' }),
      sample(
        '.github/workflows/claude-review.yml',
        'name: Claude review\non: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: claude -p "Review this diff" --allowedTools "Read,Grep,Bash(git diff:*)"\n',
      ),
      sample('scripts/agent.sh', '#!/usr/bin/env bash\nset -euo pipefail\n# Never run: claude --dangerously-skip-permissions\nclaude -p "$1" --permission-mode plan\n', {
        note: 'a commented-out flag is not a launch',
      }),
      sample('package.json', '{\n  "scripts": {\n    "summarize": "npx -y @google/gemini-cli -p \\"summarize CHANGELOG.md\\"",\n    "clean": "rm -rf dist --force"\n  }\n}\n'),
      sample(
        '.github/workflows/guard.yml',
        'name: Guard\non: pull_request\njobs:\n  guard:\n    name: Block --yolo and --dangerously-skip-permissions\n    runs-on: ubuntu-latest\n    steps:\n      - name: Reject --dangerously-skip-permissions in scripts\n        run: ./scripts/check-agent-flags.sh\n',
        { note: 'a job and a step named after the flag they reject' },
      ),
      sample(
        'scripts/claude-wrap.sh',
        '#!/usr/bin/env bash\nif [[ "$*" == *--dangerously-skip-permissions* ]]; then\n  echo "refusing bypass flag" >&2; exit 1\nfi\nfor arg in "$@"; do\n  case "$arg" in\n    --dangerously-skip-permissions|--yolo) echo "refusing $arg" >&2; exit 1 ;;\n  esac\ndone\nclaude -p "$PROMPT" --allowedTools "Read,Grep"  # do not add --dangerously-skip-permissions here\n',
        { note: 'a test, a case arm and a trailing comment name the flag' },
      ),
      sample('package.json', '{\n  "name": "claude-safe",\n  "description": "Wraps claude so nobody passes --dangerously-skip-permissions",\n  "scripts": { "review": "claude -p review --allowedTools Read" }\n}\n'),
    ],
  },
};
