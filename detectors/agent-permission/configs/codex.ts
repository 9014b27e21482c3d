// Codex's project config (`.codex/config.toml`, honoured in trusted projects) and its command rules
// (`.codex/rules/*.rules`, Starlark `prefix_rule(pattern=[...], decision="allow"|"prompt"|"forbidden")`).
// `approval_policy = "never"` with no sandbox (`danger-full-access`) or a sandbox with network access runs every
// command unasked; profiles cannot be set from a project (developers.openai.com/codex/config-reference).
import { IGNORED_BECAUSE } from '../../../knowledge/agents/settings.js';
import type { CommandRule } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { get, type DataNode } from '../../../src/parse/data-tree.js';
import { allowMatcherOfRule, globMatcher, tokenPrefixMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitPermission, reportOutsideDirectory, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { booleanAt, directoryOf, lineSpan, mapAt, projectOfConfig, rootMap, stringAt, unknownValue, type StringItem } from './tree.js';
import { closingBracket } from '../../../src/parse/brackets.js';

export const CODEX_CONFIG = /(^|\/)\.codex\/config\.toml$/;
export const CODEX_RULES = /(^|\/)\.codex\/rules\/[^/]+\.rules$/;

const APPROVAL_POLICIES = new Set(['untrusted', 'on-failure', 'on-request', 'never']);
const SANDBOX_MODES = new Set(['read-only', 'workspace-write', 'danger-full-access']);

export function readCodexConfig(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'codex', 'settings', file.path);
  judgeApproval(file, out, root, '', true);
  judgeEnvironment(file, out, root);
  const profiles = mapAt(file, out, root, 'profiles');
  for (const entry of profiles?.entries ?? []) {
    if (entry.value.kind === 'map') judgeApproval(file, out, entry.value, `profiles.${entry.key}.`, false);
  }
}

function judgeApproval(file: SourceFile, out: FileEmitter, table: DataNode, prefix: string, effective: boolean): void {
  const approval = stringAt(table, 'approval_policy');
  const sandbox = stringAt(table, 'sandbox_mode');
  const permissions = stringAt(table, 'default_permissions');
  const network = booleanAt(get(table, 'sandbox_workspace_write'), 'network_access');
  // Roots the sandbox lets commands write besides the workspace: the home directory is every credential file.
  const roots = get(get(table, 'sandbox_workspace_write'), 'writable_roots');
  for (const root of roots?.kind === 'seq' ? roots.items : []) {
    if (root.kind === 'scalar' && typeof root.value === 'string') reportOutsideDirectory(file, out, 'codex', `${prefix}sandbox_workspace_write.writable_roots: "${root.value}"`, root.value, root.span);
  }
  if (approval && !APPROVAL_POLICIES.has(approval.value)) {
    unknownValue(file, out, `${prefix}approval_policy "${approval.value}" in ${file.path} is not a Codex approval policy; it was ignored.`, approval.span.line);
  }
  if (sandbox && !SANDBOX_MODES.has(sandbox.value)) {
    unknownValue(file, out, `${prefix}sandbox_mode "${sandbox.value}" in ${file.path} is not a Codex sandbox mode; it was ignored.`, sandbox.span.line);
  }
  const fullAccess: StringItem | undefined =
    sandbox?.value === 'danger-full-access' ? sandbox : permissions?.value === ':danger-full-access' ? permissions : undefined;
  const never = approval?.value === 'never' ? approval : undefined;
  const intent = effective ? {} : { effective: false, ignoredBecause: IGNORED_BECAUSE.codexProfiles };
  const emit = (span: Span, setting: string, lets: string, severity?: 'medium') =>
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'codex',
      grant: 'bypass-mode',
      setting,
      span,
      lets,
      effective: true,
      severity,
      ...intent,
    });
  if (never && fullAccess) {
    emit(never.span, `${prefix}approval_policy = "never" with ${fullAccess === sandbox ? 'sandbox_mode' : 'default_permissions'} = "${fullAccess.value}"`, 'run every command outside the sandbox');
  } else if (never && network?.value === true && sandbox?.value !== 'read-only') {
    emit(never.span, `${prefix}approval_policy = "never" with sandbox_workspace_write.network_access = true`, 'run every command with network access (provider APIs included)');
  } else if (fullAccess && approval?.value !== 'untrusted') {
    emit(fullAccess.span, `${prefix}${fullAccess === sandbox ? 'sandbox_mode' : 'default_permissions'} = "${fullAccess.value}"`, 'run commands outside the sandbox whenever the model does not ask', 'medium');
  } else if (never && sandbox?.value === 'workspace-write') {
    // What `codex exec --full-auto` does from the command line: commands run unasked, inside a sandbox that writes the
    // workspace and reaches no network (reported low, as the flag is).
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'codex',
      grant: 'file-write',
      setting: `${prefix}approval_policy = "never" with sandbox_mode = "workspace-write"`,
      span: never.span,
      lets: 'run commands and edit the workspace inside its sandbox',
      effective: true,
      severity: 'low',
      ...intent,
    });
  }
}

/** Secret variables as shells export them: what the policy is tested against. */
const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'CLOUDFLARE_API_TOKEN', 'OPENAI_API_KEY', 'STRIPE_SECRET_KEY', 'RAILWAY_TOKEN'];

/**
 * `[shell_environment_policy]`: commands start from every variable (`inherit = "all"`, the default), the core set or
 * none; unless `ignore_default_excludes` is true, names matching `*KEY*`, `*SECRET*` or `*TOKEN*` are removed; then
 * `exclude` patterns, then only what `include_only` matches stays (patterns are case-insensitive globs).
 */
