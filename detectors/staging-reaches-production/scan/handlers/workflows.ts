// GitHub Actions workflows: each job is an environment by its `environment:` key, else by its name (`deploy-staging`)
// or the workflow's file name, else by a pull-request-only trigger (a preview). Jobs read secrets by name, and name
// the stacks, workspaces and apps their commands act on; workflow-level `env` is the base every job inherits.
import type { DataDocument, DataNode, MapNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import { WORKFLOW_OUTPUT, appIdentity, bucketIdentity, cloudSqlIdentity, envFileIdentity, gcpProjectIdentity, secretIdentity, stackIdentity, supabaseProjectIdentity, type ResourceIdentity } from '../../../../knowledge/environments/identities.js';
import { canonicalEnvironment, tokensOf } from '../../../../knowledge/environments/names.js';
import type { Span } from '../../../../src/model.js';
import type { FileClass } from '../files.js';
import { BASE, lineSpan, type EnvTag, type Recorder } from '../recorder.js';
import { pullRequestInProduction } from '../../rules/pull-request.js';
import { effectiveEntries, walkSection } from '../tree.js';
import { walkOptions } from '../sections.js';
import { valueTag } from './dotenv.js';
import { identifyValue } from '../values.js';
import { terraformCliVariables } from '../../../../knowledge/environments/terraform-cli.js';
import { conditionOf, jobRunsOn, workflowTriggers } from '../../../../src/parse/github-workflow.js';

const PULL_REQUEST_TRIGGERS = new Set(['pull_request', 'pull_request_target']);
/** Names that place a job without an `environment:` key; `test`/`ci` jobs are everywhere and name no environment. */
const NAMED_ENVIRONMENTS = new Set(['production', 'staging', 'preview', 'development']);

export function scanWorkflow(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const family = `gha:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false, references: false, projectKeys: true };
  const triggers = workflowTriggers(get(root, 'on'));
  const pullRequestOnly = triggers.size > 0 && [...triggers.keys()].every((trigger) => PULL_REQUEST_TRIGGERS.has(trigger));
  const fileTag = cls.tag.environment && NAMED_ENVIRONMENTS.has(cls.tag.environment) ? cls.tag : undefined;

  const workflowEnv = get(root, 'env');
  if (workflowEnv?.kind === 'map') {
    walkSection(rec, { node: workflowEnv, path: ['env'], tag: BASE, family, role: 'base', span: workflowEnv.span }, options);
    scanText(rec, workflowEnv, BASE, family);
  }
  const jobs = get(root, 'jobs');
  const callers = new Map<string, string>();
  if (jobs && jobs.kind !== 'map') rec.notify('environment-config-unreadable', `${rec.file.path}: "jobs" is not a map; its jobs' environments were not read.`);
  if (jobs?.kind !== 'map') return;
  const outputs = jobOutputSecrets(jobs);
  publishCallOutputs(rec, root, outputs);
  // Jobs that call a reusable workflow of the repository: their outputs are that workflow's `workflow_call` outputs.
  for (const entry of jobs.entries) {
    const called = localWorkflow(literalString(get(entry.value, 'uses')));
    if (called) callers.set(entry.key, called);
  }
  for (const entry of effectiveEntries(jobs)) {
    const job = entry.value;
    if (job.kind !== 'map') continue;
    scanPlatformVariableCopies(rec, job);
    const tag = jobTag(entry.key, job) ?? fileTag ?? (pullRequestOnly ? { environment: 'preview' as const, name: 'pull_request', evidence: 'value' as const } : undefined);
    if (!tag) continue;
    noteUnreadCall(rec, job, tag);
    if (tag.environment === 'production' && tag.evidence === 'key') pullRequestJob(rec, root, triggers, entry.key, job);
    walkSection(rec, { node: job, path: ['jobs', entry.key], tag, role: 'plain', span: entry.keySpan }, options);
    scanText(rec, job, tag);
    if (outputs.size > 0 || callers.size > 0) scanNeededOutputs(rec, job, tag, outputs, callers);
    rec.layer(family, tag, entry.keySpan, envKeys(job));
  }
}

/**
 * The variables and secrets each job's `outputs` pass on (`<job>.<output>` -> names): a configuration variable written
 * into the output (`${{ vars.PROD_DATABASE_URL }}`) or by the step it takes it from (`${{ steps.pick.outputs.url }}`,
 * the step writing `url=…` to `$GITHUB_OUTPUT` from a variable, or from its `env`). GitHub drops an output holding a
 * secret's value as written, so a secret passes only encoded (`base64`, `openssl`, `gpg`). A job that needs the output
 * holds what it carries, and passes it on again when its own outputs take it (`${{ needs.setup.outputs.db_url }}`):
 * read until no output carries more, as many hops as the jobs chain.
 */
function jobOutputSecrets(jobs: MapNode): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const sources = jobs.entries.flatMap((entry) => {
    const outputs = get(entry.value, 'outputs');
    const steps = get(entry.value, 'steps');
    return outputs?.kind === 'map' ? outputs.entries.map((output) => ({ key: `${entry.key}.${output.key}`, texts: outputTexts(output.value, steps) })) : [];
  });
  for (let changed = true, rounds = 0; changed && rounds <= sources.length; rounds++) {
    changed = false;
    for (const { key, texts } of sources) {
      const carried = texts.flatMap(({ text, encoded }) => [
        ...referencesIn(text, encoded),
        ...[...text.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)].flatMap((match) => found.get(`${match[1]}.${match[2]}`) ?? []),
      ]);
      const before = found.get(key)?.length ?? 0;
      const after = [...new Set([...(found.get(key) ?? []), ...carried])];
      if (after.length > before) {
        found.set(key, after);
        changed = true;
      }
    }
  }
  return found;
}

