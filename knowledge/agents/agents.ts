// What each coding agent reads from a repository: its instruction files, the ignore files its file tools honour,
// what it never reads by default, and how a team keeps a path from it. Sources: shared/research/agents.md §1, §4.
// Settings and their repo-scope caveats live with the readers in detectors/agent-permission/configs/.

export type AgentId =
  | 'claude-code'
  | 'cursor'
  | 'codex'
  | 'copilot'
  | 'gemini-cli'
  | 'gemini-code-assist'
  | 'windsurf'
  | 'cline'
  | 'roo-code'
  | 'kilo-code'
  | 'aider'
  | 'continue'
  | 'amazon-q'
  | 'kiro'
  | 'zed'
  | 'junie'
  | 'amp'
  | 'opencode'
  | 'qwen-code'
  | 'droid'
  | 'crush'
  | 'goose'
  | 'openhands'
  | 'augment';

export interface AgentKnowledge {
  id: AgentId;
  title: string;
  /** Instruction files it loads (repo-relative path tests): evidence that the agent works here, and prose to read. */
  instructionFiles: readonly RegExp[];
  /** Ignore files its file tools honour (file names; gitignore syntax, relative to the file's directory). */
  ignoreFiles: readonly string[];
  /** Ignore files that keep paths out of its index only: its tools still read what they list. */
  indexIgnoreFiles?: readonly string[];
  /** Paths its file tools refuse by default, as gitignore patterns from the repo root. */
  builtInExclusions: readonly string[];
  /** Its file tools skip what git ignores (Cursor, Gemini CLI, Gemini Code Assist). */
  skipsGitIgnored: boolean;
  /** How a team keeps `path` from this agent's file tools, one line. Undefined when the agent has no such rule. */
  exclusionFix?(path: string): string;
  /** The repository rule that stops this agent running `command` (a program and optional subcommand) unasked, and where it goes. */
  commandDeny?: { where: string; rule(command: string): string };
  /** The page that documents the above. */
  reference: string;
}

const anchored = (path: string): string => `/${path}`;

