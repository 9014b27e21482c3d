// Instruction files (AGENTS.md, CLAUDE.md, .cursor/rules, copilot-instructions.md, GEMINI.md, .windsurfrules,
// .clinerules...): evidence of which agents work here, and the sentences that leave a dangerous decision to the model.
// Whether a deny rule enforces each sentence is decided in the cross-file pass, once every configuration is read.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { agentsInstructedBy, agentTitle } from '../../../knowledge/agents/agents.js';
import { guardrailsIn, leavesIn } from '../../../knowledge/agents/guardrails.js';
import { emitConfig } from '../permission.js';
import { proseLeaveFinding } from '../rules/prose-destructive-leave.js';

export function isInstructionFile(path: string): boolean {
  return agentsInstructedBy(path).length > 0;
}

export function readInstructions(file: SourceFile, out: FileEmitter): void {
  const agents = agentsInstructedBy(file.path);
  for (const agent of agents) emitConfig(out, agent, 'instructions', file.path);
  const lines = file.text.split('\n');
  let fence: string | undefined;
  let inComment = false;
  let inFrontMatter = lines[0]?.trim() === '---';
  for (let index = inFrontMatter ? 1 : 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (inFrontMatter) {
      if (line.trim() === '---') inFrontMatter = false;
      continue;
    }
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence) continue;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (/^\s*<!--/.test(line) && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    for (const leave of leavesIn(line)) {
      const span = { line: index + 1, column: leave.start + 1, endLine: index + 1, endColumn: leave.end + 1 };
      out.report(proseLeaveFinding(file.path, agents.map(agentTitle), leave, span, line.trim()));
    }
    for (const guardrail of guardrailsIn(line)) {
      out.publish('agent-prose-guardrail', {
        agents,
        classes: guardrail.classes,
        tools: guardrail.tools,
        text: guardrail.text,
        location: {
          path: file.path,
          span: { line: index + 1, column: guardrail.start + 1, endLine: index + 1, endColumn: guardrail.end + 1 },
        },
      });
    }
  }
}
