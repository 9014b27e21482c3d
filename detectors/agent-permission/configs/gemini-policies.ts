// Gemini CLI's workspace policies (`.gemini/policies/*.toml`): `[[rule]]` tables matching a tool (`toolName`), and for
// the shell a command (`commandPrefix`, `commandRegex`), with a decision (`allow`, `deny`, `ask_user`) and a priority;
// the highest-priority matching rule decides (geminicli.com/docs/reference/policy-engine). The policy engine's
// workspace tier is disabled for now: "Defining policies in a workspace's .gemini/policies directory will not have any
// effect" (the docs' warning, google-gemini/gemini-cli PR #24367, issue #18186). So a shell rule that allows records
// intent only, and one that denies or asks is no brake: a prose guardrail it alone backs is still prose.
import { IGNORED_BECAUSE } from '../../../knowledge/agents/settings.js';
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { get, literalString, literalStrings, type DataNode } from '../../../src/parse/data-tree.js';
import { allowMatcherOfRule, prefixMatcher, regexMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitConfig, emitPermission } from '../permission.js';
import { rootMap, unknownValue } from './tree.js';

export const GEMINI_POLICY = /(^|\/)\.gemini\/policies\/[^/]+\.toml$/;

const SHELL_TOOLS = new Set(['run_shell_command', 'ShellTool', '*']);
const DECISIONS = new Set(['allow', 'deny', 'ask_user']);

interface ShellRule {
  decision: 'allow' | 'deny' | 'ask_user';
  priority: number;
  matcher: CommandMatcher;
  setting: string;
  span: Span;
}

export function readGeminiPolicy(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'gemini-cli', 'settings', file.path);
  const rules = get(root, 'rule');
  const shell: ShellRule[] = [];
  for (const rule of rules?.kind === 'seq' ? rules.items : []) {
    const read = shellRule(file, out, rule);
    if (read) shell.push(read);
  }
  for (const rule of shell) {
    if (rule.decision !== 'allow') continue;
    // What the policy asks for: a deny or ask rule of the same or a higher priority would win over this allow.
    const except = shell.filter((other) => other.decision !== 'allow' && other.priority >= rule.priority).map((other) => other.matcher);
    const permission = commandPermission(rule.matcher, { agent: 'gemini-cli', setting: rule.setting, span: rule.span, except, effective: false, ignoredBecause: IGNORED_BECAUSE.geminiWorkspacePolicies });
    if (permission) emitPermission(file, out, permission);
  }
}

/** A rule about the shell tool, in the default approval mode; undefined for any other. */
function shellRule(file: SourceFile, out: FileEmitter, rule: DataNode): ShellRule | undefined {
  const tools = literalStrings(get(rule, 'toolName'));
  if (!tools.some((tool) => SHELL_TOOLS.has(tool)) || get(rule, 'mcpName')) return undefined;
  const decisionNode = get(rule, 'decision');
  const decision = literalString(decisionNode);
  if (!decision || !DECISIONS.has(decision)) {
    if (decision) unknownValue(file, out, `decision "${decision}" in ${file.path} is not a Gemini CLI policy decision; the rule was ignored.`, decisionNode!.span.line);
    return undefined;
  }
  // A rule limited to other approval modes (`modes = ["yolo"]`) does not apply to a default session.
  const modes = literalStrings(get(rule, 'modes'));
  if (modes.length > 0 && !modes.includes('default')) return undefined;
  const prefixes = literalStrings(get(rule, 'commandPrefix'));
  const regex = literalString(get(rule, 'commandRegex'));
  const matchers: CommandMatcher[] = prefixes.map((prefix) => (decision === 'allow' ? allowMatcherOfRule({ syntax: 'prefix', text: prefix })! : prefixMatcher(prefix)));
  if (regex !== undefined) {
    const compiled = regexMatcher(regex);
    if (compiled) matchers.push(compiled);
  }
  const matcher: CommandMatcher = matchers.length === 0 ? () => true : (command) => matchers.some((one) => one(command));
  const priorityNode = get(rule, 'priority');
  const priority = priorityNode?.kind === 'scalar' ? Number(priorityNode.value) || 0 : 0;
  const what = prefixes.length > 0 ? ` commandPrefix ${JSON.stringify(prefixes.length === 1 ? prefixes[0] : prefixes)}` : regex !== undefined ? ` commandRegex ${JSON.stringify(regex)}` : '';
  return { decision: decision as ShellRule['decision'], priority, matcher, setting: `[[rule]] run_shell_command${what} decision "${decision}"`, span: decisionNode!.span };
}