/** The texts an output's value is made of: its expression, and the lines of the step it names that write it (with that step's env). */
function outputTexts(value: DataNode, steps: DataNode | undefined): Array<{ text: string; encoded: boolean }> {
  const expression = value.kind === 'scalar' ? String(value.expression ?? value.value ?? '') : '';
  const texts = [{ text: expression, encoded: false }];
  const from = /\bsteps\.([\w-]+)\.outputs\.([\w-]+)/.exec(expression);
  const step = from && steps?.kind === 'seq' ? steps.items.find((item) => literalString(get(item, 'id')) === from[1]) : undefined;
  if (!step || !from) return texts;
  const run = literalString(get(step, 'run')) ?? '';
  const env = get(step, 'env');
  // The line that writes this output, and the variables of the step's env it expands.
  for (const line of run.split('\n').filter((text) => text.includes(`${from[2]}=`))) {
    const encoded = /\b(base64|openssl|gpg|xxd)\b/.test(line);
    texts.push({ text: line, encoded });
    for (const variable of line.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const bound = get(env, variable[1]!);
      if (bound?.kind === 'scalar') texts.push({ text: String(bound.expression ?? bound.value ?? ''), encoded });
    }
  }
  return texts;
}

/** `vars.X` in a text, and `secrets.X` too when the secret leaves encoded. */
function referencesIn(text: string, secrets: boolean): string[] {
  return [...text.matchAll(/\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g)].filter((match) => (secrets || match[1] === 'vars') && match[2] !== 'GITHUB_TOKEN').map((match) => match[2]!);
}

/** `${{ needs.setup.outputs.db_url }}` in a job: the secrets that output carries, read where the job reads it. */
function scanNeededOutputs(rec: Recorder, job: DataNode, tag: EnvTag, outputs: ReadonlyMap<string, string[]>, callers: ReadonlyMap<string, string>): void {
  const { text, record } = nodeText(rec, job, tag);
  for (const match of text.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    for (const secret of outputs.get(`${match[1]}.${match[2]}`) ?? []) record(secretIdentity(secret), match.index, `needs.${match[1]}.outputs.${match[2]} (${secret})`);
    const called = callers.get(match[1]!);
    if (called) record(workflowOutputIdentity(called, match[2]!), match.index, `needs.${match[1]}.outputs.${match[2]}`);
  }
}

/** `uses: ./.github/workflows/resolve.yml` -> `.github/workflows/resolve.yml`; another repository's workflow is not read. */
/**
 * A job of an environment that calls a reusable workflow of another repository (`uses: acme/ci/.github/workflows/
 * deploy.yml@v2`): its jobs run with the secrets handed to them, but their text is not here. Said once per job, as
 * GitLab's includes from other projects are, so a clean result is not taken to cover them.
 */
function noteUnreadCall(rec: Recorder, job: MapNode, tag: EnvTag): void {
  const uses = get(job, 'uses');
  const called = literalString(uses);
  if (!uses || !called || !REMOTE_WORKFLOW.test(called)) return;
  const environment = tag.name || tag.environment;
  rec.notify('environment-include-unread', `${rec.file.path}:${uses.span.line} runs ${environment}'s job with a workflow from another repository (${called}); the environments and secrets of its jobs were not read.`, uses.span.line, 'note');
}

/** `owner/repo/.github/workflows/<file>.yml@ref`, GitHub's form for a reusable workflow outside the repository. */
const REMOTE_WORKFLOW = /^[\w.-]+\/[\w.-]+\/\.github\/workflows\/[^/@]+\.ya?ml@\S+$/;

