// Hooks that run before an agent's shell commands: Claude Code's PreToolUse hooks (read with its settings), Cursor's
// `.cursor/hooks.json` and Copilot's `.github/hooks/*.json`, and the scripts they run. What an inline hook refuses is
// a brake at once; what a script refuses is published with the script and joined to the hooks naming it in the
// cross-file pass (a script no hook names refuses nothing).
import type { FileEmitter, FinishContext, SourceFile, Span } from '../../../src/model.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';
import { get, literalString } from '../../../src/parse/data-tree.js';
import { hookScriptOf, refusalsOf } from '../../../knowledge/agents/hooks.js';
import { emitConfig, emitExclusion } from '../permission.js';
import { directoryOf, lineSpan, rootMap } from './tree.js';

/** Scripts in an agent's hooks folder, or in a folder named for agent hooks or guards (`tools/agent-guards/`). */
export const HOOK_SCRIPT = /(?:(?:^|\/)\.(?:claude|cursor|github|gemini)\/hooks\/(?:[^/]+\/)*|(?:^|\/)[^/]*(?:agent|claude|cursor|copilot|codex|gemini)[^/]*(?:hook|guard)[^/]*\/(?:[^/]+\/)*)[^/]+\.(?:sh|bash|py|js|mjs|cjs|ts)$/i;

/** Cursor's project hooks and Copilot's (CLI and cloud agent; VS Code reads the same folder). */
export const HOOK_FILE = /(^|\/)\.cursor\/hooks\.json$|(^|\/)\.github\/hooks\/[^/]+\.json$/;

export function readHookScript(file: SourceFile, out: FileEmitter): void {
  const { tools, files } = refusalsOf(file.text);
  out.publish('agent-hook-script', { path: file.path, refuses: tools, protects: files });
}

/**
 * The cross-file half: each hook's script joined with what it refuses, a brake like a deny rule (for the prose
 * guardrails and the summary) and, before the file tools, an exclusion like a Read deny rule.
 */
export function resolveHookScripts(context: FinishContext): void {
  const hooks = context.facts.all('agent-hook');
  if (hooks.length === 0) return;
  const scripts = new Map(context.facts.all('agent-hook-script').map((script) => [script.path, script]));
  for (const hook of hooks) {
    const script = scripts.get(hook.script);
    if (!script) continue;
    if (hook.before.includes('shell') && script.refuses.length > 0) {
      context.publish('agent-command-brake', { agent: hook.agent, decision: 'deny', setting: `${hook.setting}, which refuses ${script.refuses.join(', ')}`, stops: script.refuses, location: hook.location });
    }
    if (hook.before.includes('read')) for (const pattern of script.protects) context.publish('agent-read-exclusion', { agent: hook.agent, pattern, builtIn: false, location: hook.location });
  }
}

/**
 * One hook command before the shell: the script it runs (tried from each of `bases`, the directories its paths may be
 * relative to) or, inline, the commands it refuses.
 */
export function readHookCommand(file: SourceFile, out: FileEmitter, agent: AgentId, setting: string, text: string, span: Span, bases: readonly string[], before: Array<'shell' | 'read'> = ['shell']): void {
  const location = { path: file.path, span: lineSpan(file, span) };
  const scripts = [...new Set(bases.map((base) => hookScriptOf(text, base)).filter((script): script is string => script !== undefined))];
  if (scripts.length > 0) {
    for (const script of scripts) out.publish('agent-hook', { agent, script, setting: `${setting}: ${script}`, location, before });
    return;
  }
  const { tools, files } = refusalsOf(text);
  if (before.includes('shell') && tools.length > 0) out.publish('agent-command-brake', { agent, decision: 'deny', setting: `${setting}: a hook that refuses ${tools.join(', ')}`, stops: tools, location });
  if (before.includes('read')) for (const pattern of files) emitExclusion(file, out, agent, pattern, span);
}

/**
 * `.cursor/hooks.json` (`beforeShellExecution`, and `preToolUse` on the Shell tool; command paths are relative to the
 * file, or to the project) and `.github/hooks/*.json` (`preToolUse`, its `bash` command run from the repository root).
 */
export function readHookFile(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  const cursor = file.path.includes('.cursor/');
  const agent: AgentId = cursor ? 'cursor' : 'copilot';
  emitConfig(out, agent, 'settings', file.path);
  const hooks = get(root, 'hooks');
  const project = cursor ? directoryOf(directoryOf(file.path).replace(/\/$/, '')) : directoryOf(file.path).replace(/\.github\/hooks\/$/, '');
  const bases = cursor ? [directoryOf(file.path), project] : [project];
  for (const event of cursor ? ['beforeShellExecution', 'preToolUse'] : ['preToolUse']) {
    const entries = get(hooks, event);
    for (const entry of entries?.kind === 'seq' ? entries.items : []) {
      const matcher = literalString(get(entry, 'matcher'));
      if (event === 'preToolUse' && matcher !== undefined && !/shell|bash|\*/i.test(matcher)) continue;
      const command = get(entry, 'command') ?? get(entry, 'bash');
      const text = literalString(command);
      if (command && text !== undefined) readHookCommand(file, out, agent, `hooks.${event}`, text, command.span, bases);
    }
  }
}
