// Amazon Q Developer CLI workspace agents (`.amazonq/cli-agents/*.json`) and Kiro agents (`.kiro/agents/*.json`):
// `allowedTools` run without a prompt (`execute_bash`, `use_aws`, `@server`, `@server/tool`, `@builtin`, and globs of
// them: `execute_*`, `@git-*/read_*`), `toolsSettings` narrow them (`execute_bash.allowedCommands`/`deniedCommands`:
// anchored regexes; `fs_read.deniedPaths`) (aws/amazon-q-developer-cli docs/agent-format.md, docs/built-in-tools.md).
import { WRITE_TOOL_NAME } from '../../../knowledge/agents/mcp-servers.js';
import type { CommandRule } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get } from '../../../src/parse/data-tree.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';
import { regexMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { globBase } from '../../../knowledge/agents/outside.js';
import { commandPermission, emitBrake, emitConfig, emitExclusion, emitPermission, reportOutsideDirectory, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { readKiroPermissions } from './kiro.js';
import { directoryOf, projectOfConfig, rootMap, stringsAt, unknownValue } from './tree.js';

/** AWS services that hold data or infrastructure an agent's API call can delete. */
const DATA_SERVICES = new Set(['s3', 'rds', 'dynamodb', 'ec2', 'efs', 'ebs', 'backup', 'cloudformation', 'lambda', 'ecs', 'eks', 'elasticache', 'redshift', 'docdb', 'kms', 'secretsmanager', 'iam', '*']);

export const AMAZON_Q_AGENT = /(^|\/)\.(amazonq\/cli-agents|kiro\/agents)\/[^/]+\.json$/;

/**
 * Built-in tools that act beyond the workspace's files, under every name and alias `allowedTools` matches them by.
 * File writes (`fs_write`, `write`) stay in the project unless `toolsSettings.fs_write.allowedPaths` says otherwise,
 * which is judged below; reads and the rest are the agent's job.
 */
const REACHING_BUILT_INS: ReadonlyArray<{ reach: 'shell' | 'aws'; names: readonly string[] }> = [
  { reach: 'shell', names: ['execute_bash', 'execute_cmd', 'executeCmd', 'shell'] },
  { reach: 'aws', names: ['use_aws', 'aws'] },
];

/**
 * What an `allowedTools` entry lets run among the built-ins: `@builtin` (or `@builtin/*`) all of them, otherwise a
 * case-sensitive glob (`*`, `?`) over their names, with or without `@builtin/` (`execute_*`, `*_bash`, `@builtin/sh*`).
 */
function builtInsAllowed(pattern: string): Set<'shell' | 'aws'> {
  if (/^@builtin\/?\*?$/.test(pattern)) return new Set(REACHING_BUILT_INS.map((tool) => tool.reach));
  const glob = new RegExp(`^${pattern.replace(/^@builtin\//, '').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return new Set(REACHING_BUILT_INS.filter((tool) => tool.names.some((name) => glob.test(name))).map((tool) => tool.reach));
}

export function readAmazonQAgent(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  const agent: AgentId = file.path.includes('.kiro/') ? 'kiro' : 'amazon-q';
  emitConfig(out, agent, 'settings', file.path);
  // Kiro 3's profiles carry capability rules beside (or instead of) the older allowedTools.
  const permissions = get(root, 'permissions');
  if (agent === 'kiro' && permissions !== undefined) readKiroPermissions(file, out, permissions, 'permissions', true);
  const settings = get(root, 'toolsSettings');
  const bash = get(settings, 'execute_bash') ?? get(settings, 'shell');
  const allowedCommands = stringsAt(file, out, bash, 'allowedCommands');
  // Every AWS call allowed already: `allowedServices` below names a part of the same reach, not a second one.
  let everyAwsCall = false;
  for (const item of stringsAt(file, out, root, 'allowedTools')) {
    const pattern = item.value.trim();
    const setting = `allowedTools: "${item.value}"`;
    if (pattern === '*') {
      unknownValue(file, out, `allowedTools "*" in ${file.path}: allowedTools takes no bare "*" (agent-format.md); it was ignored.`, item.span.line);
      continue;
    }
    const mcp = /^@([^/]+)(?:\/(.*))?$/.exec(pattern);
    if (mcp && mcp[1] !== 'builtin') {
      // `@server` and `@server/*` approve every tool of a server; `@postgres/execute_sql` one, reported when it writes
      // (as Claude's `mcp__server__tool` is).
      const [, server, one] = mcp;
      const every = one === undefined || one === '' || one === '*';
      if (!every && !WRITE_TOOL_NAME.test(one!)) continue;
      emitPermission(file, out, {
        ruleId: RULE_IDS.mcpToolsAutoApproved,
        agent,
        grant: 'mcp-tool',
        setting,
        span: item.span,
        lets: every ? `call every tool of the MCP server "${server}"` : `call the MCP tool "${one}" of "${server}"`,
        effective: true,
        reaches: server!,
      });
      continue;
    }
    const allowed = builtInsAllowed(pattern);
    if (allowed.has('aws')) everyAwsCall = true;
    if (allowed.has('shell')) {
      emitPermission(file, out, {
        ruleId: RULE_IDS.shellAutoApproved,
        agent,
        grant: 'shell',
        setting,
        span: item.span,
        lets: allowed.has('aws') ? 'run any shell command and call any AWS API' : 'run any shell command',
        effective: true,
      });
    } else if (allowed.has('aws')) {
      emitPermission(file, out, {
        ruleId: RULE_IDS.destructiveCommandAllowed,
        agent,
        grant: 'destructive-command',
        setting,
        span: item.span,
        lets: 'call any AWS API the session allows (deletes included)',
        effective: true,
        reaches: 'aws',
      });
    }
  }
  const brakes: CommandMatcher[] = [];
  const brakeRules: CommandRule[] = [];
  for (const item of stringsAt(file, out, bash, 'deniedCommands')) {
    const matcher = regexMatcher(item.value, '', { anchored: true });
    if (!matcher) continue;
    brakes.push(matcher);
    brakeRules.push(anchoredRule(item.value));
    emitBrake(file, out, agent, 'deny', `toolsSettings.execute_bash.deniedCommands: "${item.value}"`, item.span, matcher);
  }
  // Agent files sit in `<project>/.amazonq/cli-agents/` (or `.kiro/agents/`).
  const project = projectOfConfig(directoryOf(file.path).replace(/\/$/, ''));
  for (const item of allowedCommands) {
    const matcher = regexMatcher(item.value, '', { anchored: true });
    if (!matcher) continue;
    const setting = `toolsSettings.execute_bash.allowedCommands: "${item.value}"`;
    const permission = commandPermission(matcher, { agent, setting, span: item.span, except: brakes });
    if (permission) emitPermission(file, out, permission);
    else holdTaskAllow(file, out, { agent, setting, rule: anchoredRule(item.value), written: item.value.trim(), except: brakeRules, span: item.span, project });
  }
  // `use_aws.allowedServices`: calls to those services run without a prompt, deletes included.
  const aws = get(settings, 'use_aws') ?? get(settings, 'aws');
  const services = stringsAt(file, out, aws, 'allowedServices').filter((item) => DATA_SERVICES.has(item.value.trim().toLowerCase()));
  if (services.length > 0 && !everyAwsCall) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.destructiveCommandAllowed,
      agent,
      grant: 'destructive-command',
      setting: `toolsSettings.use_aws.allowedServices: [${services.map((item) => `"${item.value}"`).join(', ')}]`,
      span: services[0]!.span,
      lets: `call any ${services.map((item) => item.value).join(', ')} API (deletes included)`,
      effective: true,
      reaches: 'aws',
    });
  }
  // `fs_write.allowedPaths` / `fs_read.allowedPaths`: paths written or read without a prompt.
  for (const tool of ['fs_write', 'fs_read', 'write', 'read']) {
    for (const item of stringsAt(file, out, get(settings, tool), 'allowedPaths')) {
      const directory = globBase(item.value.trim());
      if (directory) reportOutsideDirectory(file, out, agent, `toolsSettings.${tool}.allowedPaths: "${item.value}"`, directory, item.span);
    }
  }
  for (const item of stringsAt(file, out, get(settings, 'fs_read') ?? get(settings, 'read'), 'deniedPaths')) {
    const path = item.value.trim().replace(/^\.\//, '');
    if (path && !path.startsWith('/') && !path.startsWith('~')) emitExclusion(file, out, agent, path, item.span);
  }
}

/** Amazon Q matches a command against the whole pattern. */
function anchoredRule(source: string): CommandRule {
  return { syntax: 'regex', source, flags: '', anchored: true };
}
