// Where each agent reads "act without a human" from a repository, and whether it honours that setting there or ignores
// it (intent only). The readers in detectors/agent-permission/configs/ implement these; the reasons below are the ones
// their findings give. Sources: shared/research/agents.md §2 and each row's page.
import type { AgentId } from './agents.js';

export type RepoScope =
  /** Honoured from the repository as written. */
  | 'effective'
  /** Honoured once the user trusts the folder or workspace (Codex, Gemini CLI, VS Code): a trust prompt, not a review. */
  | 'effective-after-trust'
  /** Ignored from the repository: reported at info as the intent it records. */
  | 'intent-only';

export interface AgentSetting {
  agent: AgentId;
  /** Repository files the setting is read from. */
  files: readonly string[];
  key: string;
  /** The values that let the agent act without a human. */
  grants: string;
  repoScope: RepoScope;
  /** Why the agent ignores it from the repository (intent-only settings). */
  ignoredBecause?: string;
  source: string;
}

/** Why an agent ignores a setting written in a repository: the text findings give. */
export const IGNORED_BECAUSE = {
  claudeAutoMode: 'auto mode is not accepted from project or local settings',
  codexProfiles: 'profiles cannot be set from a project config',
  geminiYolo: 'YOLO mode can only be turned on from the command line',
  kiroPermissionsFile: "Kiro reads permissions.yaml from ~/.kiro/settings/ and a per-user store outside the repository, so a cloned repository cannot add rules",
  geminiWorkspacePolicies: 'its policy engine does not load workspace policies at present, per its docs and issue #18186',
  vscodeGlobalAutoApprove: 'the setting has application-machine scope: user or remote-machine settings only',
  zedAgent: 'Zed reads agent settings from user settings only',
} as const;

