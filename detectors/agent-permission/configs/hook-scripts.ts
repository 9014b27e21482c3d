// Scripts in an agent's hooks directory: what each refuses is published for the settings that run it (a script no
// settings file names refuses nothing).
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { toolsRefusedBy } from '../../../knowledge/agents/hooks.js';

export const HOOK_SCRIPT = /(^|\/)\.claude\/hooks\/(?:[^/]+\/)*[^/]+\.(?:sh|bash|py|js|mjs|cjs|ts)$/;

export function readHookScript(file: SourceFile, out: FileEmitter): void {
  out.publish('agent-hook-script', { path: file.path, refuses: toolsRefusedBy(file.text) });
}
