// Aider's `.aider.conf.yml`: `yes-always: true` confirms every prompt (adding files, edits, commits); shell commands
// it suggests still ask (aider.chat/docs/config/options.html; Aider issue #3903), so it is reported low.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { booleanAt, rootMap } from './tree.js';

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
}
