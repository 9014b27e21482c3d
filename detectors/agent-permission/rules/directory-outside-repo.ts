// agent-permission/directory-outside-repo: an agent's own settings let it read and edit outside the repository without
// asking (Claude Code's additionalDirectories, OpenCode's external_directory, Codex's writable_roots, the host
// directories OpenHands mounts into its sandbox).
import { sample, type RuleMeta } from '../../../src/model.js';

export const directoryOutsideRepo: RuleMeta = {
  id: 'agent-permission/directory-outside-repo',
  title: 'Agent allowed into directories outside the repository',
  severity: 'high',
  why:
    "The agent's settings add a directory outside the project to what it reads and edits as its own: the home directory " +
    'holds `~/.aws/credentials`, `~/.config/gcloud`, `~/.kube/config` and `~/.ssh`, which no ignore file or deny rule of ' +
    'the repository covers. A credential the agent finds there is used as readily as one in the project.',
  fix: 'Remove the entry, or name the one directory the task needs (a sibling checkout), never the home directory or the disk; let the agent ask for anything else.',
  help: "Reported high for the home directory, the disk's root or any directory at all, medium for another directory outside the project, low for one named sibling checkout (`../shared-lib`).",
  helpUri: 'https://code.claude.com/docs/en/settings',
  precision: 'high',
  tags: ['agent', 'credentials'],
  samples: {
    positive: [
      sample('.amazonq/cli-agents/dev.json', '{\n  "name": "dev",\n  "toolsSettings": {\n    "fs_write": { "allowedPaths": ["~/**"] }\n  }\n}\n', { expect: { line: 4 }, note: 'Amazon Q writes anywhere in the home without a prompt' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": [\n      "Read(~/.aws/**)",\n      "Edit(//etc/**)"\n    ]\n  }\n}\n', { expect: { line: 4 }, note: "file rules for the user's AWS credentials and an absolute path" }),
      sample('scripts/agent.sh', '#!/bin/sh\nclaude --add-dir ~ -p "update the dotfiles and the project together"\n', { expect: { line: 2 }, note: 'the home directory added to a Claude Code session' }),
      sample('opencode.json', '{\n  "permission": {\n    "external_directory": { "*": "allow", "~/.ssh/**": "deny" }\n  }\n}\n', { expect: { line: 3 }, note: "OpenCode's pattern map, allowing every path" }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "additionalDirectories": ["~/"],\n    "allow": ["Bash(npm test:*)"]\n  }\n}\n', { expect: { line: 3 }, note: "Claude Code's additional working directories" }),
      sample('opencode.json', '{\n  "$schema": "https://opencode.ai/config.json",\n  "permission": {\n    "edit": "ask",\n    "external_directory": "allow"\n  }\n}\n', { expect: { line: 5 }, note: 'OpenCode no longer asks before paths outside the project' }),
      sample('.codex/config.toml', 'approval_policy = "on-request"\nsandbox_mode = "workspace-write"\n\n[sandbox_workspace_write]\nwritable_roots = ["/Users/dev"]\n', { expect: { line: 5 }, note: "the sandbox made to let commands write the user's home" }),
      sample(
        '.devcontainer/devcontainer.json',
        '{\n  "name": "api",\n  "image": "mcr.microsoft.com/devcontainers/typescript-node:20",\n  "features": {\n    "ghcr.io/anthropics/devcontainer-features/claude-code:1.0": {}\n  },\n  "mounts": [\n    "source=claude-config-${devcontainerId},target=/home/node/.claude,type=volume",\n    "source=${localEnv:HOME}/.aws,target=/home/node/.aws,type=bind,readonly"\n  ]\n}\n',
        { expect: { line: 9 }, note: "the host's AWS credentials mounted into the container Claude Code runs in" },
      ),
      sample(
        '.devcontainer.json',
        '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "runArgs": ["-v", "${localEnv:HOME}/.kube:/home/vscode/.kube"],\n  "postCreateCommand": "npm install -g @openai/codex"\n}\n',
        { expect: { line: 3 }, note: 'a docker run volume flag, and Codex installed on creation' },
      ),
      sample('config.toml', '[core]\nruntime = "docker"\n\n[llm]\nmodel = "gpt-4o"\n\n[sandbox]\nvolumes = "/:/workspace:rw"\n', { expect: { line: 8 }, note: "the host's whole disk mounted into OpenHands' sandbox, writable" }),
      sample('config.toml', '[core]\nworkspace_base = "$HOME"\n\n[security]\nconfirmation_mode = false\n', { expect: { line: 2 }, note: "the user's home as OpenHands' workspace" }),
      sample('docker-compose.yml', 'services:\n  openhands:\n    image: docker.openhands.dev/openhands/openhands:0.62\n    environment:\n      - SANDBOX_VOLUMES=${HOME}:/workspace:rw\n      - LLM_MODEL=anthropic/claude-sonnet-4-5-20250929\n    ports:\n      - "3000:3000"\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n', { expect: { line: 5 }, note: "OpenHands' sandbox given the user's home through its environment" }),
    ],
    negative: [
      sample('scripts/openhands.sh', '#!/bin/sh\nexport SANDBOX_VOLUMES=$PWD:/workspace:rw,$HOME/datasets:/data:ro\ndocker run -it --rm -e SANDBOX_VOLUMES=$SANDBOX_VOLUMES -p 3000:3000 docker.openhands.dev/openhands/openhands:0.62\n', { note: 'the project writable, a dataset folder read-only' }),
      sample('config.toml', '[core]\nworkspace_base = "./workspace"\nruntime = "docker"\n\n[sandbox]\nvolumes = "./:/workspace:rw,$HOME/datasets:/data:ro"\n', { note: 'the project writable, a dataset folder mounted read-only' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Read(./docs/**)", "Edit(/src/**)"]\n  }\n}\n', { note: 'paths inside the project (a single slash is relative to the settings file)' }),
      sample('.codex/config.toml', 'sandbox_mode = "workspace-write"\n\n[sandbox_workspace_write]\nwritable_roots = ["/tmp"]\n', { note: 'scratch space' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "additionalDirectories": ["./packages/shared", "docs"]\n  }\n}\n', { note: 'directories of the project' }),
      sample('opencode.json', '{\n  "permission": {\n    "external_directory": "ask"\n  }\n}\n'),
      sample('.codex/config.toml', 'sandbox_mode = "workspace-write"\n\n[sandbox_workspace_write]\nwritable_roots = ["./build"]\n'),
      sample(
        '.devcontainer/devcontainer.json',
        '{\n  "name": "api",\n  "image": "mcr.microsoft.com/devcontainers/go:1.23",\n  "mounts": ["source=${localEnv:HOME}/.aws,target=/home/vscode/.aws,type=bind"]\n}\n',
        { note: 'no agent runs in this container: the developer uses their own credentials' },
      ),
      sample(
        '.devcontainer/devcontainer.json',
        '{\n  "features": { "ghcr.io/anthropics/devcontainer-features/claude-code:1.0": {} },\n  "mounts": [\n    "source=claude-code-bashhistory-${devcontainerId},target=/commandhistory,type=volume",\n    "source=${localEnv:HOME}/.claude,target=/home/node/.claude,type=bind",\n    "source=${localWorkspaceFolder}/../shared,target=/workspaces/shared,type=bind"\n  ]\n}\n',
        { note: "the agent's own settings and a sibling checkout, no credentials of the host" },
      ),
    ],
  },
};