export const AGENT_SETTINGS: readonly AgentSetting[] = [
  {
    agent: 'claude-code',
    files: ['.claude/settings.json', '.claude/settings.local.json'],
    key: 'permissions.defaultMode',
    grants: '"bypassPermissions" (every tool)',
    repoScope: 'effective',
    source: 'https://code.claude.com/docs/en/permission-modes',
  },
  {
    agent: 'claude-code',
    files: ['.claude/settings.json', '.claude/settings.local.json'],
    key: 'permissions.defaultMode',
    grants: '"auto" (a classifier approves)',
    repoScope: 'intent-only',
    ignoredBecause: IGNORED_BECAUSE.claudeAutoMode,
    source: 'https://github.com/anthropics/claude-code/issues/81635',
  },
  {
    agent: 'claude-code',
    files: ['.claude/settings.json', '.claude/settings.local.json'],
    key: 'permissions.allow',
    grants: '"Bash", "Bash(*)", destructive prefixes ("Bash(rm:*)", "Bash(railway:*)"), "mcp__<server>"; deny and ask rules win',
    repoScope: 'effective',
    source: 'https://code.claude.com/docs/en/permissions',
  },
  {
    agent: 'codex',
    files: ['.codex/config.toml'],
    key: 'approval_policy + sandbox_mode',
    grants: '"never" with "danger-full-access" (or with workspace-write network access)',
    repoScope: 'effective-after-trust',
    source: 'https://developers.openai.com/codex/config-reference',
  },
  {
    agent: 'codex',
    files: ['.codex/config.toml'],
    key: 'profiles.<name>.approval_policy',
    grants: 'as above, inside a profile',
    repoScope: 'intent-only',
    ignoredBecause: IGNORED_BECAUSE.codexProfiles,
    source: 'https://developers.openai.com/codex/config-reference',
  },
  {
    agent: 'codex',
    files: ['.codex/rules/*.rules'],
    key: 'prefix_rule(decision="allow")',
    grants: 'a prefix of a destructive CLI or an interpreter; forbidden > prompt > allow',
    repoScope: 'effective-after-trust',
    source: 'https://developers.openai.com/codex/rules',
  },
  {
    agent: 'gemini-cli',
    files: ['.gemini/settings.json'],
    key: 'tools.allowed (v1 allowedTools)',
    grants: '"run_shell_command" or a destructive "run_shell_command(<prefix>)"; tools.exclude wins',
    repoScope: 'effective-after-trust',
    source: 'https://geminicli.com/docs/reference/configuration',
  },
  {
    agent: 'gemini-cli',
    files: ['.gemini/settings.json'],
    key: 'general.defaultApprovalMode',
    grants: '"yolo"',
    repoScope: 'intent-only',
    ignoredBecause: IGNORED_BECAUSE.geminiYolo,
    source: 'https://geminicli.com/docs/reference/configuration',
  },
  {
    agent: 'gemini-cli',
    files: ['.gemini/settings.json'],
    key: 'mcpServers.<name>.trust',
    grants: 'true (no confirmation for any of the server\'s tools)',
    repoScope: 'effective-after-trust',
    source: 'https://geminicli.com/docs/reference/configuration',
  },
  {
    agent: 'gemini-cli',
    files: ['.gemini/policies/*.toml'],
    key: '[[rule]] toolName = "run_shell_command" decision',
    grants: '"allow" with no commandPrefix (every command), or a destructive prefix; deny and ask_user rules there stop nothing either',
    repoScope: 'intent-only',
    ignoredBecause: IGNORED_BECAUSE.geminiWorkspacePolicies,
    source: 'https://github.com/google-gemini/gemini-cli/pull/24367',
  },
  {
    agent: 'copilot',
    files: ['.vscode/settings.json', '*.code-workspace'],
    key: 'chat.tools.terminal.autoApprove',
    grants: '"/.*/": true, or a destructive command prefix or regex; false entries win',
    repoScope: 'effective-after-trust',
    source: 'https://github.com/microsoft/vscode (terminalChatAgentToolsConfiguration.ts)',
  },
  {
    agent: 'copilot',
    files: ['.vscode/settings.json', '*.code-workspace'],
    key: 'chat.tools.edits.autoApprove',
    grants: 'a true glob over .vscode/*.json (its own settings; merged with the default, whose false entries a catch-all does not outvote)',
    repoScope: 'effective-after-trust',
    source: 'https://github.com/microsoft/vscode (chat.shared.contribution.ts)',
  },
  {
    agent: 'copilot',
    files: ['.vscode/settings.json', '*.code-workspace'],
    key: 'chat.permissions.default',
    grants: '"autoApprove" (Bypass Approvals) or "autopilot"; window scope',
    repoScope: 'effective-after-trust',
    source: 'https://github.com/microsoft/vscode (chat.contribution.ts)',
  },
  {
    agent: 'copilot',
    files: ['.vscode/settings.json', '*.code-workspace'],
    key: 'chat.tools.global.autoApprove (formerly chat.tools.autoApprove)',
    grants: 'true',
    repoScope: 'intent-only',
    ignoredBecause: IGNORED_BECAUSE.vscodeGlobalAutoApprove,
    source: 'https://github.com/microsoft/vscode (chat.contribution.ts)',
  },
  {
    agent: 'copilot',
    files: ['.devcontainer/devcontainer.json'],
    key: 'customizations.vscode.settings["chat.tools.global.autoApprove"]',
    grants: 'true: the container\'s machine settings honour it',
    repoScope: 'effective',
    source: 'https://containers.dev/supporting#visual-studio-code',
  },
  {
    agent: 'cursor',
    files: ['.cursor/cli.json'],
    key: 'permissions.allow',
    grants: '"Shell(*)", a destructive "Shell(<command>)", "Mcp(<server>, *)"; deny wins',
    repoScope: 'effective',
    source: 'https://cursor.com/docs/cli/reference/permissions',
  },
  {
    agent: 'cursor',
    files: ['.cursor/permissions.json'],
    key: 'terminalAllowlist, mcpAllowlist',
    grants: 'a destructive command prefix, "<server>:*"',
    repoScope: 'effective',
    source: 'https://cursor.com/docs/reference/permissions',
  },
  {
    agent: 'roo-code',
    files: ['.vscode/settings.json'],
    key: 'roo-cline.allowedCommands',
    grants: '"*" or a destructive prefix; roo-cline.deniedCommands wins',
    repoScope: 'effective',
    source: 'https://docs.roocode.com/advanced-usage/auto-approving-actions',
  },
  {
    agent: 'windsurf',
    files: ['.vscode/settings.json'],
    key: 'windsurf.cascadeCommandsAllowList',
    grants: 'a destructive prefix; windsurf.cascadeCommandsDenyList wins',
    repoScope: 'effective',
    source: 'https://docs.windsurf.com/windsurf/terminal',
  },
  {
    agent: 'aider',
    files: ['.aider.conf.yml'],
    key: 'yes-always',
    grants: 'true (files, edits, commits; suggested shell commands still ask)',
    repoScope: 'effective',
    source: 'https://aider.chat/docs/config/options.html',
  },
  {
    agent: 'amp',
    files: ['.amp/settings.json'],
    key: 'amp.dangerouslyAllowAll, amp.permissions, amp.commands.allowlist',
    grants: 'true; { tool: "Bash", action: "allow" } rules (first match wins)',
    repoScope: 'effective',
    source: 'https://ampcode.com/manual',
  },
  {
    agent: 'opencode',
    files: ['opencode.json', 'opencode.jsonc'],
    key: 'permission',
    grants: '"allow", { "*": "allow" }, bash "allow" or allow patterns (last match wins); bash left to the default (no "permission", no "bash" or "*" rule, bash patterns without "*"), which allows',
    repoScope: 'effective',
    source: 'https://opencode.ai/docs/permissions',
  },
  {
    agent: 'zed',
    files: ['.zed/settings.json'],
    key: 'agent.tool_permissions.default, agent.always_allow_tool_actions',
    grants: '"allow", true',
    repoScope: 'intent-only',
    ignoredBecause: IGNORED_BECAUSE.zedAgent,
    source: 'https://github.com/zed-industries/zed/issues/16156',
  },
  {
    agent: 'amazon-q',
    files: ['.amazonq/cli-agents/*.json'],
    key: 'allowedTools, toolsSettings.execute_bash.allowedCommands',
    grants: '"execute_bash", "use_aws", "@<server>", a destructive command regex; deniedCommands win',
    repoScope: 'effective',
    source: 'https://github.com/aws/amazon-q-developer-cli/blob/main/docs/agent-format.md',
  },
  {
    agent: 'kiro',
    files: ['.kiro/agents/**/*.md (front matter)', '.kiro/agents/*.json'],
    key: 'permissions',
    grants: '{ capability: all|builtin, effect: allow }, { capability: shell, effect: allow } with no match or a destructive one, { capability: mcp, effect: allow }; deny and ask win',
    repoScope: 'effective-after-trust',
    source: 'https://kiro.dev/docs/cli/v3/agent-config/',
  },
  {
    agent: 'kiro',
    files: ['.kiro/settings/permissions.yaml'],
    key: 'rules',
    grants: 'the same rules',
    repoScope: 'intent-only',
    ignoredBecause: IGNORED_BECAUSE.kiroPermissionsFile,
    source: 'https://kiro.dev/docs/cli/v3/permissions/',
  },
];
