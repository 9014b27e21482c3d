// Kiro's capability permissions (Kiro CLI 3 and IDE 1.0): rules `{ capability, effect: allow | ask | deny, match?,
// exclude? }` where the most restrictive matching effect wins, whatever the order (deny > ask > allow). A workspace
// agent profile (`.kiro/agents/<name>.md` front matter or `.kiro/agents/<name>.json`, loaded once the workspace is
// trusted) embeds them under `permissions`, and they act for that agent. A `permissions.yaml` does not: Kiro reads it
// from `~/.kiro/settings/` and a per-user store outside the repository ("a cloned repo cannot inject permission
// rules"), so one committed to `.kiro/settings/` records intent only (kiro.dev/docs/cli/v3/permissions,
// /docs/cli/v3/agent-config).
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString, type DataNode } from '../../../src/parse/data-tree.js';
import type { CommandRule } from '../../../src/facts/index.js';
import { IGNORED_BECAUSE } from '../../../knowledge/agents/settings.js';
import { allowMatcherOfRule, matcherOfRule, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { WRITE_TOOL_NAME } from '../../../knowledge/agents/mcp-servers.js';
import { commandPermission, emitBrake, emitConfig, emitExclusion, emitPermission, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { frontMatter, rootMap } from './tree.js';

export const KIRO_AGENT_PROFILE = /(^|\/)\.kiro\/agents\/(?:[^/]+\/)*[^/]+\.md$/;
export const KIRO_PERMISSIONS = /(^|\/)\.kiro\/settings\/permissions\.ya?ml$/;

/** Capabilities that cover every tool, the shell included. */
const EVERY_TOOL = new Set(['all', '*', 'builtin', '@builtin']);
const SHELL = new Set(['shell', 'execute_bash', 'bash']);
const READS = new Set(['fs_read', 'read', 'filesystem']);

interface KiroRule {
  capability: string;
  effect: 'allow' | 'ask' | 'deny';
  /** Patterns as written, with the line each sits on; empty when the rule covers every resource. */
  match: Array<{ value: string; line: number }>;
  exclude: string[];
  line: number;
}

/** A workspace agent profile written in Markdown: its front matter holds the rules. */
export function readKiroAgentProfile(file: SourceFile, out: FileEmitter): void {
  const permissions = get(frontMatter(file), 'permissions');
  if (permissions === undefined) return;
  emitConfig(out, 'kiro', 'settings', file.path);
  readKiroPermissions(file, out, permissions, 'permissions', true);
}

/** A `permissions.yaml` committed where Kiro would read it only as the user's own. */
export function readKiroPermissionsFile(file: SourceFile, out: FileEmitter): void {
  const rules = get(rootMap(file, out), 'rules');
  if (rules === undefined) return;
  emitConfig(out, 'kiro', 'settings', file.path);
  readKiroPermissions(file, out, rules, 'rules', false);
}

/** The `permissions` list of a profile, or the `rules` of a permissions file. */
export function readKiroPermissions(file: SourceFile, out: FileEmitter, list: DataNode, key: string, effective: boolean): void {
  if (list.kind !== 'seq') return;
  const rules = list.items.map(ruleOf).filter((rule): rule is KiroRule => rule !== undefined);
  const intent = effective ? { effective: true } : { effective: false, ignoredBecause: IGNORED_BECAUSE.kiroPermissionsFile };
  const shellRules = rules.filter((rule) => SHELL.has(rule.capability) || EVERY_TOOL.has(rule.capability));
  // Deny and ask rules win over any allow, wherever they stand.
  const brakes: CommandMatcher[] = [];
  const brakeRules: CommandRule[] = [];
  for (const rule of shellRules.filter((candidate) => candidate.effect !== 'allow')) {
    const patterns = rule.match.length > 0 ? rule.match : [{ value: '*', line: rule.line }];
    for (const pattern of patterns) {
      const written: CommandRule = { syntax: 'glob', text: pattern.value };
      const matcher = matcherOfRule(written)!;
      brakes.push(matcher);
      brakeRules.push(written);
      if (effective) emitBrake(file, out, 'kiro', rule.effect === 'deny' ? 'deny' : 'ask', `${key}: ${rule.capability} ${rule.effect} "${pattern.value}"`, spanOf(file, pattern.line), matcher);
    }
  }
  // The profile sits in `<project>/.kiro/agents/`, nested folders allowed.
  const project = /^(.*?)\.kiro\//.exec(file.path)?.[1] ?? '';
  for (const rule of rules) {
    if (rule.effect === 'allow' && EVERY_TOOL.has(rule.capability) && rule.match.length === 0) {
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: 'kiro',
        grant: 'bypass-mode',
        setting: `${key}: capability ${rule.capability}, effect allow`,
        span: spanOf(file, rule.line),
        lets: 'run every tool, shell and file writes included,',
        ...intent,
      });
    } else if (rule.effect === 'allow' && SHELL.has(rule.capability)) {
      const patterns = rule.match.length > 0 ? rule.match : [{ value: '*', line: rule.line }];
      const excluded = rule.exclude.map((pattern) => globMatcherOf(pattern));
      for (const pattern of patterns) {
        const written: CommandRule = { syntax: 'glob', text: pattern.value };
        const setting = rule.match.length > 0 ? `${key}: shell allow "${pattern.value}"` : `${key}: capability ${rule.capability}, effect allow (every command)`;
        const permission = commandPermission(allowMatcherOfRule(written)!, { agent: 'kiro', setting, span: spanOf(file, pattern.line), except: [...brakes, ...excluded], ...intent });
        if (permission) emitPermission(file, out, permission);
        else if (effective) holdTaskAllow(file, out, { agent: 'kiro', setting, rule: written, written: pattern.value.trim(), except: [...brakeRules, ...rule.exclude.map((text) => ({ syntax: 'glob' as const, text }))], span: spanOf(file, pattern.line), project });
      }
    } else if (rule.effect === 'allow' && rule.capability === 'mcp') {
      // `server/*` (or no match: every server) approves all of a server's tools; `server/tool` one, reported when it writes.
      const patterns = rule.match.length > 0 ? rule.match : [{ value: '*', line: rule.line }];
      for (const pattern of patterns) {
        const [server = '*', tool = '*'] = pattern.value.split('/');
        const every = tool === '*' || tool === '';
        if (!every && !WRITE_TOOL_NAME.test(tool)) continue;
        emitPermission(file, out, {
          ruleId: RULE_IDS.mcpToolsAutoApproved,
          agent: 'kiro',
          grant: 'mcp-tool',
          setting: `${key}: mcp allow "${pattern.value}"`,
          span: spanOf(file, pattern.line),
          lets: server === '*' ? 'call every tool of every MCP server it is given' : every ? `call every tool of the MCP server "${server}"` : `call the MCP tool "${tool}" of "${server}"`,
          ...intent,
          ...(server === '*' ? {} : { reaches: server }),
        });
      }
    } else if (effective && rule.effect !== 'allow' && READS.has(rule.capability)) {
      for (const pattern of rule.match) {
        const path = pattern.value.trim().replace(/^\.\//, '');
        if (path && !path.startsWith('/') && !path.startsWith('~')) emitExclusion(file, out, 'kiro', path, spanOf(file, pattern.line), rule.effect === 'ask');
      }
    }
  }
}

function ruleOf(node: DataNode): KiroRule | undefined {
  if (node.kind !== 'map') return undefined;
  const capability = literalString(get(node, 'capability'))?.trim().toLowerCase();
  const effect = literalString(get(node, 'effect'))?.trim().toLowerCase();
  if (!capability || (effect !== 'allow' && effect !== 'ask' && effect !== 'deny')) return undefined;
  return { capability, effect, match: patternsOf(get(node, 'match')), exclude: patternsOf(get(node, 'exclude')).map((item) => item.value), line: node.span.line };
}

/** A pattern list, or one pattern written alone. */
function patternsOf(node: DataNode | undefined): Array<{ value: string; line: number }> {
  if (node === undefined) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  return items.flatMap((item) => {
    const value = literalString(item);
    return value === undefined || value.trim() === '' ? [] : [{ value, line: item.span.line }];
  });
}

function globMatcherOf(pattern: string): CommandMatcher {
  return matcherOfRule({ syntax: 'glob', text: pattern })!;
}

function spanOf(file: SourceFile, line: number) {
  return { line, column: 1, endLine: line, endColumn: file.line(line).length + 1 };
}
