// GitLab CI files: the root `.gitlab-ci.yml`, and the files it includes (`include: local: …`), which teams keep in a
// folder of their own (`.gitlab/ci/deploy.yml`, `ci/deploy.yml`) or name `*.gitlab-ci.yml`. A file in such a folder is
// GitLab's only when it holds jobs: chart-testing values and Concourse pipelines live in `ci/` folders too.
import type { DataNode } from '../../src/parse/data-tree.js';

/** Named as GitLab's: the root file and `<name>.gitlab-ci.yml` anywhere. */
export function isGitlabCiName(path: string): boolean {
  return /(^|\/|\.)gitlab-ci\.ya?ml$/i.test(path);
}

/** A YAML file where teams keep the files `.gitlab-ci.yml` includes, whose content decides (`holdsGitlabJobs`). */
export function mayBeIncludedGitlabCi(path: string): boolean {
  return /(^|\/)(\.gitlab|\.gitlab-ci|gitlab-ci|gitlab|\.ci|ci)\/(?:[^/]+\/)*[^/]+\.ya?ml$/i.test(path) && !/values[^/]*\.ya?ml$/i.test(path) && !/(^|\/)charts?\//i.test(path);
}

/** Keys only a GitLab job (or hidden template) has, beside `script`. */
const JOB_KEYS = new Set(['script', 'extends', 'stage', 'trigger', 'environment', 'rules', 'needs', 'before_script', 'after_script', 'image', 'variables', 'only', 'except', 'tags', 'artifacts', 'services', 'dependencies', 'allow_failure', 'when']);

/** A document whose top-level maps are GitLab jobs: one at least has `script`, `extends` or `trigger` beside another key jobs have. */
export function holdsGitlabJobs(root: DataNode | undefined): boolean {
  if (root?.kind !== 'map') return false;
  return root.entries.some((entry) => {
    if (entry.value.kind !== 'map') return false;
    const keys = entry.value.entries.map((inner) => inner.key);
    return (keys.includes('script') || keys.includes('extends') || keys.includes('trigger')) && keys.some((key) => JOB_KEYS.has(key) && key !== 'script');
  });
}

/**
 * Text that may be a file `.gitlab-ci.yml` includes from anywhere (`include: local: deploy/staging.yml`): jobs with a
 * script and a stage or environment. Two substring searches, so other YAML is not parsed for it.
 */
export function mayHoldGitlabJobs(text: string): boolean {
  return text.includes('script:') && (text.includes('stage:') || text.includes('environment:'));
}

/** Jobs (`holdsGitlabJobs`) of which one names its `stage` or `environment`, the keys GitLab's jobs carry and other tools' maps do not pair with `script`. */
export function holdsStagedGitlabJobs(root: DataNode | undefined): boolean {
  if (!holdsGitlabJobs(root) || root?.kind !== 'map') return false;
  return root.entries.some((entry) => entry.value.kind === 'map' && entry.value.entries.some((inner) => inner.key === 'script') && entry.value.entries.some((inner) => inner.key === 'stage' || inner.key === 'environment'));
}