function localWorkflow(uses: string | undefined): string | undefined {
  const path = uses?.startsWith('./') ? uses.slice(2).replace(/@.*$/, '') : undefined;
  return path && /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ? path : undefined;
}

/**
 * A reusable workflow's output, as its callers read it (`needs.<job>.outputs.<name>`): the cross-file pass replaces it
 * with the secrets and variables the workflow publishes under it (`publishCallOutputs`).
 */
function workflowOutputIdentity(path: string, output: string): ResourceIdentity {
  return { kind: 'secret', identity: `${WORKFLOW_OUTPUT}${path}#${output}`, otherIdentities: [], display: `output ${output} of ${path}`, name: output, secrets: [] };
}

/**
 * A reusable workflow's `on.workflow_call.outputs`: each output's value (`${{ jobs.pick.outputs.url }}`, a variable)
 * carries the names its jobs' outputs carry. Published as the base's, with the carried secrets as its other
 * identities, for the cross-file pass to hand to the callers that read it.
 */
function publishCallOutputs(rec: Recorder, root: MapNode, outputs: ReadonlyMap<string, string[]>): void {
  const declared = get(get(get(root, 'on'), 'workflow_call'), 'outputs');
  if (declared?.kind !== 'map') return;
  for (const output of declared.entries) {
    const value = get(output.value, 'value');
    const expression = value?.kind === 'scalar' ? String(value.expression ?? value.value ?? '') : '';
    const carried = [
      ...referencesIn(expression, false),
      ...[...expression.matchAll(/\bjobs\.([\w-]+)\.outputs\.([\w-]+)/g)].flatMap((match) => outputs.get(`${match[1]}.${match[2]}`) ?? []),
    ];
    if (carried.length === 0) continue;
    const identity = workflowOutputIdentity(rec.file.path, output.key);
    rec.resource(BASE, { ...identity, otherIdentities: [...new Set(carried)].map((name) => secretIdentity(name).identity) }, (value ?? output.value).span, { variable: `on.workflow_call.outputs.${output.key}` });
  }
}

/** Top-level keys of a GitLab CI file that configure the pipeline rather than name a job. */
const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'pages_build']);

/**
 * GitLab CI: every top-level key but the reserved ones is a job, placed by its `environment:` (or its name); the
 * top-level `variables` are the base every job inherits unless it sets the same variable.
 */
