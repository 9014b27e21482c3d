// A permission some agent configuration grants, turned into the finding its rule reports and the `agent-grant` fact
// the blast-radius summary lists; and the deny/ask rules (brakes) that prose guardrails are checked against.
import type { FileEmitter, Location, Severity, SourceFile, Span } from '../../src/model.js';
import { agentTitle, type AgentId } from '../../knowledge/agents/agents.js';
import { reachOf, stoppedBy, type CommandMatcher } from '../../knowledge/agents/commands.js';
import { lineSpan } from './configs/tree.js';
import { outsideReach } from '../../knowledge/agents/outside.js';

export const RULE_IDS = {
  bypassMode: 'agent-permission/bypass-mode',
  shellAutoApproved: 'agent-permission/shell-auto-approved',
  destructiveCommandAllowed: 'agent-permission/destructive-command-allowed',
  mcpToolsAutoApproved: 'agent-permission/mcp-tools-auto-approved',
  bypassFlag: 'agent-permission/bypass-flag',
  proseOnlyGuardrail: 'agent-permission/prose-only-guardrail',
  mcpInlineCredential: 'agent-permission/mcp-inline-credential',
  mcpWriteAccess: 'agent-permission/mcp-write-access',
  mcpFilesystemOutsideRepo: 'agent-permission/mcp-filesystem-outside-repo',
  directoryOutsideRepo: 'agent-permission/directory-outside-repo',
  secretFileNotExcluded: 'agent-permission/secret-file-not-excluded',
  secretEnvironmentInherited: 'agent-permission/secret-environment-inherited',
} as const;

/** `sandboxed-shell`: any command, inside a sandbox that still applies the agent's read rules and network allowlist. */
export type GrantKind = 'bypass-mode' | 'shell' | 'sandboxed-shell' | 'interpreter' | 'destructive-command' | 'mcp-tool' | 'file-write' | 'file-read';

export interface Permission {
  ruleId: string;
  agent: AgentId;
  grant: GrantKind;
  /** The setting as written: `permissions.allow: "Bash(rm:*)"`. */
  setting: string;
  /** Where it is written (the finding sits on the whole line). */
  span: Span;
  /** What it lets the agent do, a verb phrase: "run any shell command". */
  lets: string;
  effective: boolean;
  /** Why the agent ignores it from the repository, when `effective` is false. */
  ignoredBecause?: string;
  reaches?: string;
  /** Overrides the rule's severity (interpreters are medium, edits-only modes low); intent-only settings are info. */
  severity?: Severity;
  /** Destructive only where the repository keeps data there: held until every store is known (pending-grants.ts). */
  dataIn?: 'docker-volume';
  /** The task through which a held grant runs its command (`the package script db:reset`). */
  via?: string;
}

/** Reports a permission under its rule and publishes the `agent-grant` fact. */
export function emitPermission(file: SourceFile, out: FileEmitter, permission: Permission): void {
  reportPermission(out, { path: file.path, span: lineSpan(file, permission.span) }, file.line(permission.span.line).trim(), permission);
}

/** `emitPermission` where the file is no longer at hand (the cross-file pass): its location and line are given. */
export function reportPermission(out: FileEmitter, location: Location, snippet: string, permission: Permission): void {
  if (permission.dataIn) {
    const { agent, setting, dataIn, effective, ignoredBecause, via } = permission;
    out.publish('agent-pending-grant', { agent, setting, dataIn, reaches: permission.reaches ?? '', ...(via ? { via } : {}), effective, ...(ignoredBecause ? { ignoredBecause } : {}), location, snippet });
    return;
  }
  const title = agentTitle(permission.agent);
  const message = permission.effective
    ? `${permission.setting} in ${location.path} lets ${title} ${permission.lets} without asking a human.`
    : `${permission.setting} in ${location.path} asks that ${title} ${permission.lets} without a human; ${title} ignores it in repository settings (${permission.ignoredBecause ?? 'not honoured from the repo'}), so it records intent only.`;
  out.report({
    ruleId: permission.ruleId,
    severity: permission.effective ? permission.severity : 'info',
    message,
    location,
    snippet,
    evidence: `${permission.agent}|${permission.setting}`,
    details: {
      agent: permission.agent,
      setting: permission.setting,
      grant: permission.grant,
      effective: permission.effective,
      ...(permission.reaches ? { reaches: permission.reaches } : {}),
    },
  });
  out.publish('agent-grant', {
    agent: permission.agent,
    grant: permission.grant,
    setting: permission.setting,
    effective: permission.effective,
    location,
    ...(permission.ignoredBecause ? { ignoredBecause: permission.ignoredBecause } : {}),
    ...(permission.reaches ? { reaches: permission.reaches } : {}),
  });
}

export interface CommandRuleContext {
  agent: AgentId;
  setting: string;
  span: Span;
  effective?: boolean;
  ignoredBecause?: string;
  /** Deny and ask rules of the same configuration: they win over the allow rule, so what they stop is not granted. */
  except?: readonly CommandMatcher[];
}

