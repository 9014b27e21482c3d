// Cursor's repository permissions: the CLI's `.cursor/cli.json` (`permissions.allow/deny` with `Shell(commandBase)`,
// `Read(glob)`, `Write(glob)`, `Mcp(server, tool)`; deny wins; cursor.com/docs/cli/reference/permissions) and the IDE's
// `.cursor/permissions.json` (`terminalAllowlist`, `mcpAllowlist`, concatenated with the user's file;
// cursor.com/docs/reference/permissions).
import type { CommandRule } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { allowMatcherOfRule, commandBaseMatcher, readerOf, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { WRITE_TOOL_NAME } from '../../../knowledge/agents/mcp-servers.js';
import { commandPermission, emitBrake, emitConfig, emitExclusion, emitPermission, emitReadGrant, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { directoryOf, mapAt, projectOfConfig, rootMap, stringsAt, unknownValue, type StringItem } from './tree.js';

export const CURSOR_CLI = /(^|\/)\.cursor\/cli\.json$/;
export const CURSOR_PERMISSIONS = /(^|\/)\.cursor\/permissions\.json$/;

const TOKEN = /^\s*(Shell|Read|Write|Mcp)\s*\((.*)\)\s*$/s;

export function readCursorCli(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'cursor', 'settings', file.path);
  const permissions = mapAt(file, out, root, 'permissions');
  if (!permissions) return;
  const projectDirectory = directoryOf(directoryOf(file.path).replace(/\/$/, ''));
  // Deny rules win over allow rules.
  const brakes: CommandMatcher[] = [];
  const brakeRules: CommandRule[] = [];
  for (const item of stringsAt(file, out, permissions, 'deny')) {
    const token = parse(file, out, item, 'deny');
    if (!token) continue;
    const setting = `permissions.deny: "${item.value}"`;
    if (token.type === 'Shell') {
      const matcher = commandBaseMatcher(token.argument);
      brakes.push(matcher);
      brakeRules.push({ syntax: 'base', text: token.argument });
      emitBrake(file, out, 'cursor', 'deny', setting, item.span, matcher);
    } else if (token.type === 'Read') {
      const pattern = token.argument.trim().replace(/^\.\//, '');
      if (pattern && !pattern.startsWith('/') && !pattern.startsWith('~')) {
        emitExclusion(file, out, 'cursor', projectDirectory ? `/${projectDirectory}${pattern}` : pattern, item.span);
      }
    }
  }
  for (const item of stringsAt(file, out, permissions, 'allow')) {
    const token = parse(file, out, item, 'allow');
    if (!token) continue;
    const setting = `permissions.allow: "${item.value}"`;
    if (token.type === 'Shell') {
      const matcher = commandBaseMatcher(token.argument);
      const permission = commandPermission(matcher, { agent: 'cursor', setting, span: item.span, except: brakes });
      if (permission) emitPermission(file, out, permission);
      else {
        // `Shell(cat)` reads any file unasked, whatever .cursorignore hides from the editor.
        const reader = readerOf((command) => matcher(command) && !brakes.some((brake) => brake(command)));
        if (reader) emitReadGrant(file, out, 'cursor', setting, item.span, reader);
        holdTaskAllow(file, out, { agent: 'cursor', setting, rule: { syntax: 'base', text: token.argument }, written: token.argument.trim(), except: brakeRules, span: item.span, project: projectDirectory });
      }
    } else if (token.type === 'Mcp') {
      mcpAllow(file, out, token.argument, setting, item.span);
    }
  }
}

export function readCursorPermissions(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'cursor', 'settings', file.path);
  for (const item of stringsAt(file, out, root, 'terminalAllowlist')) {
    const setting = `terminalAllowlist: "${item.value}"`;
    const permission = commandPermission(allowMatcherOfRule({ syntax: 'prefix', text: item.value })!, { agent: 'cursor', setting, span: item.span });
    if (permission) emitPermission(file, out, permission);
    else holdTaskAllow(file, out, { agent: 'cursor', setting, rule: { syntax: 'prefix', text: item.value }, written: item.value.trim(), except: [], span: item.span, project: projectOfConfig(file.path) });
  }
  for (const item of stringsAt(file, out, root, 'mcpAllowlist')) mcpAllow(file, out, item.value, `mcpAllowlist: "${item.value}"`, item.span);
}

/** An MCP allow entry: `server, tool`, `server:tool`, `server:*`. Whole servers and write tools count. */
function mcpAllow(file: SourceFile, out: FileEmitter, argument: string, setting: string, span: Span): void {
  const [server = '', tool = '*'] = argument.split(/\s*[,:]\s*/);
  if (tool !== '*' && !WRITE_TOOL_NAME.test(tool)) return;
  emitPermission(file, out, {
    ruleId: RULE_IDS.mcpToolsAutoApproved,
    agent: 'cursor',
    grant: 'mcp-tool',
    setting,
    span,
    lets: tool === '*' ? `call every tool of ${server === '*' ? 'every MCP server' : `the MCP server "${server}"`}` : `call the MCP tool "${tool}" of "${server}"`,
    effective: true,
    reaches: server,
  });
}

function parse(file: SourceFile, out: FileEmitter, item: StringItem, list: string): { type: string; argument: string } | undefined {
  const match = TOKEN.exec(item.value);
  if (!match) {
    unknownValue(file, out, `permissions.${list} entry "${item.value}" in ${file.path} is not a Cursor permission token; it was ignored.`, item.span.line);
    return undefined;
  }
  return { type: match[1]!, argument: match[2]! };
}
