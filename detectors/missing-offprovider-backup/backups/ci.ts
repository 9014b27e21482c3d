// CI pipelines and scripts as backup jobs: GitHub Actions workflows (steps, actions that upload, scheduled triggers,
// service containers), GitLab CI jobs, and plain scripts (shell, Makefile, justfile, crontab, Procfile, Dockerfile,
// package.json scripts).
import type { Span } from '../../../src/model.js';
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { parseYaml } from '../../../src/parse/yaml.js';
import { environmentNamed, environmentOf, fileNameOf, jobEnvironmentOf, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { classifyDestination, parseArn } from './destinations.js';
import { fileLines, readJob, scalarLines, type ExtraUpload, type Job } from './jobs.js';
import { scanTerraformCliValues } from '../inventory/terraform-variables.js';
import { holdsGitlabJobs, isGitlabCiName, mayBeIncludedGitlabCi } from '../../../knowledge/environments/gitlab.js';

export function isGithubWorkflow(path: string): boolean {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}

/** `.gitlab-ci.yml`, a file it includes by name (`backup.gitlab-ci.yml`), or one in a folder of CI files that holds jobs. */
export function isGitlabCi(path: string, root: () => DataNode | undefined): boolean {
  return isGitlabCiName(path) || (mayBeIncludedGitlabCi(path) && holdsGitlabJobs(root()));
}

/** Literal `env:` values of a map (workflow, job or step), for resolving `$VAR` in scripts. */
function envOf(node: DataNode | undefined, into: Map<string, string>): void {
  const map = mapOf(node);
  if (!map) return;
  for (const entry of map.entries) {
    const value = textOf(entry.value);
    if (value !== undefined && !/\$\{\{\s*secrets\./.test(value)) into.set(entry.key, value);
  }
}

export function scanGithubWorkflow(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const on = root.entries.find((entry) => entry.key === 'on' || entry.key === 'true')?.value;
  const scheduled = !!mapOf(on)?.entries.some((entry) => entry.key === 'schedule');
  const workflowName = literalOf(getKey(root, 'name')) ?? fileNameOf(inventory.path);
  const workflowEnv = new Map<string, string>();
  envOf(getKey(root, 'env'), workflowEnv);
  const jobs = mapOf(getKey(root, 'jobs'));
  if (!jobs) return;
  for (const entry of jobs.entries) {
    const job = mapOf(entry.value);
    if (!job) continue;
    const env = new Map(workflowEnv);
    envOf(getKey(job, 'env'), env);
    for (const [key, value] of env) {
      if (/^SUPABASE_PROJECT_(ID|REF)$/.test(key) && /^[a-z]{20}$/.test(value)) inventory.context({ kind: 'supabase-hosted', name: value, value: key, location: inventory.line(entry.keySpan.line) });
    }
    const environmentNode = getKey(job, 'environment');
    const environmentName = literalOf(environmentNode) ?? literalOf(getKey(mapOf(environmentNode), 'name'));
    const services = (mapOf(getKey(job, 'services'))?.entries ?? []).map((service) => literalOf(getKey(mapOf(service.value), 'image')) ?? literalOf(service.value) ?? '').filter(Boolean);
    const runsOn = textOf(getKey(job, 'runs-on')) ?? '';
    const scripts: Array<{ text: string; from: number; to: number }> = [];
    const extra: ExtraUpload[] = [];
    let awsAccount: string | undefined;
    let localCluster = false;
    for (const stepNode of itemsOf(getKey(job, 'steps'))) {
      const step = mapOf(stepNode);
      if (!step) continue;
      envOf(getKey(step, 'env'), env);
      const run = getKey(step, 'run');
      const text = textOf(run);
      if (run && text) scripts.push({ text, from: run.span.line, to: run.span.endLine });
      const uses = literalOf(getKey(step, 'uses'))?.toLowerCase() ?? '';
      const withMap = mapOf(getKey(step, 'with'));
      const withText = (key: string) => textOf(getKey(withMap, key));
      const line = step.span.line;
      if (LOCAL_CLUSTER_ACTIONS.test(uses)) localCluster = true;
      if (uses.startsWith('aws-actions/configure-aws-credentials')) {
        awsAccount = parseArn(withText('role-to-assume') ?? '')?.account ?? awsAccount;
      } else if (uses.startsWith('aws-actions/aws-cloudformation-github-deploy')) {
        // Its `tags` are the stack's, which CloudFormation gives every resource of `template` (a URL is no local file).
        const template = withText('template');
        const local = template && !/^(?:https?:|s3:|\/)|\$/.test(template) ? template.replace(/^\.\//, '') : undefined;
        const tags = getKey(withMap, 'tags');
        if (tags !== undefined) for (const tag of actionStackTags(textOf(tags), tags.span)) inventory.context({ kind: 'default-tags', name: tag, value: local ?? '*', location: inventory.line(line) });
      } else if (uses.startsWith('actions/upload-artifact')) {
        extra.push({ tool: 'actions/upload-artifact', destination: { display: 'GitHub Actions artifacts (kept 90 days at most)', provider: 'github', unresolved: false }, line, fileLevel: false });
      } else if (/^(stefanzweifel\/git-auto-commit-action|endbug\/add-and-commit)/.test(uses)) {
        // Supabase's documented backup: dump files committed back to the repository, whose history keeps them.
        extra.push({ tool: uses.split('@')[0]!, destination: { display: 'the repository on GitHub (committed by the workflow)', provider: 'github', unresolved: false }, line, fileLevel: false });
      } else if (uses.startsWith('jakejarvis/s3-sync-action')) {
        const bucket = env.get('AWS_S3_BUCKET');
        extra.push({ tool: 's3-sync-action', destination: classifyDestination(bucket ? `s3://${bucket}` : '$AWS_S3_BUCKET', env.get('AWS_S3_ENDPOINT')), line, fileLevel: true });
      } else if (/^(shallwefootball\/s3-upload-action|keithweaver\/aws-s3-github-action|ryand56\/r2-upload-action|google-github-actions\/upload-cloud-storage|bacongobbler\/azure-blob-storage-upload)/.test(uses)) {
        const bucket = withText('aws_bucket') ?? withText('r2-bucket') ?? withText('destination') ?? withText('container_name') ?? '';
        const endpoint = withText('endpoint') ?? (uses.startsWith('ryand56') ? `https://${withText('r2-account-id') ?? 'account'}.r2.cloudflarestorage.com` : undefined);
        const raw = uses.startsWith('google') ? `gs://${bucket}` : uses.startsWith('bacongobbler') ? `azure://${bucket}` : uses.startsWith('ryand56') ? `r2://${bucket}` : `s3://${bucket}`;
        extra.push({ tool: uses.split('@')[0]!, destination: classifyDestination(raw, uses.startsWith('ryand56') || uses.startsWith('google') || uses.startsWith('bacongobbler') ? undefined : endpoint), line, fileLevel: false });
      } else if (uses.startsWith('appleboy/ssh-action')) {
        const script = getKey(withMap, 'script');
        const scriptText = textOf(script);
        if (script && scriptText) {
          // Runs on the server: the dump and any compose `up` happen there.
          readJob(inventory, scriptText, { name: `${workflowName} ${entry.key}`, scheduled, environment: environmentNamed(environmentName), env, ephemeral: false, remote: true, lineOf: scalarLines(inventory, scriptText, script.span.line, script.span.endLine), awsAccount }, []);
          if (/git pull|docker|systemctl|pm2|kamal|restart|npm (run )?start/.test(scriptText) && !/backup|dump/i.test(`${workflowName} ${entry.key}`)) {
            inventory.context({ kind: 'deploys', value: 'ssh', location: inventory.line(step.span.line) });
          }
        }
      } else if (/^(superfly\/flyctl-actions|amondnet\/vercel-action|akhileshns\/heroku-deploy|dokku\/github-action|azure\/webapps-deploy|google-github-actions\/deploy-|aws-actions\/amazon-ecs-deploy|bervProject\/railway-deploy|cloudflare\/wrangler-action|netlify\/actions)/i.test(uses)) {
        inventory.context({ kind: 'deploys', value: uses.split('/')[0]!, location: inventory.line(line) });
      }
    }
    const ephemeral = !/self-hosted/.test(runsOn);
    const name = `${workflowName} ${entry.key}`;
    const script = scripts.map((piece) => piece.text).join('\n');
    const pieces = scripts;
    const lineOf = (offset: number): number => {
      let base = 0;
      for (const piece of pieces) {
        if (offset <= base + piece.text.length) return scalarLines(inventory, piece.text, piece.from, piece.to)(offset - base);
        base += piece.text.length + 1;
      }
      return entry.keySpan.line;
    };
    const jobFacts: Job = { name, scheduled, environment: environmentNamed(environmentName) ?? jobEnvironmentOf(inventory.path, []), env, ephemeral, services, awsAccount, lineOf, localCluster };
    readJob(inventory, script, jobFacts, extra);
    const directory = terraformDirectory(job) ?? textOf(getKey(getKey(getKey(root, 'defaults'), 'run'), 'working-directory'));
    scanTerraformCliValues(inventory, { script, env, environment: jobFacts.environment, directory, line: entry.keySpan.line });
  }
}

/** Where a job runs Terraform: the `working-directory` of the step that runs it, else the job's default. */
function terraformDirectory(job: MapNode): string | undefined {
  const step = itemsOf(getKey(job, 'steps')).find((candidate) => /\b(?:terraform|tofu|terragrunt)\b/.test(textOf(getKey(candidate, 'run')) ?? ''));
  return textOf(getKey(step, 'working-directory')) ?? textOf(getKey(getKey(getKey(job, 'defaults'), 'run'), 'working-directory'));
}

/** Actions that start a Kubernetes cluster on the runner, for tests: kind, minikube, k3d/k3s, chart-testing. */
const LOCAL_CLUSTER_ACTIONS = /^(helm\/kind-action|engineerd\/setup-kind|medyagh\/setup-minikube|manusa\/actions-setup-minikube|absaoss\/k3d-action|nolar\/setup-k3d-k3s|debianmaster\/actions-k3s|helm\/chart-testing-action)@?/;

export function scanGitlabCi(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const globalEnv = new Map<string, string>();
  envOf(getKey(root, 'variables'), globalEnv);
  for (const entry of root.entries) {
    const job = mapOf(entry.value);
    if (!job || entry.key.startsWith('.') && !getKey(job, 'script')) continue;
    const scriptNode = getKey(job, 'script');
    if (!scriptNode) continue;
    const lines = [...itemsOf(getKey(job, 'before_script')), ...itemsOf(scriptNode), ...itemsOf(getKey(job, 'after_script'))];
    const text = lines.map((line) => textOf(line) ?? '').join('\n');
    const env = new Map(globalEnv);
    envOf(getKey(job, 'variables'), env);
    const rules = JSON.stringify(simple(getKey(job, 'rules'))) + JSON.stringify(simple(getKey(job, 'only')));
    const scheduled = /schedule/.test(rules);
    const services = itemsOf(getKey(job, 'services')).map((service) => literalOf(service) ?? literalOf(getKey(mapOf(service), 'name')) ?? '').filter(Boolean);
    const environmentNode = getKey(job, 'environment');
    const environment = environmentNamed(literalOf(environmentNode) ?? literalOf(getKey(mapOf(environmentNode), 'name')));
    const from = scriptNode.span.line;
    readJob(inventory, text, { name: entry.key, scheduled, environment, env, ephemeral: true, services, lineOf: scalarLines(inventory, text, Math.min(from, getKey(job, 'before_script')?.span.line ?? from), job.span.endLine) });
    scanTerraformCliValues(inventory, { script: text, env, environment, line: entry.keySpan.line });
  }
}

/** Plain-text scripts: shell, Makefile, justfile, crontab, Procfile, Dockerfile. */
export function scanScriptFile(inventory: Inventory): void {
  const name = fileNameOf(inventory.path).toLowerCase();
  let text = inventory.file.text;
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) {
    // Only what runs in the container: RUN, CMD and ENTRYPOINT lines.
    text = text.replace(/^(?!\s*(RUN|CMD|ENTRYPOINT)\b).*$/gim, '').replace(/^\s*(RUN|CMD|ENTRYPOINT)\s+/gim, '');
  } else if (/crontab|\.cron$/.test(name) || /(^|\/)cron\.d\//.test(inventory.path)) {
    // `m h dom mon dow [user] command`: drop the schedule fields.
    text = text.replace(/^\s*(@\w+|([\d*,/-]+\s+){5})(\w+\s+(?=\S*\/))?/gm, '');
  } else if (name === 'procfile') {
    text = text.replace(/^[\w-]+:\s*/gm, '');
  } else if (name === 'makefile' || name.endsWith('.mk') || name === 'justfile') {
    text = text.replace(/^[^\t#\n][^\n]*:[^\n=]*$/gm, '').replace(/^\t@?-?/gm, '');
  }
  const scheduled = /crontab|\.cron$/.test(name) || /(^|\/)cron\.d\//.test(inventory.path);
  readJob(inventory, text, { name: inventory.path, scheduled, environment: jobEnvironmentOf(inventory.path, []), env: new Map(), ephemeral: false, lineOf: fileLines(inventory) });
}

/** A cloud-init user-data file (`#cloud-config`): what a server runs when it is created. */
export function isCloudConfig(text: string): boolean {
  return /^#cloud-config[ \t]*\r?$/m.test(text.slice(0, 200));
}

/**
 * cloud-init user data: `runcmd` and `bootcmd` run on the server once, and `write_files` installs crontabs and
 * scripts there (`/etc/cron.d/pg-offsite` running `pg_dumpall | aws s3 cp - s3://…`). Each is a job on the server.
 */
export function scanCloudConfig(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const environment = jobEnvironmentOf(inventory.path, []);
  const run = (script: string, node: DataNode, scheduled: boolean): void => {
    readJob(inventory, script, { name: `${inventory.path} ${scheduled ? 'cron' : 'runcmd'}`, scheduled, environment, env: new Map(), ephemeral: false, remote: true, lineOf: scalarLines(inventory, script, node.span.line, node.span.endLine) });
  };
  for (const key of ['runcmd', 'bootcmd']) {
    for (const item of itemsOf(get(root, key))) {
      // A command is a string for the shell, or a list of argv words.
      const script = item.kind === 'seq' ? item.items.map((word) => textOf(word) ?? '').join(' ') : textOf(item);
      if (script) run(script, item, false);
    }
  }
  for (const file of itemsOf(get(root, 'write_files'))) {
    const path = literalOf(get(file, 'path')) ?? '';
    const content = get(file, 'content');
    const text = textOf(content);
    if (!text || !content) continue;
    const cron = /(?:^|\/)cron\.(?:d|daily|hourly|weekly|monthly)\/|crontab/.test(path);
    if (!cron && !/\.sh$/.test(path)) continue;
    // A crontab line is `m h dom mon dow [user] command`: the schedule fields go, as in a crontab file.
    const script = cron ? text.replace(/^\s*(@\w+|([\d*,/-]+\s+){5})(\w+\s+(?=\S))?/gm, '') : text;
    run(script, content, cron);
  }
}

/** package.json `scripts`: each script is a small job. */
export function scanPackageScripts(inventory: Inventory): void {
  const scripts = mapOf(getKey(mapOf(inventory.file.data()?.roots[0]), 'scripts'));
  if (!scripts) return;
  for (const entry of scripts.entries) {
    const text = literalOf(entry.value);
    if (!text) continue;
    const line = entry.keySpan.line;
    readJob(inventory, text, { name: entry.key, scheduled: false, environment: environmentOf(inventory.path, [entry.key]), env: new Map(), ephemeral: false, lineOf: () => line });
  }
}

function getKey(node: DataNode | MapNode | undefined, key: string): DataNode | undefined {
  const map = mapOf(node);
  return map?.entries.find((entry) => entry.key === key)?.value;
}

/** A plain JSON-able view of a node, for keyword tests on small subtrees. */
function simple(node: DataNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.expression ?? node.value;
  if (node.kind === 'seq') return node.items.map(simple);
  return Object.fromEntries(node.entries.map((entry) => [entry.key, simple(entry.value)]));
}

/**
 * The stack tags of aws-cloudformation-github-deploy's `tags` input, a JSON (or YAML) list of `{Key, Value}` or a map:
 * each as `key=value` (lowercase), `*` for one an expression sets, or for all when the input cannot be read.
 */
function actionStackTags(text: string | undefined, span: Span): string[] {
  const parsed = text === undefined ? undefined : parseYaml(text, () => span);
  const root = parsed?.ok ? parsed.value.roots[0] : undefined;
  const pairs: Array<[string | undefined, string | undefined]> =
    root?.kind === 'seq'
      ? root.items.map((item) => [literalOf(get(item, 'Key')), literalOf(get(item, 'Value'))])
      : (mapOf(root)?.entries.map((entry): [string, string | undefined] => [entry.key, literalOf(entry.value)]) ?? []);
  if (pairs.length === 0) return ['*'];
  return pairs.map(([key, value]) => (key !== undefined && value !== undefined && !/\$\{\{/.test(`${key}${value}`) ? `${key}=${value}`.toLowerCase() : '*'));
}