export function scanGitlabCi(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const family = `gitlab:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false, references: false, projectKeys: true };
  const fileTag = cls.tag.environment && NAMED_ENVIRONMENTS.has(cls.tag.environment) ? cls.tag : undefined;
  const globals = get(root, 'variables');
  if (globals?.kind === 'map') walkSection(rec, { node: globals, path: ['variables'], tag: BASE, family, role: 'base', span: globals.span }, options);
  noteUnreadIncludes(rec, get(root, 'include'));
  for (const entry of effectiveEntries(root)) {
    const job = entry.value;
    // Hidden jobs (`.deploy`) are templates that other jobs extend: placed where they are used, not here. Jobs of other
    // files (the root includes both) extend them too: the template is the base of its family, each such job a layer.
    if (job.kind === 'map' && entry.key.startsWith('.')) {
      const templateFamily = `gitlab-template:${entry.key}`;
      walkSection(rec, { node: job, path: [entry.key], tag: BASE, family: templateFamily, role: 'base', span: entry.keySpan }, options);
      templateSecretReferences(rec, job, templateFamily);
    }
    if (job.kind !== 'map' || GITLAB_RESERVED.has(entry.key) || entry.key.startsWith('.')) continue;
    const tag = jobTag(entry.key, job) ?? fileTag;
    if (!tag) continue;
    walkSection(rec, { node: job, path: [entry.key], tag, role: 'plain', span: entry.keySpan }, options);
    scanSecretReferences(rec, job, tag, family);
    scanDeployCommands(rec, job, tag, family);
    // `extends: .deploy`: the hidden templates it names give the job their variables and script.
    for (const name of extendedTemplates(job)) {
      const template = get(root, name);
      if (template === undefined) rec.layer(`gitlab-template:${name}`, tag, entry.keySpan, ownKeys(job));
      if (template?.kind !== 'map') continue;
      walkSection(rec, { node: template, path: [name], tag, role: 'plain', span: template.span }, options);
      scanSecretReferences(rec, template, tag, family);
    }
    const variables = get(job, 'variables');
    rec.layer(family, tag, entry.keySpan, variables?.kind === 'map' ? variables.entries.map((variable) => variable.key) : []);
  }
}

/**
 * Jobs included from outside the repository (`include: project:`, `remote:`, `component:`) run in the pipeline but
 * cannot be read here: said once per include, so a clean result is not taken to cover them. GitLab's own
 * `template:`s are left out: their text is public and the same for every project.
 */
function noteUnreadIncludes(rec: Recorder, include: DataNode | undefined): void {
  const items = include?.kind === 'seq' ? include.items : include ? [include] : [];
  for (const item of items) {
    const text = literalString(item);
    const source = item.kind === 'map' ? (['project', 'remote', 'component'] as const).find((key) => get(item, key) !== undefined) : text && /^https?:\/\//i.test(text) ? 'remote' : undefined;
    if (!source) continue;
    const name = item.kind === 'map' ? [literalString(get(item, source)), literalString(get(item, 'file'))].filter(Boolean).join(' ') : text;
    rec.notify('environment-include-unread', `${rec.file.path}:${item.span.line} includes jobs from outside the repository (${source}: ${name ?? '?'}); the environments and secrets of those jobs were not read.`, item.span.line, 'note');
  }
}

/** What a GitLab job sets itself, which a template it extends does not give it: `variables.<name>`, `script`... */
function ownKeys(job: MapNode): string[] {
  return job.entries.flatMap((entry) => (entry.key === 'variables' && entry.value.kind === 'map' ? entry.value.entries.map((variable) => `variables.${variable.key}`) : [entry.key]));
}

/**
 * A template's secret references, each under what a job extending it would set to replace it: the variable it is
 * the value of (`variables.DATABASE_URL`), else the key it is written under (`script`).
 */
function templateSecretReferences(rec: Recorder, template: MapNode, family: string): void {
  for (const entry of template.entries) {
    const parts = entry.key === 'variables' && entry.value.kind === 'map' ? entry.value.entries.map((variable) => ({ node: variable.value, variable: `variables.${variable.key}` })) : [{ node: entry.value, variable: entry.key }];
    for (const part of parts) {
      const { text, record } = nodeText(rec, part.node, BASE, family);
      for (const match of text.matchAll(CI_SECRET_REFERENCE)) {
        if (!match[1]!.startsWith('CI_')) record(secretIdentity(match[1]!), match.index, part.variable);
      }
    }
  }
}

/** The hidden jobs a GitLab job extends (`extends: .deploy` or a list), one level deep. */
function extendedTemplates(job: MapNode): string[] {
  const extended = get(job, 'extends');
  const names = extended?.kind === 'seq' ? extended.items.map((item) => literalString(item)) : [literalString(extended)];
  return names.filter((name): name is string => !!name && name.startsWith('.'));
}

/**
 * CI/CD variables a job reads whose names say they hold a secret: `$PROD_DB_PASSWORD`, `${DEPLOY_TOKEN}` (GitLab,
 * Bitbucket), `$(PROD_DATABASE_URL)` (Azure Pipelines' macros).
 */
const CI_SECRET_REFERENCE = /\$[{(]?([A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIALS?|DATABASE_URL|DB_URL|DSN|CONNECTION_STRING)[A-Z0-9_]*)[})]?/g;

export function scanSecretReferences(rec: Recorder, job: DataNode, tag: EnvTag, family?: string): void {
  const { text, record } = nodeText(rec, job, tag, family);
  for (const match of text.matchAll(CI_SECRET_REFERENCE)) {
    if (!match[1]!.startsWith('CI_')) record(secretIdentity(match[1]!), match.index, match[0]);
  }
}

/**
 * A step that writes a platform variable for a non-production environment (`vercel env add DATABASE_URL preview`, or a
 * custom environment: `vercel env add DATABASE_URL staging`) gives it whatever the step holds: the secrets its `env`
 * reads, and those written on the command's own line (`printf '%s' "${{ secrets.PROD_DATABASE_URL }}" | vercel env
 * add …`), are that environment's from then on. The CLI takes one environment per call.
 */
const VARIABLE_COPY = /\bvercel\s+env\s+add\s+[A-Za-z_][A-Za-z0-9_]*\s+([A-Za-z][\w-]*)/g;
const INLINE_SECRET = /\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function scanPlatformVariableCopies(rec: Recorder, job: MapNode): void {
  const steps = get(job, 'steps');
  if (steps?.kind !== 'seq') return;
  for (const step of steps.items) {
    const runNode = get(step, 'run');
    const run = literalString(runNode);
    if (!runNode || !run?.includes('vercel')) continue;
    const env = get(step, 'env') ?? get(job, 'env');
    const targets = new Set<string>();
    for (const command of run.matchAll(VARIABLE_COPY)) {
      const target = command[1]!;
      const environment = canonicalEnvironment(target);
      if (!environment || environment === 'production' || environment === 'base' || targets.has(target)) continue;
      targets.add(target);
      const tag: EnvTag = { environment, name: `vercel ${target}`, evidence: 'value' };
      for (const variable of env?.kind === 'map' ? env.entries : []) {
        const value = variable.value.kind === 'scalar' ? String(variable.value.value ?? '') : '';
        for (const reference of value.matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
          rec.resource(tag, secretIdentity(reference[1]!), variable.value.span, { variable: `secrets.${reference[1]}` });
        }
      }
      // The run's lines as the file has them, so that a secret written on the command's line is reported there.
      const { text, record } = nodeText(rec, runNode, tag);
      for (const line of text.matchAll(/^.*$/gm)) {
        const commands = [...line[0].matchAll(VARIABLE_COPY)];
        if (!commands.some((other) => other[1] === target)) continue;
        for (const reference of line[0].matchAll(INLINE_SECRET)) record(secretIdentity(reference[1]!), line.index + reference.index, `secrets.${reference[1]}`);
      }
    }
  }
}

/**
 * A job declaring the production environment that pull requests run: every trigger is a pull request's, or the job
 * has no `if:` keeping them out (or one that asks for them), nor needs a job whose `if:` does. A pull request closed as
 * merged runs merged code.
 */
function pullRequestJob(rec: Recorder, root: MapNode, triggers: ReadonlyMap<string, readonly string[] | undefined>, id: string, job: MapNode): void {
  const unmerged = [...triggers]
    .filter(([trigger, types]) => PULL_REQUEST_TRIGGERS.has(trigger) && !(types && types.length > 0 && types.every((type) => type === 'closed')))
    .map(([trigger]) => trigger);
  if (unmerged.length === 0) return;
  const text = conditionOf(job);
  if (text !== undefined && /merged/.test(text)) return;
  const onlyPullRequests = [...triggers.keys()].every((trigger) => PULL_REQUEST_TRIGGERS.has(trigger));
  const jobs = get(root, 'jobs');
  const running = unmerged.filter((event) => {
    const verdict = jobRunsOn(jobs, id, event);
    // An `if:` not read here keeps pull requests out, unless the workflow runs on nothing else or the `if:` asks for them.
    return verdict === 'yes' || (verdict === 'unknown' && (onlyPullRequests || /github\.event_name\s*==\s*['"]pull_request/.test(text ?? '')));
  });
  if (running.length === 0) return;
  const target = running.includes('pull_request_target');
  const checksOutHead = target && /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|refs\/pull\//.test(rec.file.text.slice(offsetOf(rec, job.span.line, 1), offsetOf(rec, job.span.endLine + 1, 1)));
  const environment = get(job, 'environment')!;
  const line = environment.kind === 'map' ? (get(environment, 'name')?.span.line ?? environment.span.line) : environment.span.line;
  const keyLine = rec.file.line(line).includes('environment') ? line : line - 1;
  const severity = checksOutHead ? 'critical' : target ? 'medium' : 'high';
  const trigger = target ? 'pull_request_target' : 'pull_request';
  const detail = checksOutHead
    ? "It checks out the pull request's head: code from any fork runs with production's environment secrets."
    : target
      ? "pull_request_target runs the base branch's workflow with production's environment secrets for every pull request, forks' included."
      : "Branches of this repository (a teammate's, a coding agent's) run their unreviewed code with production's environment secrets; pull requests from forks get none.";
  rec.report({
    ruleId: pullRequestInProduction.id,
    severity,
    message: `The job \`${id}\` runs on ${trigger} in the production environment. ${detail}`,
    location: { path: rec.file.path, span: lineSpan(rec.file, { line: keyLine, column: 1, endLine: keyLine, endColumn: 1 }) },
    evidence: `${pullRequestInProduction.id}|${rec.file.path}|${id}|${trigger}`,
    details: { environment: 'production', trigger, job: id },
    snippet: rec.file.line(keyLine).trim(),
  });
}

