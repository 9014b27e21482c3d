// Aider's `.aider.conf.yml`: `yes-always: true` confirms every prompt (adding files, edits, commits); shell commands
// it suggests still ask (aider.chat/docs/config/options.html; Aider issue #3903), so it is reported low. With
// `auto-test: true` it runs `test-cmd` after every edit it makes, asking nobody: a test command that resets a database
// resets it on each edit.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { destructiveTaskCommand } from './tasks.js';
import { holdTaskAllow } from './task-allows.js';
import { booleanAt, directoryOf, rootMap, stringAt, type StringItem } from './tree.js';

export const AIDER_CONFIG = /(^|\/)\.aider\.conf\.ya?ml$/;

export function readAiderConfig(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'aider', 'settings', file.path);
  const yes = booleanAt(root, 'yes-always');
  if (yes?.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'aider',
      grant: 'file-write',
      setting: 'yes-always: true',
      span: yes.span,
      lets: 'add files, apply edits and commit',
      effective: true,
      severity: 'low',
    });
  }
  if (booleanAt(root, 'auto-test')?.value === true) readTestCommand(file, out, stringAt(root, 'test-cmd'));
}

/** Each command of `test-cmd` (`npm run db:reset && npm test`): a destructive CLI, or a task that may run one. */
function readTestCommand(file: SourceFile, out: FileEmitter, testCommand: StringItem | undefined): void {
  if (!testCommand) return;
  const setting = `auto-test: true with test-cmd "${testCommand.value.trim()}"`;
  for (const part of testCommand.value.split(/&&|\|\||;|\|/).map((command) => command.trim()).filter(Boolean)) {
    const probe = destructiveTaskCommand(part);
    if (probe) {
      emitPermission(file, out, {
        ruleId: RULE_IDS.destructiveCommandAllowed,
        agent: 'aider',
        grant: 'destructive-command',
        setting,
        span: testCommand.span,
        lets: `run ${probe.tool} (it ${probe.does}) after every edit it makes,`,
        effective: true,
        reaches: probe.tool,
        ...(probe.needsCredential ? { severity: 'medium' as const } : {}),
        ...(probe.dataIn ? { dataIn: probe.dataIn } : {}),
      });
      return;
    }
    holdTaskAllow(file, out, { agent: 'aider', setting, rule: { syntax: 'exact', text: part }, written: part, except: [], span: testCommand.span, project: directoryOf(file.path) });
  }
}
