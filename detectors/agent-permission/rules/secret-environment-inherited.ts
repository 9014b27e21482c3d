// agent-permission/secret-environment-inherited: an agent's settings hand the commands it runs the secret variables of
// the developer's shell, which the agent would otherwise strip (Codex's shell_environment_policy).
import { sample, type RuleMeta } from '../../../src/model.js';

export const secretEnvironmentInherited: RuleMeta = {
  id: 'agent-permission/secret-environment-inherited',
  title: "Agent's commands inherit the shell's secret variables",
  severity: 'medium',
  why:
    'Codex removes variables named like `*KEY*`, `*SECRET*` and `*TOKEN*` from the environment of every command it runs. ' +
    'This policy turns that off (or lets such names back in), so `env`, a script the agent writes, or a provider CLI it ' +
    "calls sees the cloud and database tokens exported in the developer's shell: the first place an agent that hits a " +
    'credential error looks for a way through, and one no file exclusion covers.',
  fix:
    'Remove `ignore_default_excludes = true`, or keep it only with `inherit = "core"` or an `include_only` list of the ' +
    'non-secret variables the commands need; give a command that needs a credential a narrowly scoped one of its own.',
  help: 'Reported when a secret-named variable (AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, an API key) would reach the commands under the policy as written.',
  helpUri: 'https://developers.openai.com/codex/config-reference',
  precision: 'high',
  tags: ['agent', 'credentials'],
  samples: {
    positive: [
      sample('.codex/config.toml', 'model = "gpt-5.4"\n\n[shell_environment_policy]\nignore_default_excludes = true\n', { expect: { line: 4 }, note: 'every variable of the shell, secrets included (inherit defaults to "all")' }),
      sample('.codex/config.toml', '[shell_environment_policy]\ninherit = "all"\nignore_default_excludes = true\ninclude_only = ["PATH", "HOME", "AWS_*"]\n', { expect: { line: 3 }, note: "AWS_* lets the AWS secret key through" }),
      sample('.codex/config.toml', '[shell_environment_policy]\ninclude_only = ["PATH", "*_TOKEN"]\nignore_default_excludes = true\nexclude = ["AWS_*"]\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('.codex/config.toml', '[shell_environment_policy]\ninherit = "core"\nignore_default_excludes = true\n', { note: 'the core set (HOME, PATH, ...) holds no secret' }),
      sample('.codex/config.toml', '[shell_environment_policy]\nignore_default_excludes = true\ninclude_only = ["PATH", "HOME", "NODE_ENV"]\n'),
      sample('.codex/config.toml', '[shell_environment_policy]\ninherit = "all"\nignore_default_excludes = false\n'),
      sample('.codex/config.toml', '[shell_environment_policy]\nignore_default_excludes = true\nexclude = ["*KEY*", "*SECRET*", "*TOKEN*", "*PASSWORD*"]\n', { note: 'the default excludes written out again' }),
    ],
  },
};