const SEQUENCE_WORDS = new Set(['after', 'before', 'post', 'following', 'until', 'then']);

/** `environment: staging`, `environment: {name: staging}`, a reusable workflow's `with: {environment: staging}`, or the job's name. */
function jobTag(id: string, job: MapNode): EnvTag | undefined {
  const environment = get(job, 'environment') ?? get(get(job, 'with'), 'environment');
  if (environment) {
    const name = environment.kind === 'map' ? literalString(get(environment, 'name')) : literalString(environment);
    // `environment: ${{ matrix.env }}` targets several environments: none of them can be named here.
    if (!name || name.includes('${{')) return undefined;
    return { environment: canonicalEnvironment(name), name, evidence: 'key' };
  }
  for (const name of [literalString(get(job, 'name')), id]) {
    const tag = jobNameTag(name);
    if (tag) return tag;
  }
  // `env: { APP_ENV: staging }` on the job.
  const env = get(job, 'env');
  const byValue = env?.kind === 'map' ? valueTag(env.entries) : undefined;
  return byValue?.environment && NAMED_ENVIRONMENTS.has(byValue.environment) ? byValue : undefined;
}

/**
 * A CI job, step or stage placed by its name (`deploy-staging`, `Deploy to production`). Not a job named by its place
 * beside another (`notify-after-staging`, `cleanup-before-prod`), nor one whose name is computed (`${{ matrix.env }}`).
 */