function judgeEnvironment(file: SourceFile, out: FileEmitter, root: DataNode): void {
  const policy = get(root, 'shell_environment_policy');
  const ignoreDefaults = booleanAt(policy, 'ignore_default_excludes');
  if (policy?.kind !== 'map' || ignoreDefaults?.value !== true) return;
  const inherit = stringAt(policy, 'inherit')?.value ?? 'all';
  if (inherit !== 'all') return;
  // Case-insensitive: the patterns and the names are compared in upper case.
  const patterns = (key: string): CommandMatcher[] | undefined => {
    const list = get(policy, key);
    if (list?.kind !== 'seq') return undefined;
    return list.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [globMatcher(item.value.toUpperCase())] : []));
  };
  const exclude = patterns('exclude') ?? [];
  const includeOnly = patterns('include_only');
  const reaching = SECRET_VARIABLES.filter((name) => !exclude.some((matches) => matches(name)) && (includeOnly === undefined || includeOnly.some((matches) => matches(name))));
  if (reaching.length === 0) return;
  out.report({
    ruleId: RULE_IDS.secretEnvironmentInherited,
    message:
      `shell_environment_policy.ignore_default_excludes = true in ${file.path} hands every command Codex runs the shell's secret variables ` +
      `(${reaching.join(', ')} when exported), which Codex otherwise strips.`,
    location: { path: file.path, span: lineSpan(file, ignoreDefaults.span) },
    snippet: file.line(ignoreDefaults.span.line).trim(),
    evidence: `environment|codex|${reaching.join(',')}`,
    details: { agent: 'codex', variables: reaching },
  });
}

/** `prefix_rule(...)` calls of a rules file: allow rules are permissions, prompt/forbidden rules are brakes (and win). */
export function readCodexRules(file: SourceFile, out: FileEmitter): void {
  emitConfig(out, 'codex', 'settings', file.path);
  const rules: Array<{ decision: string; written: string; tokens: Array<string | string[]>; matcher: CommandMatcher; span: Span }> = [];
  for (const call of file.text.matchAll(/\bprefix_rule\s*\(/g)) {
    const start = call.index;
    const end = closingBracket(file.text, start + call[0].length - 1);
    if (end < 0) {
      unknownValue(file, out, `A prefix_rule in ${file.path} is not closed; it was ignored.`, file.positionAt(start).line);
      continue;
    }
    const body = file.text.slice(start, end + 1);
    const pattern = /\bpattern\s*=\s*(\[[\s\S]*?\])\s*(?:,|\)\s*$)/.exec(body)?.[1];
    const decision = /\bdecision\s*=\s*["'](\w+)["']/.exec(body)?.[1] ?? 'allow';
    const tokens = pattern ? parseTokens(pattern) : undefined;
    const span = file.spanOf(start, start + call[0].length);
    if (!tokens || tokens.length === 0) {
      unknownValue(file, out, `A prefix_rule in ${file.path} has no pattern Codex can read; it was ignored.`, span.line);
      continue;
    }
    if (decision !== 'allow' && decision !== 'prompt' && decision !== 'forbidden') {
      unknownValue(file, out, `prefix_rule decision "${decision}" in ${file.path} is not allow, prompt or forbidden; it was ignored.`, span.line);
      continue;
    }
    const written = tokens.map((token) => (typeof token === 'string' ? token : `[${token.join('|')}]`)).join(' ');
    rules.push({ decision, written, tokens, matcher: tokenPrefixMatcher(tokens), span });
  }
  // forbidden > prompt > allow: an allow rule grants only what no prompt or forbidden rule catches.
  const brakes = rules.filter((rule) => rule.decision !== 'allow');
  for (const rule of brakes) {
    emitBrake(file, out, 'codex', rule.decision === 'forbidden' ? 'deny' : 'ask', `prefix_rule(pattern=[${rule.written}], decision="${rule.decision}")`, rule.span, rule.matcher);
  }
  // Rules files sit in `<project>/.codex/rules/`.
  const project = projectOfConfig(directoryOf(file.path).replace(/\/$/, ''));
  for (const rule of rules.filter((candidate) => candidate.decision === 'allow')) {
    const setting = `prefix_rule(pattern=[${rule.written}], decision="allow")`;
    const permission = commandPermission(allowMatcherOfRule({ syntax: 'tokens', tokens: rule.tokens })!, { agent: 'codex', setting, span: rule.span, except: brakes.map((brake) => brake.matcher) });
    if (permission) emitPermission(file, out, permission);
    else {
      const except = brakes.map((brake): CommandRule => ({ syntax: 'tokens', tokens: brake.tokens }));
      holdTaskAllow(file, out, { agent: 'codex', setting, rule: { syntax: 'tokens', tokens: rule.tokens }, written: rule.written, except, span: rule.span, project });
    }
  }
}

/** `["git", ["push", "fetch"]]` -> ['git', ['push', 'fetch']]; undefined when it is not a list of strings. */
function parseTokens(list: string): Array<string | string[]> | undefined {
  try {
    const parsed: unknown = JSON.parse(list.replace(/'/g, '"').replace(/,\s*\]/g, ']'));
    if (!Array.isArray(parsed)) return undefined;
    const tokens: Array<string | string[]> = [];
    for (const item of parsed) {
      if (typeof item === 'string') tokens.push(item);
      else if (Array.isArray(item) && item.every((alternative) => typeof alternative === 'string')) tokens.push(item as string[]);
      else return undefined;
    }
    return tokens;
  } catch {
    return undefined;
  }
}
