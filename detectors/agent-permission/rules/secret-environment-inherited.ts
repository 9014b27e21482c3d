// agent-permission/secret-environment-inherited: an agent's settings hand the commands it runs the secret variables of
// the developer's shell, which the agent would otherwise strip (Codex's shell_environment_policy), or a dev container
// running an agent copies production's or an account's token from the host into its environment.
import { sample, type RuleMeta } from '../../../src/model.js';

export const secretEnvironmentInherited: RuleMeta = {
  id: 'agent-permission/secret-environment-inherited',
  title: "Agent's commands inherit the shell's secret variables",
  severity: 'medium',
  why:
    'Codex removes variables named like `*KEY*`, `*SECRET*` and `*TOKEN*` from the environment of every command it runs. ' +
    'This policy turns that off (or lets such names back in), so `env`, a script the agent writes, or a provider CLI it ' +
    "calls sees the cloud and database tokens exported in the developer's shell: the first place an agent that hits a " +
    'credential error looks for a way through, and one no file exclusion covers. A dev container that runs an agent and ' +
    "copies such a variable from the host (`remoteEnv`, `containerEnv`) does the same inside the sandbox meant to contain it.",
  fix:
    'Remove `ignore_default_excludes = true`, or keep it only with `inherit = "core"` or an `include_only` list of the ' +
    'non-secret variables the commands need; give a command that needs a credential a narrowly scoped one of its own.',
  help: "Reported when a secret-named variable (AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, an API key) would reach the commands under the policy as written, or when a dev container that installs or starts an agent takes a production-named or account-token variable from the host (the agent's own key is not counted).",
  helpUri: 'https://developers.openai.com/codex/config-reference',
  precision: 'high',
  tags: ['agent', 'credentials'],
  samples: {
    positive: [
      sample('.codex/config.toml', 'model = "gpt-5.4"\n\n[shell_environment_policy]\nignore_default_excludes = true\n', { expect: { line: 4 }, note: 'every variable of the shell, secrets included (inherit defaults to "all")' }),
      sample('.codex/config.toml', '[shell_environment_policy]\ninherit = "all"\nignore_default_excludes = true\ninclude_only = ["PATH", "HOME", "AWS_*"]\n', { expect: { line: 3 }, note: "AWS_* lets the AWS secret key through" }),
      sample('.codex/config.toml', '[shell_environment_policy]\ninclude_only = ["PATH", "*_TOKEN"]\nignore_default_excludes = true\nexclude = ["AWS_*"]\n', { expect: { line: 3 } }),
      sample('.devcontainer/devcontainer.json', '{\n  "name": "api",\n  "image": "mcr.microsoft.com/devcontainers/typescript-node:20",\n  "features": { "ghcr.io/anthropics/devcontainer-features/claude-code:1": {} },\n  "remoteEnv": {\n    "ANTHROPIC_API_KEY": "${localEnv:ANTHROPIC_API_KEY}",\n    "RAILWAY_API_TOKEN": "${localEnv:RAILWAY_API_TOKEN}"\n  }\n}\n', { expect: { line: 7 }, note: "the Railway account token of whoever opens the container, beside the agent's own key" }),
      sample('.devcontainer/devcontainer.json', '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "postCreateCommand": "npm install -g @openai/codex",\n  "containerEnv": { "DATABASE_URL": "${localEnv:PROD_DATABASE_URL}" }\n}\n', { expect: { line: 4 }, note: "production's database URL under a neutral name" }),
    ],
    negative: [
      sample('.codex/config.toml', '[shell_environment_policy]\ninherit = "core"\nignore_default_excludes = true\n', { note: 'the core set (HOME, PATH, ...) holds no secret' }),
      sample('.codex/config.toml', '[shell_environment_policy]\nignore_default_excludes = true\ninclude_only = ["PATH", "HOME", "NODE_ENV"]\n'),
      sample('.codex/config.toml', '[shell_environment_policy]\ninherit = "all"\nignore_default_excludes = false\n'),
      sample('.codex/config.toml', '[shell_environment_policy]\nignore_default_excludes = true\nexclude = ["*KEY*", "*SECRET*", "*TOKEN*", "*PASSWORD*"]\n', { note: 'the default excludes written out again' }),
      sample('.devcontainer/devcontainer.json', '{\n  "features": { "ghcr.io/anthropics/devcontainer-features/claude-code:1": {} },\n  "remoteEnv": {\n    "ANTHROPIC_API_KEY": "${localEnv:ANTHROPIC_API_KEY}",\n    "GITHUB_TOKEN": "${localEnv:GITHUB_TOKEN}",\n    "DATABASE_URL": "postgres://postgres:postgres@db:5432/app",\n    "STAGING_API_URL": "${localEnv:STAGING_API_URL}"\n  }\n}\n', { note: "the agent's own keys, a compose database and staging's address" }),
      sample('.devcontainer/devcontainer.json', '{\n  "image": "mcr.microsoft.com/devcontainers/go:1.23",\n  "remoteEnv": { "RAILWAY_API_TOKEN": "${localEnv:RAILWAY_API_TOKEN}" }\n}\n', { note: 'no agent installed or started in the container' }),
    ],
  },
};
