// Command-line flags that start a coding agent with approvals off, as CI workflows, package scripts and Makefiles
// write them. Sources: each vendor's CLI reference (shared/research/agents.md §2, "any agent in CI/scripts").
import type { AgentId } from './agents.js';

export interface LaunchFlag {
  agent: AgentId;
  /** The flag as it appears on a command line. */
  flag: RegExp;
  /** The agent's executable, required before the flag when the flag alone is ambiguous (`--yolo`, `--force`). */
  command?: RegExp;
  /** A pattern the file must hold instead, for a flag that is an Action's input (the step's `uses:` is lines above). */
  inFile?: RegExp;
  /** `flag`, global: every place on a line it matches. */
  everywhere: RegExp;
  /**
   * `bypass-mode`: every tool, shell included, runs unasked. `file-write`: edits and commits only. `mcp-tool`: the
   * repository's MCP servers start, and their tools are offered, with no approval.
   */
  grant: 'bypass-mode' | 'file-write' | 'mcp-tool';
  /** What the flag lets the agent do unasked, a verb phrase for the message. */
  lets: string;
}

const CLAUDE = /(?:^|[\s;&|('"`/])(?:claude|@anthropic-ai\/claude-code)(?=[\s'"`]|$)/;
const CODEX = /(?:^|[\s;&|('"`/])(?:codex|@openai\/codex)(?=[\s'"`]|$)/;
const GEMINI = /(?:^|[\s;&|('"`/])(?:gemini|@google\/gemini-cli)(?=[\s'"`]|$)/;
// Cursor's CLI is installed as `agent` too (`agent -p --force` in its CI cookbook): that generic name counts only in print mode.
const CURSOR = /(?:^|[\s;&|('"`/])(?:cursor-agent|agent(?=\s(?:[^\n]*?\s)?(?:-p|--print)\b))(?=[\s'"`]|$)/;
/** The workflow step that runs openai/codex-action; its inputs follow on the next lines. */
const CODEX_ACTION = /\buses:\s*["']?openai\/codex-action@/;
const COPILOT = /(?:^|[\s;&|('"`/])(?:copilot|@github\/copilot)(?=[\s'"`]|$)/;
const OPENCODE = /(?:^|[\s;&|('"`/])opencode(?=[\s'"`]|$)/;
const AIDER = /(?:^|[\s;&|('"`/])aider(?=[\s'"`]|$)/;
const QWEN = /(?:^|[\s;&|('"`/])(?:qwen|@qwen-code\/qwen-code)(?=[\s'"`]|$)/;
const DROID = /(?:^|[\s;&|('"`/])droid(?=[\s'"`]|$)/;
const CRUSH = /(?:^|[\s;&|('"`/])crush(?=[\s'"`]|$)/;
const CONTINUE = /(?:^|[\s;&|('"`/])(?:cn|@continuedev\/cli)(?=[\s'"`]|$)/;
const CLINE = /(?:^|[\s;&|('"`/])(?:cline|@cline\/cli)(?=[\s'"`]|$)/;
const OPENHANDS = /(?:^|[\s;&|('"`/])openhands(?=[\s'"`]|$)/;
const AUGGIE = /(?:^|[\s;&|('"`/])(?:auggie|@augmentcode\/auggie)(?=[\s'"`]|$)/;
const KIRO = /(?:^|[\s;&|('"`/])kiro-cli(?=[\s'"`]|$)/;
const KILO = /(?:^|[\s;&|('"`/])(?:kilo|kilocode|@kilocode\/cli)(?=[\s'"`]|$)/;

const FLAGS: ReadonlyArray<Omit<LaunchFlag, 'everywhere'>> = [
  { agent: 'claude-code', flag: /--dangerously-skip-permissions\b/, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  { agent: 'claude-code', flag: /--permission-mode[=\s]+["']?bypassPermissions\b/, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  { agent: 'codex', flag: /--dangerously-bypass-approvals-and-sandbox\b/, grant: 'bypass-mode', lets: 'run every command, outside any sandbox,' },
  { agent: 'codex', flag: /--yolo\b/, command: CODEX, grant: 'bypass-mode', lets: 'run every command, outside any sandbox,' },
  { agent: 'codex', flag: /(?:--sandbox|-s)[=\s]+["']?danger-full-access\b/, command: CODEX, grant: 'bypass-mode', lets: 'run commands outside the sandbox' },
  // The same setting through a config override: `-c sandbox_mode=danger-full-access`, `--config sandbox_mode="…"`.
  { agent: 'codex', flag: /(?:-c|--config)[=\s]+["']?sandbox_mode\s*=\s*["']?danger-full-access\b/, command: CODEX, grant: 'bypass-mode', lets: 'run commands outside the sandbox' },
  { agent: 'gemini-cli', flag: /--approval-mode[=\s]+["']?yolo\b/, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  { agent: 'gemini-cli', flag: /--yolo\b|(?<=\s)-y(?=\s|$)/, command: GEMINI, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  { agent: 'cursor', flag: /--force\b|--yolo\b|(?<=\s)-f(?=\s|$)/, command: CURSOR, grant: 'bypass-mode', lets: 'run every command not explicitly denied' },
  // The headless twin of `enableAllProjectMcpServers`: every server `.cursor/mcp.json` declares starts unapproved.
  { agent: 'cursor', flag: /--approve-mcps\b/, command: CURSOR, grant: 'mcp-tool', lets: 'start every MCP server the repository declares, one a pull request adds included,' },
  { agent: 'copilot', flag: /--allow-all-tools\b/, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  // `--allow-all` and `--yolo`, not `--allow-all-paths` or `--allow-all-urls` (which lift only path and URL checks).
  { agent: 'copilot', flag: /--allow-all(?![\w-])|--yolo\b/, command: COPILOT, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  // Kiro's CLI (Amazon Q's successor) takes the same flags; named first, so that `kiro-cli chat --trust-all-tools` is Kiro's.
  { agent: 'kiro', flag: /--trust-all-tools\b/, command: KIRO, grant: 'bypass-mode', lets: 'run every tool, shell and AWS calls included,' },
  { agent: 'kiro', flag: /--trust-tools[=\s]+["']?[\w,]*\b(?:execute_bash|shell)\b/, command: KIRO, grant: 'bypass-mode', lets: 'run every shell command' },
  { agent: 'amazon-q', flag: /--trust-all-tools\b/, grant: 'bypass-mode', lets: 'run every tool, shell and AWS calls included,' },
  // Trusting its shell tool by name is trusting every command: `q chat --trust-tools=execute_bash,use_aws`.
  { agent: 'amazon-q', flag: /--trust-tools[=\s]+["']?[\w,]*\bexecute_bash\b/, grant: 'bypass-mode', lets: 'run every shell command' },
  // Copilot CLI's `--allow-tool shell` (no command in parentheses) lets every shell command through.
  { agent: 'copilot', flag: /--allow-tool[=\s]+["']?shell(?=["']?(?:\s|$))/, command: COPILOT, grant: 'bypass-mode', lets: 'run every shell command' },
  { agent: 'amp', flag: /--dangerously-allow-all\b/, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  { agent: 'opencode', flag: /--auto\b/, command: OPENCODE, grant: 'bypass-mode', lets: 'run every tool not explicitly denied' },
  // OpenCode reads a whole config from this variable: `OPENCODE_CONFIG_CONTENT: '{"permission":"allow"}'` in a CI step.
  { agent: 'opencode', flag: /\bOPENCODE_CONFIG_CONTENT\b[^\n]*?\\?["']permission\\?["']\s*:\s*\\?["']allow\\?["']/, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  // Qwen Code (a Gemini CLI fork) keeps its flags: `qwen --yolo`; `--approval-mode yolo` is matched above for both.
  { agent: 'qwen-code', flag: /--yolo\b|(?<=\s)-y(?=\s|$)/, command: QWEN, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  { agent: 'droid', flag: /--skip-permissions-unsafe\b/, grant: 'bypass-mode', lets: 'run every command, with no guardrail,' },
  // `--auto high` is Factory's tier for pushes and deploy scripts, run unasked.
  { agent: 'droid', flag: /--auto[=\s]+["']?high\b/, command: DROID, grant: 'bypass-mode', lets: 'run high-risk commands (pushes, deploy scripts)' },
  // Continue's CLI in headless mode: `cn -p "..." --allow "*"` approves every tool.
  { agent: 'continue', flag: /--allow[=\s]+["']?\*["']?(?=\s|$)/, command: CONTINUE, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  // `cn --auto`: auto mode, every tool allowed (it overrides --ask and --exclude).
  { agent: 'continue', flag: /--auto\b(?!-)/, command: CONTINUE, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  // `--allow Bash`: its shell tool, whatever the command.
  { agent: 'continue', flag: /--allow[=\s]+["']?Bash["']?(?=\s|$)/, command: CONTINUE, grant: 'bypass-mode', lets: 'run every shell command' },
  // Cline's CLI: `cline -y "…"` (`--yolo`) approves every action.
  { agent: 'cline', flag: /--yolo\b|(?<=\s)-y(?=\s|$)/, command: CLINE, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  // Kilo Code's CLI: `kilo run --auto` disables every permission prompt.
  { agent: 'kilo-code', flag: /--auto\b/, command: KILO, grant: 'bypass-mode', lets: 'run every tool not explicitly denied' },
  // `codex exec -a never … -c sandbox_workspace_write.network_access=true`: unasked, with the network.
  { agent: 'codex', flag: /(?:-a|--ask-for-approval)[=\s]+["']?never\b(?=[^\n]*network_access["']?\s*=\s*["']?true)/, command: CODEX, grant: 'bypass-mode', lets: 'run every command with network access (provider APIs included)' },
  // Augment's Auggie CLI: `--permission launch-process:allow` lets its shell tool run every command.
  { agent: 'augment', flag: /--permission[=\s]+["']?launch-process:allow\b/, command: AUGGIE, grant: 'bypass-mode', lets: 'run every shell command' },
  // OpenHands' CLI: `--always-approve` turns confirmation off, and `--headless` always runs that way.
  { agent: 'openhands', flag: /--always-approve\b|--headless\b/, command: OPENHANDS, grant: 'bypass-mode', lets: 'run every action, shell included,' },
  { agent: 'crush', flag: /--yolo\b|(?<=\s)-y(?=\s|$)/, command: CRUSH, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  // goose's own default is this mode; written out, it is a choice the repository makes for whoever runs it (a JSON
  // key included: a dev container's `"containerEnv": { "GOOSE_MODE": "auto" }`).
  { agent: 'goose', flag: /["']?\bGOOSE_MODE["']?[ \t]*[=:][ \t]*["']?auto\b["']?/, grant: 'bypass-mode', lets: 'run every tool, shell included,' },
  { agent: 'aider', flag: /--yes-always\b/, command: AIDER, grant: 'file-write', lets: 'add files, apply edits and commit' },
  // `codex exec --full-auto`: commands run unasked, inside a sandbox that can write the workspace.
  { agent: 'codex', flag: /--full-auto\b/, command: CODEX, grant: 'file-write', lets: 'run commands and edit the workspace inside its sandbox' },
  // openai/codex-action's inputs: `sandbox: danger-full-access`, and `safety-strategy: unsafe` (no privilege drop).
  { agent: 'codex', flag: /\bsandbox:\s*["']?danger-full-access\b|\bsafety-strategy:\s*["']?unsafe\b/, inFile: CODEX_ACTION, grant: 'bypass-mode', lets: 'run commands outside the sandbox' },
];

export const LAUNCH_FLAGS: readonly LaunchFlag[] = FLAGS.map((flag) => ({ ...flag, everywhere: new RegExp(flag.flag.source, `${flag.flag.flags}g`) }));

/** Claude Code's `--allowedTools` (and claude-code-action's `allowed_tools:`) lists, whose entries are permission rules. */
/** Unquoted, the list is variadic (`--allowedTools Read Edit Bash`) and ends at the next option or quoted argument. */
export const CLAUDE_ALLOWED_TOOLS = /(?:--allowedTools|--allowed-tools|\ballowed_tools\s*:)[=\s]*(?:"([^"]*)"|'([^']*)'|([^\s"']+(?:[ \t]+(?![-"'#])[^\s"']+)*))/g;

/** Copilot CLI's `--allow-tool 'shell(psql)'`: one command allowed by prefix. */
export const COPILOT_ALLOWED_TOOL = /--allow-tool[=\s]+["']?shell\(([^)]*)\)["']?/g;

export const CLAUDE_COMMAND = CLAUDE;

/** Each agent CLI's executable on a command line: a `run:` step that holds one starts that agent. */
export const AGENT_COMMANDS: ReadonlyArray<{ agent: AgentId; command: RegExp }> = [
  { agent: 'claude-code', command: CLAUDE },
  { agent: 'codex', command: CODEX },
  { agent: 'gemini-cli', command: GEMINI },
  { agent: 'cursor', command: CURSOR },
  { agent: 'copilot', command: COPILOT },
  { agent: 'opencode', command: OPENCODE },
  { agent: 'aider', command: AIDER },
  { agent: 'qwen-code', command: QWEN },
  { agent: 'droid', command: DROID },
  { agent: 'crush', command: CRUSH },
  { agent: 'cline', command: CLINE },
  { agent: 'openhands', command: OPENHANDS },
  { agent: 'kilo-code', command: KILO },
  { agent: 'augment', command: AUGGIE },
];
export const COPILOT_COMMAND = COPILOT;

/** Keywords the prefilter looks for before a launcher file is read. */
export const LAUNCH_KEYWORDS: readonly string[] = [
  'dangerously',
  'bypasspermissions',
  '--yolo',
  'approval-mode',
  'danger-full-access',
  'cursor-agent',
  '--allow-all',
  '--trust-all-tools',
  '--yes-always',
  'allowedtools',
  '--add-dir',
  'approve-mcps',
  'allowed-tools',
  'allowed_tools',
  'opencode',
  'opencode_config_content',
  'sandbox_mode',
  'gemini',
  'trust-tools',
  'allow-tool',
  'agent -p',
  'agent --print',
  '--full-auto',
  'codex-action',
  'claude-code-action',
  'qwen',
  'skip-permissions-unsafe',
  'auto high',
  'auto=high',
  'crush',
  'goose_mode',
  // Continue's `--allow "*"`: not `--allow` alone, which deno and gcloud flags share.
  '--allow "*"',
  "--allow '*'",
  '--allow=*',
  '--allow *',
  'cn --auto',
  'cn -p --auto',
  'cn --print --auto',
  'continuedev/cli',
  '--allow bash',
  '--allow=bash',
  '--allow "bash',
  "--allow 'bash",
  'cline',
  'kilo',
  'network_access',
  'openhands',
  'launch-process:allow',
  'sandbox_volumes',
  // Event text a workflow may put into an agent's prompt (agent-permission/untrusted-prompt), and GitLab's merge request text.
  'github.event.',
  'github.head_ref',
  'ci_merge_request_',
];
