// Agent configurations that let an agent act without a human, or read secrets no rule hides: bypass modes, shell and
// destructive-command allowlists, launch flags in CI and scripts, MCP servers with inline credentials or write access
// to production, prose guardrails nothing enforces, and, for every credential, which agents can read its file.
import type { Detector, FileEmitter, FileRef, FindingInput, FinishContext, SourceFile } from '../../src/model.js';
import { isTestOrExamplePath } from '../../src/paths.js';
import { LAUNCH_KEYWORDS } from '../../knowledge/agents/launch-flags.js';
import { isAgentCodeFile, readAgentCode } from './configs/agent-code.js';
import { readAiderConfig, AIDER_CONFIG } from './configs/aider.js';
import { readAmazonQAgent, AMAZON_Q_AGENT } from './configs/amazon-q.js';
import { readKiroAgentProfile, readKiroPermissionsFile, KIRO_AGENT_PROFILE, KIRO_PERMISSIONS } from './configs/kiro.js';
import { readAmpSettings, AMP_SETTINGS } from './configs/amp.js';
import { readClaudeSettings, resolveClaudeShellAllows, CLAUDE_SETTINGS } from './configs/claude-code.js';
import { readHookFile, readHookScript, resolveHookScripts, HOOK_FILE, HOOK_SCRIPT } from './configs/hook-scripts.js';
import { readClaudeCommand, CLAUDE_COMMAND } from './configs/claude-commands.js';
import { readWindsurfWorkflow, WINDSURF_WORKFLOW } from './configs/windsurf-workflows.js';
import { readCopilotSetupSteps, COPILOT_SETUP_STEPS } from './configs/copilot-setup-steps.js';
import { readCodexConfig, readCodexRules, CODEX_CONFIG, CODEX_RULES } from './configs/codex.js';
import { readCursorCli, readCursorPermissions, CURSOR_CLI, CURSOR_PERMISSIONS } from './configs/cursor.js';
import { readGeminiSettings, GEMINI_SETTINGS } from './configs/gemini.js';
import { readGeminiPolicy, GEMINI_POLICY } from './configs/gemini-policies.js';
import { readMakeTargets, MAKEFILE } from './configs/make-targets.js';
import { readJustRecipes, JUSTFILE } from './configs/just-recipes.js';
import { readPackageScripts, PACKAGE_JSON } from './configs/package-scripts.js';
import { readShellScript, SHELL_SCRIPT } from './configs/shell-scripts.js';
import { isAgentIgnoreFile, readIgnoreFile } from './configs/ignore-files.js';
import { isInstructionFile, readInstructions } from './configs/instructions.js';
import { isLauncherFile, readLauncher } from './configs/launchers.js';
import { isMcpFile, readMcpFile } from './configs/mcp.js';
import { readKiloAgent, readKiloConfig, readOpencodeAgent, readOpencodeConfig, resolveOpencodeShellDefaults, KILO_AGENT, KILO_CONFIG, OPENCODE_AGENT, OPENCODE_CONFIG } from './configs/opencode.js';
import { readDevcontainer, readVscodeSettings, DEVCONTAINER, VSCODE_SETTINGS } from './configs/vscode.js';
import { readDevcontainerMounts } from './configs/devcontainer-mounts.js';
import { readZedSettings, ZED_SETTINGS } from './configs/zed.js';
import { resolveVscodeNpmScripts } from './configs/vscode-npm-scripts.js';
import { readOpenhandsConfig, OPENHANDS_CONFIG } from './configs/openhands.js';
import { readAugmentSettings, AUGMENT_SETTINGS } from './configs/augment.js';
import { isHelmValuesFile, readChartValues, resolveChartSecrets } from './configs/chart-values.js';
import { reportProseGuardrails } from './guardrail-check.js';
import { enrichCredentials, publishBuiltInExclusions } from './reach.js';
import { resolvePendingGrants } from './pending-grants.js';
import { resolveTaskAllows } from './configs/task-allows.js';
import { bypassMode } from './rules/bypass-mode.js';
import { directoryOutsideRepo } from './rules/directory-outside-repo.js';
import { secretEnvironmentInherited } from './rules/secret-environment-inherited.js';
import { shellAutoApproved } from './rules/shell-auto-approved.js';
import { destructiveCommandAllowed } from './rules/destructive-command-allowed.js';
import { mcpToolsAutoApproved } from './rules/mcp-tools-auto-approved.js';
import { bypassFlag } from './rules/bypass-flag.js';
import { proseOnlyGuardrail } from './rules/prose-only-guardrail.js';
import { proseDestructiveLeave } from './rules/prose-destructive-leave.js';
import { mcpInlineCredential } from './rules/mcp-inline-credential.js';
import { mcpWriteAccess } from './rules/mcp-write-access.js';
import { mcpFilesystemOutsideRepo } from './rules/mcp-filesystem-outside-repo.js';
import { secretFileNotExcluded } from './rules/secret-file-not-excluded.js';
import { untrustedTrigger } from './rules/untrusted-trigger.js';
import { productionSecretToAgent } from './rules/production-secret-to-agent.js';
import { untrustedPrompt } from './rules/untrusted-prompt.js';

