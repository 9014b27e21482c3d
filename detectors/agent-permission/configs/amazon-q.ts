// Amazon Q Developer CLI workspace agents (`.amazonq/cli-agents/*.json`) and Kiro agents (`.kiro/agents/*.json`):
// `allowedTools` run without a prompt (`execute_bash`, `use_aws`, `@server`, `@server/tool`), `toolsSettings` narrow
// them (`execute_bash.allowedCommands`/`deniedCommands`: anchored regexes; `fs_read.deniedPaths`)
// (aws/amazon-q-developer-cli docs/agent-format.md, docs/built-in-tools.md).
import { WRITE_TOOL_NAME } from '../../../knowledge/agents/mcp-servers.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get } from '../../../src/parse/data-tree.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';
import { regexMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitExclusion, emitPermission, RULE_IDS } from '../permission.js';
import { rootMap, stringsAt } from './tree.js';

export const AMAZON_Q_AGENT = /(^|\/)\.(amazonq\/cli-agents|kiro\/agents)\/[^/]+\.json$/;

export function readAmazonQAgent(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  const agent: AgentId = file.path.includes('.kiro/') ? 'kiro' : 'amazon-q';
  emitConfig(out, agent, 'settings', file.path);
  const settings = get(root, 'toolsSettings');
  const bash = get(settings, 'execute_bash') ?? get(settings, 'shell');
  const allowedCommands = stringsAt(file, out, bash, 'allowedCommands');
  for (const item of stringsAt(file, out, root, 'allowedTools')) {
    const tool = item.value.trim();
    const setting = `allowedTools: "${item.value}"`;
    if (tool === 'execute_bash' || tool === 'shell') {
      emitPermission(file, out, {
        ruleId: RULE_IDS.shellAutoApproved,
        agent,
        grant: 'shell',
        setting,
        span: item.span,
        lets: 'run any shell command',
        effective: true,
      });
    } else if (tool === 'use_aws' || tool === 'aws') {
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
    } else if (/^@[^/]+(?:\/.+)?$/.test(tool)) {
      // `@server` and `@server/*` approve every tool of a server; `@postgres/execute_sql` one, reported when it writes
      // (as Claude's `mcp__server__tool` is).
      const [, server, one] = /^@([^/]+)(?:\/(.+))?$/.exec(tool)!;
      const every = one === undefined || one === '*';
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
    }
  }
  const brakes: CommandMatcher[] = [];
  for (const item of stringsAt(file, out, bash, 'deniedCommands')) {
    const matcher = regexMatcher(item.value, '', { anchored: true });
    if (!matcher) continue;
    brakes.push(matcher);
    emitBrake(file, out, agent, 'deny', `toolsSettings.execute_bash.deniedCommands: "${item.value}"`, item.span, matcher);
  }
  for (const item of allowedCommands) {
    const matcher = regexMatcher(item.value, '', { anchored: true });
    if (!matcher) continue;
    const permission = commandPermission(matcher, { agent, setting: `toolsSettings.execute_bash.allowedCommands: "${item.value}"`, span: item.span, except: brakes });
    if (permission) emitPermission(file, out, permission);
  }
  for (const item of stringsAt(file, out, get(settings, 'fs_read') ?? get(settings, 'read'), 'deniedPaths')) {
    const path = item.value.trim().replace(/^\.\//, '');
    if (path && !path.startsWith('/') && !path.startsWith('~')) emitExclusion(file, out, agent, path, item.span);
  }
}