export const AGENTS: readonly AgentKnowledge[] = [
  {
    id: 'claude-code',
    title: 'Claude Code',
    instructionFiles: [/(^|\/)CLAUDE(\.local)?\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path) => `add "Read(./${path})" to permissions.deny in .claude/settings.json`,
    commandDeny: { where: 'permissions.deny of .claude/settings.json', rule: (command) => `"Bash(${command}:*)"` },
    reference: 'https://code.claude.com/docs/en/permissions',
  },
  {
    id: 'cursor',
    title: 'Cursor',
    instructionFiles: [/^\.cursorrules$/, /(^|\/)\.cursor\/rules\/.+\.mdc?$/],
    ignoreFiles: ['.cursorignore'],
    builtInExclusions: ['.env', '.env.*'],
    skipsGitIgnored: true,
    exclusionFix: (path) => `list ${anchored(path)} in .cursorignore`,
    commandDeny: { where: 'permissions.deny of .cursor/cli.json', rule: (command) => `"Shell(${command.split(' ')[0]})"` },
    reference: 'https://cursor.com/docs/reference/ignore-file',
  },
  {
    id: 'codex',
    title: 'Codex',
    instructionFiles: [/(^|\/)AGENTS(\.override)?\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: { where: '.codex/rules/default.rules', rule: (command) => `prefix_rule(pattern=[${command.split(' ').map((word) => `"${word}"`).join(', ')}], decision="forbidden")` },
    reference: 'https://github.com/openai/codex/issues/85',
  },
  {
    id: 'copilot',
    title: 'GitHub Copilot agent',
    instructionFiles: [/^\.github\/copilot-instructions\.md$/, /^\.github\/instructions\/.+\.instructions\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: { where: '"chat.tools.terminal.autoApprove" of .vscode/settings.json', rule: (command) => `"${command}": false` },
    reference: 'https://docs.github.com/en/copilot/concepts/context/content-exclusion',
  },
  {
    id: 'gemini-cli',
    title: 'Gemini CLI',
    instructionFiles: [/(^|\/)GEMINI\.md$/],
    ignoreFiles: ['.geminiignore'],
    builtInExclusions: [],
    skipsGitIgnored: true,
    exclusionFix: (path) => `list ${anchored(path)} in .geminiignore`,
    commandDeny: { where: 'tools.exclude of .gemini/settings.json', rule: (command) => `"run_shell_command(${command})"` },
    reference: 'https://geminicli.com/docs/cli/gemini-ignore',
  },
  {
    id: 'gemini-code-assist',
    title: 'Gemini Code Assist',
    instructionFiles: [],
    ignoreFiles: ['.aiexclude'],
    builtInExclusions: [],
    skipsGitIgnored: true,
    exclusionFix: (path) => `list ${anchored(path)} in .aiexclude`,
    reference: 'https://developers.google.com/gemini-code-assist/docs/create-aiexclude-file',
  },
  {
    id: 'windsurf',
    title: 'Windsurf',
    instructionFiles: [/^\.windsurfrules$/, /^\.windsurf\/rules\/.+\.md$/],
    // `.codeiumignore` and `.windsurfignore` keep files out of the index only: Cascade's tools still read them.
    ignoreFiles: [],
    indexIgnoreFiles: ['.codeiumignore', '.windsurfignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: { where: 'windsurf.cascadeCommandsDenyList', rule: (command) => `"${command}"` },
    reference: 'https://docs.windsurf.com/context-awareness/windsurf-ignore',
  },
  {
    id: 'cline',
    title: 'Cline',
    instructionFiles: [/^\.clinerules$/, /^\.clinerules\/.+\.md$/],
    ignoreFiles: ['.clineignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path) => `list ${anchored(path)} in .clineignore`,
    reference: 'https://docs.cline.bot/features/cline-rules',
  },
  {
    id: 'roo-code',
    title: 'Roo Code',
    // `.roomodes` (YAML or JSON) holds the project's custom modes: each mode's roleDefinition and customInstructions are prompt text.
    instructionFiles: [/^\.roorules$/, /^\.roo\/rules(-[\w-]+)?\/.+\.md$/, /^\.roomodes$/],
    ignoreFiles: ['.rooignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path) => `list ${anchored(path)} in .rooignore`,
    commandDeny: { where: 'roo-cline.deniedCommands of .vscode/settings.json', rule: (command) => `"${command}"` },
    reference: 'https://docs.roocode.com/features/rooignore',
  },
  {
    id: 'kilo-code',
    title: 'Kilo Code',
    // Kilo 1.0 reads `.kilo/rules/`, the extension before it `.kilocode/rules(-<mode>)/`; `.kilocodemodes` holds the
    // project's custom modes (Roo's `.roomodes` format), whose roleDefinition and customInstructions are prompt text.
    instructionFiles: [/^\.kilocode\/rules(-[\w-]+)?\/.+\.md$/, /^\.kilo\/rules\/.+\.md$/, /^\.kilocodemodes$/],
    ignoreFiles: ['.kilocodeignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path) => `list ${anchored(path)} in .kilocodeignore`,
    commandDeny: { where: 'kilo-code.deniedCommands of .vscode/settings.json', rule: (command) => `"${command}"` },
    reference: 'https://kilocode.ai/docs',
  },
  {
    id: 'aider',
    title: 'Aider',
    instructionFiles: [],
    ignoreFiles: ['.aiderignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path) => `list ${anchored(path)} in .aiderignore`,
    reference: 'https://aider.chat/docs/config/options.html',
  },
  {
    id: 'continue',
    title: 'Continue',
    instructionFiles: [/^\.continue\/rules\/.+\.md$/],
    ignoreFiles: [],
    // core/indexing/ignore.ts: files its tools refuse outright as a security concern.
    builtInExclusions: [
      '*.env', '.env', '.env.*', 'config.json', 'config.yaml', 'config.yml', 'settings.json', 'appsettings*.json',
      '*.pem', '*.key', '*.crt', '*.cer', '*.p12', '*.pfx', '*.keystore', '*.jks', '*.db', '*.sqlite', '*.secret',
      '*.secrets', 'auth.json', '*.token', 'id_rsa', 'id_rsa.*', 'id_ed25519', 'id_ed25519.*', '*.bak', '*.old',
      '.aws/', '.gcp/', '.azure/', '.kube/', '.docker/', '.ssh/', 'secrets/', 'private/', 'certs/', 'keys/',
    ],
    skipsGitIgnored: false,
    reference: 'https://github.com/continuedev/continue/blob/main/core/indexing/ignore.ts',
  },
  {
    id: 'amazon-q',
    title: 'Amazon Q Developer',
    instructionFiles: [/^\.amazonq\/rules\/.+\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path) => `add "${path}" to toolsSettings.fs_read.deniedPaths in .amazonq/cli-agents/<agent>.json`,
    commandDeny: { where: 'toolsSettings.execute_bash.deniedCommands of .amazonq/cli-agents/<agent>.json', rule: (command) => `"${command} .*"` },
    reference: 'https://github.com/aws/amazon-q-developer-cli/blob/main/docs/built-in-tools.md',
  },
  {
    id: 'kiro',
    title: 'Kiro',
    instructionFiles: [/^\.kiro\/steering\/.+\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    reference: 'https://kiro.dev/docs/',
  },
  {
    id: 'zed',
    title: 'Zed agent',
    instructionFiles: [/^\.rules$/],
    ignoreFiles: [],
    // The `private_files` default; a `private_files` key in settings replaces it.
    builtInExclusions: ['**/.env*', '**/*.pem', '**/*.key', '**/*.cert', '**/*.crt', '**/secrets.yml'],
    skipsGitIgnored: false,
    exclusionFix: (path) => `add "${path}" to private_files in .zed/settings.json (it replaces the defaults, keep them)`,
    reference: 'https://zed.dev/docs/ai/tool-permissions',
  },
  {
    id: 'junie',
    title: 'JetBrains Junie',
    instructionFiles: [/^\.junie\/guidelines\.md$/],
    ignoreFiles: ['.aiignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path) => `list ${anchored(path)} in .aiignore`,
    reference: 'https://www.jetbrains.com/help/junie/aiignore.html',
  },
  {
    id: 'amp',
    title: 'Amp',
    instructionFiles: [],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: { where: 'amp.permissions of .amp/settings.json', rule: (command) => `{ "tool": "Bash", "action": "reject", "matches": { "cmd": "${command} *" } }` },
    reference: 'https://ampcode.com/manual',
  },
  {
    id: 'opencode',
    title: 'OpenCode',
    instructionFiles: [],
    ignoreFiles: [],
    // permission.read asks a human before `*.env` files (example files excepted).
    builtInExclusions: ['*.env', '*.env.*', '!*.env.example'],
    skipsGitIgnored: false,
    exclusionFix: (path) => `set "permission": { "read": { "${path}": "deny" } } in opencode.json`,
    commandDeny: { where: 'permission.bash of opencode.json', rule: (command) => `"${command} *": "deny"` },
    reference: 'https://opencode.ai/docs/permissions',
  },
  // Agents known here by their launch flags and instruction files; their settings files are not read.
  {
    id: 'qwen-code',
    title: 'Qwen Code',
    instructionFiles: [/(^|\/)QWEN\.md$/],
    ignoreFiles: ['.qwenignore'],
    builtInExclusions: [],
    // A fork of Gemini CLI: its file tools skip what git ignores unless told otherwise.
    skipsGitIgnored: true,
    reference: 'https://qwenlm.github.io/qwen-code-docs/',
  },
  {
    id: 'droid',
    title: 'Factory Droid',
    instructionFiles: [],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    reference: 'https://docs.factory.ai/reference/cli-reference',
  },
  {
    id: 'crush',
    title: 'Crush',
    instructionFiles: [/(^|\/)CRUSH\.md$/],
    ignoreFiles: ['.crushignore'],
    builtInExclusions: [],
    skipsGitIgnored: true,
    reference: 'https://github.com/charmbracelet/crush',
  },
  {
    id: 'goose',
    title: 'goose',
    instructionFiles: [/(^|\/)\.goosehints$/],
    ignoreFiles: ['.gooseignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    reference: 'https://block.github.io/goose/docs/guides/goose-permissions/',
  },
  {
    id: 'openhands',
    title: 'OpenHands',
    // Repository skills (formerly microagents; the old folder still loads) and the legacy instructions file.
    instructionFiles: [/(^|\/)\.openhands\/(?:microagents|skills)\/[^/]+\.md$/, /(^|\/)\.openhands_instructions$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    reference: 'https://docs.openhands.dev/overview/skills',
  },
  {
    id: 'augment',
    title: 'Augment (Auggie)',
    // Workspace rules and the legacy guidelines file; `.augmentignore` keeps paths from its context engine.
    instructionFiles: [/(^|\/)\.augment\/rules\/.+\.md$/, /(^|\/)\.augment-guidelines$/],
    ignoreFiles: ['.augmentignore'],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: {
      where: 'toolPermissions of .augment/settings.json, above any allow rule (the first match wins)',
      rule: (command) => `{ "toolName": "launch-process", "shellInputRegex": "^${command.replace(/ /g, '\\\\s+')}\\\\b", "permission": { "type": "deny" } }`,
    },
    reference: 'https://docs.augmentcode.com/cli/permissions',
  },
];

const BY_ID = new Map(AGENTS.map((agent) => [agent.id, agent]));

export function agentKnowledge(id: AgentId): AgentKnowledge {
  return BY_ID.get(id)!;
}

export function agentTitle(id: string): string {
  return BY_ID.get(id as AgentId)?.title ?? id;
}

/** The agents that load `path` as instructions (AGENTS.md is read by many; Codex stands for them: it excludes nothing). */
export function agentsInstructedBy(path: string): AgentId[] {
  return AGENTS.filter((agent) => agent.instructionFiles.some((test) => test.test(path))).map((agent) => agent.id);
}

/** The agent whose ignore file `path` is, if it is one. */
export function agentOfIgnoreFile(path: string): AgentId | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return AGENTS.find((agent) => agent.ignoreFiles.includes(name))?.id;
}

/** The agent whose index-only ignore file `path` is (`.codeiumignore`), if it is one. */
export function agentOfIndexIgnoreFile(path: string): AgentId | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return AGENTS.find((agent) => agent.indexIgnoreFiles?.includes(name))?.id;
}

export const IGNORE_FILE_NAMES: ReadonlySet<string> = new Set(AGENTS.flatMap((agent) => agent.ignoreFiles));