/**
 * An allow rule for shell commands, judged by what it lets through: everything (shell-auto-approved), an interpreter
 * (shell-auto-approved, medium: it runs anything, less visibly) or a destructive CLI (destructive-command-allowed).
 * Narrow rules (`git status`, `npm test`) return undefined.
 */
export function commandPermission(matcher: CommandMatcher, context: CommandRuleContext): Permission | undefined {
  const brakes = context.except ?? [];
  const reach = reachOf(brakes.length === 0 ? matcher : (command) => matcher(command) && !brakes.some((brake) => brake(command)));
  if (!reach) return undefined;
  const base = { agent: context.agent, setting: context.setting, span: context.span, effective: context.effective ?? true, ignoredBecause: context.ignoredBecause };
  switch (reach.class) {
    case 'any':
      return { ...base, ruleId: RULE_IDS.shellAutoApproved, grant: 'shell', lets: 'run any shell command' };
    case 'interpreter':
      return {
        ...base,
        ruleId: RULE_IDS.shellAutoApproved,
        grant: 'interpreter',
        lets: `run ${reach.probe.tool}, which runs any program`,
        reaches: reach.probe.tool,
        severity: 'medium',
      };
    case 'destructive':
      return {
        ...base,
        ruleId: RULE_IDS.destructiveCommandAllowed,
        grant: 'destructive-command',
        lets: `run ${reach.probe.tool} (it ${reach.probe.does})`,
        reaches: reach.probe.tool,
        ...(reach.probe.needsCredential ? { severity: 'medium' as const } : {}),
        ...(reach.probe.dataIn ? { dataIn: reach.probe.dataIn } : {}),
      };
  }
}

/**
 * Publishes that an allow rule lets a file reader run unasked (`Bash(cat:*)`): not a finding, but an agent whose file
 * rules exclude a secret file still reads it through that command.
 */
export function emitReadGrant(file: SourceFile, out: FileEmitter, agent: AgentId, setting: string, span: Span, reader: string): void {
  out.publish('agent-grant', { agent, grant: 'file-read', setting, effective: true, location: { path: file.path, span: lineSpan(file, span) }, reaches: reader });
}

/** Publishes a deny or ask rule for shell commands, with the destructive tools it stops. */
export function emitBrake(file: SourceFile, out: FileEmitter, agent: AgentId, decision: 'deny' | 'ask', setting: string, span: Span, matcher: CommandMatcher): void {
  out.publish('agent-command-brake', { agent, decision, setting, stops: stoppedBy(matcher), location: { path: file.path, span: lineSpan(file, span) } });
}

/**
 * Reports a setting that lets an agent read and edit a directory outside the repository unasked, when the directory
 * is outside (`anywhere` for settings that open every directory at once).
 */
export function reportOutsideDirectory(file: SourceFile, out: FileEmitter, agent: AgentId, setting: string, directory: string | 'anywhere', span: Span): void {
  const reach = directory === 'anywhere' ? 'home-or-root' : outsideReach(directory);
  if (!reach) return;
  const where = directory === 'anywhere' ? 'any directory outside the repository' : directory;
  out.report({
    ruleId: RULE_IDS.directoryOutsideRepo,
    message:
      `${setting} in ${file.path} lets ${agentTitle(agent)} read and edit ${where} without asking` +
      (reach === 'home-or-root' ? ": the user's cloud credentials and SSH keys included." : ', where no ignore file or deny rule of the repository applies.'),
    // One named sibling checkout (`../shared-lib`) is the narrow form this rule's fix asks for: reported low.
    ...(reach === 'home-or-root' ? {} : { severity: SIBLING.test(directory) ? ('low' as const) : ('medium' as const) }),
    location: { path: file.path, span: lineSpan(file, span) },
    snippet: file.line(span.line).trim(),
    evidence: `outside|${agent}|${directory}`,
    details: { agent, directory },
  });
}

const SIBLING = /^\.\.\/[\w.-]+\/?$/;

/** Records that the repository configures, instructs or launches an agent. */
export function emitConfig(out: FileEmitter, agent: AgentId, role: 'instructions' | 'settings' | 'ignore' | 'mcp' | 'launcher', path: string): void {
  out.publish('agent-config', { agent, role, path });
}

/** Publishes a read exclusion (a repo rule); `pattern` is a gitignore pattern from the repo root. */
export function emitExclusion(file: SourceFile, out: FileEmitter, agent: AgentId, pattern: string, span: Span, asks = false, indexOnly = false): void {
  out.publish('agent-read-exclusion', {
    agent,
    pattern,
    location: { path: file.path, span: lineSpan(file, span) },
    builtIn: false,
    ...(asks ? { asks: true } : {}),
    ...(indexOnly ? { indexOnly: true } : {}),
  });
}

/** A gitignore pattern written in a file under `directory` (with trailing slash), made relative to the repo root. */
export function rootPattern(directory: string, pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  if (directory === '') return pattern;
  // gitignore: a slash at the start or in the middle anchors the pattern to the file's directory.
  const anchoredHere = body.startsWith('/') || body.replace(/\/$/, '').includes('/');
  const rooted = anchoredHere ? `/${directory}${body.replace(/^\//, '')}` : `/${directory}**/${body}`;
  return negated ? `!${rooted}` : rooted;
}