export function jobNameTag(name: string | undefined): EnvTag | undefined {
  if (!name || name.includes('${') || tokensOf(name).some((token) => SEQUENCE_WORDS.has(token))) return undefined;
  const environment = canonicalEnvironment(name);
  return environment && NAMED_ENVIRONMENTS.has(environment) ? { environment, name, evidence: 'value' } : undefined;
}

/** Variables a job sets for itself (job and step `env:`), which override the workflow's. */
function envKeys(job: MapNode): string[] {
  const keys: string[] = [];
  const collect = (env: DataNode | undefined) => {
    if (env?.kind === 'map') for (const entry of env.entries) keys.push(entry.key);
  };
  collect(get(job, 'env'));
  const steps = get(job, 'steps');
  if (steps?.kind === 'seq') for (const step of steps.items) collect(get(step, 'env'));
  return keys;
}

/** Commands that act on a named stack, workspace, stage or app, with what the name identifies. */
const TARGETS: ReadonlyArray<{ regex: RegExp; build: (name: string) => ResourceIdentity | undefined }> = [
  { regex: /\bterraform\s+workspace\s+(?:select|new)\s+(?:-or-create\s+)?([A-Za-z0-9_.-]+)/g, build: workspaceIdentity },
  { regex: /\bTF_WORKSPACE:\s*["']?([A-Za-z0-9_.-]+)/g, build: workspaceIdentity },
  // `terraform apply -var-file=prod.tfvars`: a run with production's variables targets production's resources.
  { regex: /\bterraform(?:\s+-[\w-]+(?:=\S+)?)*\s+(?:apply|plan|destroy|import)\b[^\n]*?\s-var-file[=\s]+["']?([\w./-]+\.tfvars(?:\.json)?)/g, build: varFileIdentity },
  // What a job writes to or deletes from: `aws s3 sync dist/ s3://acme-web --delete`, `gsutil rsync -d . gs://…`.
  { regex: /\baws\s+s3\s+(?:sync|cp|mv|rm|rb)\b[^\n]*?\ss3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/g, build: (name) => bucketIdentity(name, 's3') },
  { regex: /\b(?:gsutil|gcloud\s+storage)\s+(?:-m\s+)?(?:rsync|cp|mv|rm)\b[^\n]*?\sgs:\/\/([a-z0-9][a-z0-9._-]{1,61}[a-z0-9])/g, build: (name) => bucketIdentity(name, 'gcs') },
  // The AWS account a job's credentials act in: `role-to-assume: arn:aws:iam::111122223333:role/prod-deployer`.
  { regex: /\brole-to-assume:\s*["']?arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/g, build: (name) => secretIdentity(name, 'aws-role') },
  // Another environment's variables pulled into this job: `vercel pull --environment=production`, `doppler run -c prd`.
  { regex: /\bvercel\s+(?:pull|env\s+pull|build|deploy)\b[^\n]*?\s--environment[=\s]["']?([a-z]+)/g, build: (name) => (name.includes('$') ? undefined : secretIdentity(name, 'vercel-environment')) },
  { regex: /\bdoppler\s+(?:run|secrets\s+download|secrets)\b[^\n]*?\s(?:--config[=\s]|-c\s)["']?([A-Za-z0-9_-]+)/g, build: (name) => (name.includes('$') ? undefined : secretIdentity(name, 'doppler-config')) },
  // `infisical run --env=prod -- …`, `infisical export --env prod`: the project's production environment's secrets.
  { regex: /\binfisical\s+(?:run|export|secrets)\b[^\n]*?\s--env[=\s]["']?([A-Za-z0-9_-]+)/g, build: (name) => secretIdentity(name, 'infisical-environment') },
  // Another environment's file of variables loaded into the job: `docker run --env-file .env.production`, `dotenv -e .env.prod`.
  { regex: /(?:(?<=\s)--env-file|\bdotenv(?:-cli)?(?:\s+-[a-df-z]\w*)*\s+-e|\benv-cmd(?:\s+--?\w+)*\s+-f)[=\s]+["']?([\w./-]+)/g, build: envFileIdentity },
  { regex: /\bpulumi\s+stack\s+select\s+(?:--create\s+)?([A-Za-z0-9_./-]+)/g, build: (name) => stackIdentity('pulumi', name) },
  { regex: /\bpulumi\s+(?:up|preview|destroy|refresh|import)\b[^\n]*?\s(?:--stack[=\s]|-s\s)([A-Za-z0-9_./-]+)/g, build: (name) => stackIdentity('pulumi', name) },
  { regex: /\b(?:serverless|sls)\s+(?:deploy|remove)\b[^\n]*?\s(?:--stage[=\s]|-s\s)([A-Za-z0-9_-]+)/g, build: serverlessStageIdentity },
  { regex: /\b(?:flyctl|fly)\s+(?:deploy|secrets|ssh|postgres|volumes|scale|apps\s+destroy)\b[^\n]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g, build: (name) => appIdentity(name, 'fly') },
  { regex: /\bheroku\s+[a-z:-]+\b[^\n]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g, build: (name) => appIdentity(name, 'heroku') },
  { regex: /\bkubectl\b[^\n]*?\s--context[=\s]([A-Za-z0-9_.:@/-]+)/g, build: (name) => secretIdentity(name, 'kube-context') },
  { regex: /\baws\s+[a-z0-9-]+\b[^\n]*?\s--profile[=\s]([A-Za-z0-9_.-]+)/g, build: (name) => secretIdentity(name, 'aws-profile') },
  { regex: /\bgcloud\b[^\n]*?\s--project[=\s]([a-z][a-z0-9-]{4,28}[a-z0-9])\b/g, build: (name) => gcpProjectIdentity(name) },
  // The Cloud SQL instance a Cloud Run deploy connects the service to (the flag is gcloud's alone, often on a continued line).
  { regex: /--(?:add|set)-cloudsql-instances[=\s]+["']?([a-z][a-z0-9-]*:[a-z0-9-]+:[a-z0-9-]+)/g, build: (name) => cloudSqlIdentity(name) },
  { regex: /\bfirebase(?:-tools)?\s+(?:deploy|use|firestore:delete|database:set|database:remove)\b[^\n]*?\s(?:--project[=\s]|-P\s)([a-z][a-z0-9-]+)/g, build: firebaseProjectIdentity },
  // The Supabase project a job links to or pushes migrations and functions to.
  { regex: /\bsupabase\s+(?:link|db\s+(?:push|pull|reset|dump)|functions\s+deploy|secrets\s+set|migration\s+(?:up|repair))\b[^\n]*?\s--project-ref[=\s]["']?([a-z]{20})\b/g, build: supabaseProjectIdentity },
  { regex: /\brailway\s+(?:up|run|redeploy|variables|link|down)\b[^\n]*?\s(?:--environment[=\s]|-e\s)([A-Za-z0-9_-]+)/g, build: railwayEnvironmentIdentity },
];

/** A Firebase project by id or by its `.firebaserc` alias (`--project production`). */
function firebaseProjectIdentity(name: string): ResourceIdentity | undefined {
  const project = gcpProjectIdentity(name, true);
  if (!project) return { kind: 'project', identity: `firebase-alias:${name.toLowerCase()}`, otherIdentities: [], display: `Firebase project alias ${name}`, name, secrets: [] };
  return { ...project, otherIdentities: [...project.otherIdentities, `firebase-alias:${name.toLowerCase()}`] };
}

function workspaceIdentity(name: string): ResourceIdentity | undefined {
  if (name.includes('$')) return undefined;
  return { kind: 'terraform-state', identity: `tfstate:workspace:${name.toLowerCase()}`, otherIdentities: [], display: `Terraform workspace ${name}`, name, secrets: [] };
}

function varFileIdentity(path: string): ResourceIdentity | undefined {
  if (path.includes('$')) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return { kind: 'stack', identity: `stack:tfvars:${path.toLowerCase()}`, otherIdentities: [], display: `Terraform variables ${path}`, name, secrets: [] };
}

function serverlessStageIdentity(name: string): ResourceIdentity | undefined {
  return { kind: 'stack', identity: `stack:serverless:${name.toLowerCase()}`, otherIdentities: [], display: `Serverless stage ${name}`, name, secrets: [] };
}

function railwayEnvironmentIdentity(name: string): ResourceIdentity | undefined {
  return { kind: 'project', identity: `railway-environment:${name.toLowerCase()}`, otherIdentities: [], display: `Railway environment ${name}`, name, secrets: [] };
}

/** Secrets and variables read by name (`${{ secrets.PROD_DB_URL }}`) and command targets, on their own lines. */
function scanText(rec: Recorder, node: DataNode, tag: EnvTag, family?: string): void {
  const { text, record } = nodeText(rec, node, tag, family);
  for (const match of text.matchAll(/\$\{\{([^}]*)\}\}/g)) {
    for (const reference of match[1]!.matchAll(/\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (reference[2] === 'GITHUB_TOKEN') continue;
      record(secretIdentity(reference[2]!), match.index, `${reference[1]}.${reference[2]}`);
    }
  }
  for (const { regex, build } of TARGETS) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const identity = build(match[1]!);
      if (identity) record(identity, match.index, match[0].split(/\s+/).slice(0, 2).join(' '));
    }
  }
  if (/\b(?:terraform|tofu|terragrunt)\b/.test(text)) {
    for (const variable of terraformCliVariables(text)) {
      for (const identity of identifyValue(variable.value, { variable: variable.name, path: [variable.name], projectKeys: true })) record(identity, variable.index, `-var ${variable.name}`);
    }
  }
  deployCommands(text, record);
}

/**
 * What a job's deploy commands give the environment: another environment's configuration (`helm upgrade … -f
 * values-production.yaml`, `kubectl apply -k overlays/production`), judged by its name as files of variables are, and
 * the values `helm --set key=value` writes. Compose files are left out: `docker-compose.prod.yml` is as often the
 * production build every deployed environment runs as production's own.
 */
const CONFIG_FILES: ReadonlyArray<{ regex: RegExp; store: 'values-file' | 'config-file' }> = [
  { regex: /(?<=\bhelm(?:file)?\s+(?:upgrade|install|template|diff|apply|sync)\b[^\n]*?)\s(?:-f|--values)[=\s]+["']?([\w./-]+\.ya?ml)\b/g, store: 'values-file' },
  { regex: /\b(?:kubectl\s+(?:apply|diff|replace|create)\b[^\n]*?\s(?:-k|--kustomize)[=\s]+|kustomize\s+build\s+)["']?([\w./-]+)/g, store: 'config-file' },
];
const HELM_SET = /(?<=\bhelm\s+(?:upgrade|install|template)\b[^\n]*?)\s--set(?:-string)?[=\s]+["']?([\w.-]+)=([^\s,"']+)/g;

function deployCommands(text: string, record: (identity: ResourceIdentity, index: number, variable: string) => void): void {
  if (!/\b(?:helm|helmfile|kubectl|kustomize)\b/.test(text)) return;
  for (const { regex, store } of CONFIG_FILES) {
    for (const match of text.matchAll(regex)) {
      const path = match[1]!.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
      record(secretIdentity(path, store), match.index + match[0].indexOf(match[1]!), path);
    }
  }
  for (const match of text.matchAll(HELM_SET)) {
    const key = match[1]!;
    const variable = key.slice(key.lastIndexOf('.') + 1);
    for (const identity of identifyValue(match[2]!, { variable, path: key.split('.') })) record(identity, match.index + match[0].indexOf(match[2]!), `--set ${key}`);
  }
}

function scanDeployCommands(rec: Recorder, job: DataNode, tag: EnvTag, family?: string): void {
  const { text, record } = nodeText(rec, job, tag, family);
  deployCommands(text, record);
}

/** The source lines of a node, and a recorder for what they name at an offset (lines that are comments name nothing). */
function nodeText(rec: Recorder, node: DataNode, tag: EnvTag, family?: string): { text: string; record: (identity: ResourceIdentity, index: number, variable: string) => void } {
  const file = rec.file;
  const start = offsetOf(rec, node.span.line, 1);
  const end = node.span.endLine < file.lineStarts.length ? offsetOf(rec, node.span.endLine + 1, 1) : file.text.length;
  const record = (identity: ResourceIdentity, index: number, variable: string) => {
    const position = file.positionAt(start + index);
    if (file.line(position.line).trimStart().startsWith('#')) return;
    const span: Span = { line: position.line, column: position.column, endLine: position.line, endColumn: position.column + 1 };
    rec.resource(tag, identity, span, { variable, family });
  };
  return { text: file.text.slice(start, end), record };
}

function offsetOf(rec: Recorder, line: number, column: number): number {
  return (rec.file.lineStarts[line - 1] ?? rec.file.text.length) + column - 1;
}