interface ConfigReader {
  matches(path: string): boolean;
  read(file: SourceFile, out: FileEmitter): void;
}

const byPattern = (pattern: RegExp, read: ConfigReader['read']): ConfigReader => ({ matches: (path) => pattern.test(path), read });

/** Every configuration an agent reads from the repository; a file may feed several (settings that also hold MCP servers). */
const READERS: readonly ConfigReader[] = [
  byPattern(CLAUDE_SETTINGS, readClaudeSettings),
  byPattern(CLAUDE_COMMAND, readClaudeCommand),
  byPattern(HOOK_SCRIPT, readHookScript),
  byPattern(HOOK_FILE, readHookFile),
  byPattern(WINDSURF_WORKFLOW, readWindsurfWorkflow),
  byPattern(COPILOT_SETUP_STEPS, readCopilotSetupSteps),
  byPattern(CODEX_CONFIG, readCodexConfig),
  byPattern(CODEX_RULES, readCodexRules),
  byPattern(GEMINI_SETTINGS, readGeminiSettings),
  byPattern(GEMINI_POLICY, readGeminiPolicy),
  byPattern(PACKAGE_JSON, readPackageScripts),
  byPattern(MAKEFILE, readMakeTargets),
  byPattern(JUSTFILE, readJustRecipes),
  byPattern(SHELL_SCRIPT, readShellScript),
  byPattern(VSCODE_SETTINGS, readVscodeSettings),
  byPattern(DEVCONTAINER, readDevcontainer),
  byPattern(DEVCONTAINER, readDevcontainerMounts),
  byPattern(CURSOR_CLI, readCursorCli),
  byPattern(CURSOR_PERMISSIONS, readCursorPermissions),
  byPattern(AIDER_CONFIG, readAiderConfig),
  byPattern(AMP_SETTINGS, readAmpSettings),
  byPattern(OPENCODE_CONFIG, readOpencodeConfig),
  byPattern(OPENCODE_AGENT, readOpencodeAgent),
  byPattern(KILO_CONFIG, readKiloConfig),
  byPattern(KILO_AGENT, readKiloAgent),
  byPattern(ZED_SETTINGS, readZedSettings),
  byPattern(AMAZON_Q_AGENT, readAmazonQAgent),
  byPattern(KIRO_AGENT_PROFILE, readKiroAgentProfile),
  byPattern(KIRO_PERMISSIONS, readKiroPermissionsFile),
  byPattern(OPENHANDS_CONFIG, readOpenhandsConfig),
  byPattern(AUGMENT_SETTINGS, readAugmentSettings),
  { matches: isMcpFile, read: readMcpFile },
  // Helm values: the Secrets a chart's templates hand to an agent are named there.
  { matches: isHelmValuesFile, read: readChartValues },
  { matches: isAgentIgnoreFile, read: readIgnoreFile },
  { matches: isInstructionFile, read: readInstructions },
];

/** Asked for every file before it is read, twice (admission, then whether keywords are needed): the last answer is kept. */
let lastPath: string | undefined;
let lastIsConfig = false;
function isConfig(path: string): boolean {
  if (path !== lastPath) {
    // Hook scripts are in any language (a guard in `.claude/hooks/guard.py`): their folders' words let them past the gate.
    lastIsConfig = (mayBeAgentFile(path) || path.includes('hook') || path.includes('guard')) && READERS.some((reader) => reader.matches(path));
    lastPath = path;
  }
  return lastIsConfig;
}

/**
 * The extensions of every file a reader above or a launcher check can match (a new reader for another one must add
 * it here). Most files of a repository have none of them, and are turned away without running dozens of patterns.
 */
