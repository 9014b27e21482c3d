// The steps of a GitHub workflow that use an action, with their job: agent actions are judged by their inputs.
import type { SourceFile } from '../../../src/model.js';
import { get, literalString, type DataNode } from '../../../src/parse/data-tree.js';

export interface ActionStep {
  job: string;
  step: DataNode;
  /** The `uses:` node, where a finding about the step as a whole sits. */
  uses: DataNode;
  /** `uses:` as written: `anthropics/claude-code-action@v1`. */
  action: string;
}

export function actionSteps(file: SourceFile, action: RegExp): ActionStep[] {
  const jobs = get(file.data()?.roots[0], 'jobs');
  if (jobs?.kind !== 'map') return [];
  const found: ActionStep[] = [];
  for (const job of jobs.entries) {
    const steps = get(job.value, 'steps');
    if (steps?.kind !== 'seq') continue;
    for (const step of steps.items) {
      const uses = get(step, 'uses');
      const written = literalString(uses) ?? '';
      if (uses && action.test(written)) found.push({ job: job.key, step, uses, action: written });
    }
  }
  return found;
}
