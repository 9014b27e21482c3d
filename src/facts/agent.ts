// What coding agents configured in the repo may do and read.
import type { Location } from '../model.js';

/** A permission that lets an agent act without a human: auto-approved shell, bypass mode, yolo flags. */
export interface AgentGrant {
  agent: string;
  /** `shell`, `destructive-command`, `mcp-tool`, `bypass-mode`, `file-write`... */
  grant: string;
  /** The setting or flag as written (no secrets). */
  setting: string;
  /** Effective from the repo, or ignored there (intent only). */
  effective: boolean;
  location: Location;
  /** Why the setting is ignored from the repo, when `effective` is false. */
  ignoredBecause?: string;
  /** The destructive tool or interpreter the permission lets through (`railway`, `rm`, `python`), when it names one. */
  reaches?: string;
}

/**
 * An allow rule whose command destroys data only where the repository keeps some in what it deletes
 * (`Bash(docker compose down:*)` beside a compose database on a named volume): the agent stage reports it once every
 * store is known, and only if one is there.
 */
export interface AgentPendingGrant {
  agent: string;
  /** The setting as written (no secrets). */
  setting: string;
  /** Where the data must be for the command to destroy it. */
  dataIn: 'docker-volume';
  /** The command it lets through (`docker compose down`). */
  reaches: string;
  /** The task it starts that runs the command (`the package script db:reset`), when it lets through a task runner. */
  via?: string;
  effective: boolean;
  ignoredBecause?: string;
  location: Location;
  snippet: string;
}

/**
 * A Secret that a Helm template gives the container of an agent acting without approvals, named by a chart value
 * (`name: {{ .Values.agent.secretName }}`): production's or not once the chart's values files are known.
 */
export interface AgentTemplatedSecret {
  agent: string;
  /** The launch setting as written (`--dangerously-skip-permissions`). */
  setting: string;
  /** The chart's directory (the one holding `templates/`), with a trailing slash; empty at the root. */
  chart: string;
  /** The value's key path (`agent.secretName`). */
  key: string;
  /** The variable the container sees, or undefined for a whole Secret given through `envFrom`. */
  variable?: string;
  /** The agent's launch. */
  location: Location;
  snippet: string;
  /** The line naming the Secret. */
  secretLocation: Location;
}

/** A string a Helm values file sets under a key that names a Secret (`agent.secretName`, `existingSecret`). */
export interface HelmSecretValue {
  /** The values file's directory, with a trailing slash. */
  directory: string;
  key: string;
  value: string;
  /** The file is production's layer by its name (`values-production.yaml`, `prod-values.yaml`). */
  productionLayer: boolean;
  location: Location;
}

/** A rule of some agent that keeps its file tools from reading matching paths. */
export interface AgentReadExclusion {
  agent: string;
  /** Gitignore-style pattern relative to the repo root. */
  pattern: string;
  location?: Location;
  /** Built into the agent rather than configured in the repo. */
  builtIn: boolean;
  /** Set when the rule excludes whatever git ignores (Cursor, Gemini CLI) rather than a pattern; `pattern` then reads `(git-ignored files)`. */
  gitIgnoredFiles?: boolean;
  /** The exclusion only makes the agent ask a human (Junie `.aiignore`, OpenCode `ask`), which still keeps it from reading unasked. */
  asks?: boolean;
  /**
   * The file keeps the path out of the agent's index only (Windsurf's `.codeiumignore`): its tools still read it. Not an
   * exclusion; kept so that a finding can say why the file listed there is still readable.
   */
  indexOnly?: boolean;
}

/** A file that configures, instructs or launches a coding agent: evidence that the agent works in this repository. */
export interface AgentConfigFile {
  agent: string;
  role: 'instructions' | 'settings' | 'ignore' | 'mcp' | 'launcher';
  path: string;
}

/** A rule that stops an agent's command (deny) or puts a human in front of it (ask), whatever the model decides. */
export interface AgentCommandBrake {
  agent: string;
  decision: 'deny' | 'ask';
  /** The rule as written (no secrets). */
  setting: string;
  /** Destructive tools the rule stops (`rm`, `railway`, `psql`...); `['*']` when it stops every command. */
  stops: string[];
  location: Location;
}

/**
 * A sentence in an instructions file that leaves a dangerous decision to the model ("never drop the production
 * database", "ask before running migrations"): prose, which no agent enforces.
 */
export interface AgentProseGuardrail {
  /** The agents that read the file. */
  agents: string[];
  classes: Array<'destructive' | 'production' | 'migration' | 'credentials'>;
  /** Destructive tools the sentence names. */
  tools: string[];
  text: string;
  location: Location;
}

/**
 * An MCP server configured for an agent that acts on databases or cloud accounts: what it can reach, whether its
 * read-only brake is on, and what says it points at production. The chain stage pairs it with production stores.
 */