const AGENT_FILE_EXTENSIONS = new Set(['json', 'jsonc', 'toml', 'yml', 'yaml', 'md', 'mdc', 'rules', 'code-workspace', 'sh', 'bash', 'zsh', 'ps1', 'mk', 'dockerfile']);

function mayBeAgentFile(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  // No extension (Makefile, Jenkinsfile, scripts/deploy) or a dotfile without one (.cursorrules, .aiderignore).
  if (dot <= slash + 1) return true;
  if (AGENT_FILE_EXTENSIONS.has(path.slice(dot + 1).toLowerCase())) return true;
  // Dockerfile.prod and Containerfile-dev take any extension, and so does every hook under .husky/.
  const name = path.slice(slash + 1, slash + 14).toLowerCase();
  return name.startsWith('dockerfile') || name.startsWith('containerfile') || path.includes('.husky/');
}

/** What a program starting an agent with approvals off or the shell allowed holds (a subset of LAUNCH_KEYWORDS). */
const CODE_KEYWORDS = ['bypasspermissions', 'dangerously', 'allowedtools', 'allowed_tools', '--yolo', 'approval-mode', 'danger-full-access', '--allow-all', '--trust-all-tools', 'skip-permissions-unsafe', '--full-auto'];

export const agentPermission: Detector = {
  id: 'agent-permission',
  rules: [
    bypassMode,
    shellAutoApproved,
    destructiveCommandAllowed,
    mcpToolsAutoApproved,
    bypassFlag,
    proseOnlyGuardrail,
    proseDestructiveLeave,
    mcpInlineCredential,
    mcpWriteAccess,
    mcpFilesystemOutsideRepo,
    directoryOutsideRepo,
    secretFileNotExcluded,
    secretEnvironmentInherited,
    untrustedTrigger,
    untrustedPrompt,
    productionSecretToAgent,
  ],
  admits: (file: FileRef) => isConfig(file.path) || (mayBeAgentFile(file.path) ? isLauncherFile(file.path) : isAgentCodeFile(file.path)),
  // Agent configurations are read for their structure; launchers (workflows, scripts) only when a flag occurs.
  keywords: LAUNCH_KEYWORDS,
  admitsWithoutKeywords: (file: FileRef) => isConfig(file.path),
  consumes: ['credential', 'claude-shell-allow', 'agent-command-brake', 'agent-hook', 'agent-hook-script', 'project-task', 'agent-task-allow', 'opencode-shell-default', 'agent-default-setting', 'agent-pending-grant', 'data-store', 'agent-templated-secret', 'helm-secret-value'],
  produces: ['credential', 'claude-shell-allow', 'agent-hook', 'agent-hook-script', 'project-task', 'agent-task-allow', 'opencode-shell-default', 'agent-default-setting', 'agent-pending-grant', 'agent-templated-secret', 'helm-secret-value', 'agent-grant', 'agent-read-exclusion', 'agent-config', 'agent-command-brake', 'agent-prose-guardrail', 'agent-tool'],
  scanFile(file, sink) {
    const out: FileEmitter = { ...sink, report: (finding) => sink.report(inTestsLow(finding)) };
    for (const reader of READERS) if (reader.matches(file.path)) reader.read(file, out);
    if (isLauncherFile(file.path) && LAUNCH_KEYWORDS.some((keyword) => file.hasKeyword(keyword))) readLauncher(file, out);
    else if (isAgentCodeFile(file.path) && CODE_KEYWORDS.some((keyword) => file.hasKeyword(keyword))) readAgentCode(file, out);
  },
  finish(sink) {
    const context: FinishContext = { ...sink, report: (finding) => sink.report(inTestsLow(finding)) };
    // First: the grants it publishes are read by the passes below.
    resolveClaudeShellAllows(context);
    resolveHookScripts(context);
    resolveOpencodeShellDefaults(context);
    resolveTaskAllows(context);
    resolveVscodeNpmScripts(context);
    // After the passes above, which may hold grants of their own until the stores are known.
    resolvePendingGrants(context);
    resolveChartSecrets(context);
    publishBuiltInExclusions(context);
    enrichCredentials(context);
    reportProseGuardrails(context);
  },
};

/** Configurations and secrets under tests, fixtures and examples are reported low, as the credential stages do. */
function inTestsLow(finding: FindingInput): FindingInput {
  if (!isTestOrExamplePath(finding.location.path) || finding.severity === 'info') return finding;
  return { ...finding, severity: 'low' };
}