export interface AgentTool {
  agent: string;
  /** The server entry's name. */
  server: string;
  /** The server's kind (`postgres`, `supabase`, `aws-api`...) and its title ("PostgreSQL MCP server"). */
  kind: string;
  title: string;
  /** What its tools can do at full power, a verb phrase. */
  reach: string;
  readOnly: boolean;
  /** Identities of what the entry points at, in data-store form (`host:db.acme.com`, `supabase:project:<ref>`). */
  targets: string[];
  /** The platform whose every store it reaches, when it holds an account-wide credential (`supabase`, `aws`). */
  accountPlatform?: string;
  /** The engine it speaks (`postgres`, `mysql`, `mongo`), for an entry whose target the repository does not spell out. */
  engine?: string;
  /** Why the entry points at production ("its name \"prod-db\""), when something says so. */
  production?: string;
  location: Location;
}

/**
 * A Claude Code allow rule for shell commands, held until every settings scope of its project is read: a deny or ask
 * rule in `settings.json` wins over an allow in `settings.local.json` (and the other way round), so the finding is
 * decided in the cross-file pass. Internal to the agent stage.
 */
export interface ClaudeShellAllow {
  /** The rule as written: `Bash(rm:*)`. */
  rule: string;
  /** The `.claude` directory whose scopes merge. */
  directory: string;
  location: Location;
  snippet: string;
}

/**
 * A shell allow rule as data, in the syntax its agent writes (Codex token prefixes, Cursor command bases, Gemini and
 * VS Code prefixes, OpenCode globs): facts cross worker threads, so a matcher travels as the rule it is built from.
 */
export type CommandRule =
  | { syntax: 'prefix' | 'exact' | 'base' | 'glob'; text: string }
  | { syntax: 'regex'; source: string; flags: string; anchored?: boolean }
  | { syntax: 'tokens'; tokens: Array<string | string[]> };

/**
 * An allow rule of another agent than Claude Code (whose rules merge across scopes, ClaudeShellAllow) that grants
 * nothing destructive itself but may start a project task (`prefix_rule(pattern=["npm", "run"])`,
 * `run_shell_command(make)`): what the task runs is known once every package.json and Makefile is read.
 */
export interface AgentTaskAllow {
  agent: string;
  /** The setting as written: `tools.allowed: "run_shell_command(make)"`. */
  setting: string;
  rule: CommandRule;
  /** Deny and ask rules of the same configuration, which win over it. */
  except: CommandRule[];
  /** The directory the agent works in (with a trailing slash), where the tasks it may start are declared. */
  project: string;
  effective: boolean;
  ignoredBecause?: string;
  location: Location;
  snippet: string;
}

/** A hook an agent runs before each shell command, whose script lives in the repository. Internal to the agent stage. */
export interface AgentHook {
  agent: string;
  /** The script's repository-relative path. */
  script: string;
  /** The hook as written (`hooks.PreToolUse matcher "Bash"`). */
  setting: string;
  location: Location;
  /** What the hook runs before: shell commands, file reads, or both. */
  before: Array<'shell' | 'read'>;
}

/** A hook script and the destructive tools it refuses (exit 2 or a deny answer on a matching command). */
export interface AgentHookScript {
  path: string;
  refuses: string[];
  /** Secret files (gitignore patterns) it refuses to let a tool touch. */
  protects: string[];
}

/**
 * A task the repository defines that runs a destructive CLI: a package.json script (`"db:reset": "prisma migrate reset
 * --force"`) or a Makefile target (`db-drop:` with `dropdb app` in its recipe). Internal to the agent stage.
 */
export interface ProjectTask {
  kind: 'package-script' | 'make-target' | 'just-recipe' | 'shell-script';
  /** The package.json, Makefile or justfile that declares it, or the script itself. */
  path: string;
  name: string;
  /** The destructive tool it runs and what that does. */
  tool: string;
  does: string;
  needsCredential: boolean;
  /** Destructive only where the repository keeps data there (`docker compose down -v`). */
  dataIn?: 'docker-volume';
  location: Location;
}

/**
 * An OpenCode config (`opencode.json`) and whether it decides what the shell does with commands none of its rules
 * name, held until every config is read: OpenCode merges a project's configs, and one that decides covers the others.
 * Internal to the agent stage.
 */
export interface OpencodeShellDefault {
  path: string;
  /** Set when the config leaves those commands to OpenCode's default, which runs them unasked. */
  open?: {
    /** What the config leaves unset, as a setting: `"permission" left unset`. */
    setting: string;
    location: Location;
    snippet: string;
  };
}

/**
 * A repository setting about one of an agent's own defaults that approves commands (VS Code's approval of the
 * workspace's package.json scripts): whether it turns the default off, and the rules that keep some commands asking
 * whatever the default approves. Held until every package.json is read. Internal to the agent stage.
 */
export interface AgentDefaultSetting {
  agent: string;
  /** The default's setting name (`chat.tools.terminal.autoApproveWorkspaceNpmScripts`). */
  default: string;
  /** The directory the settings govern (where `.vscode/` sits), with a trailing slash; empty at the root. */
  project: string;
  off: boolean;
  /** Rules of the same settings that keep matching commands asking. */
  except: CommandRule[];
  location: Location;
}
