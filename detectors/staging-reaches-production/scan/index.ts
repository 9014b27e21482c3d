// The per-file pass: classify the file, let the handler for its kind find the environments it configures and the
// resources each one names, and publish them as facts. Nothing is reported here except commands that clone
// production; the cross-file pass compares environments once every file is read.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import type { DataDocument, DataNode } from '../../../src/parse/data-tree.js';
import { parseYaml } from '../../../src/parse/yaml.js';
import { parseDotenv, parseIni } from '../../../src/parse/lines.js';
import { classifyOutsideGitlab, classifyPath, type FileClass } from './files.js';
import { holdsGitlabJobs, holdsStagedGitlabJobs, isGitlabCiName, mayHoldGitlabJobs } from '../../../knowledge/environments/gitlab.js';
import { BASE, Recorder } from './recorder.js';
import { walkSection, type WalkOptions } from './tree.js';
import { topSection, walkOptions } from './sections.js';
import { scanDotenv } from './handlers/dotenv.js';
import { scanComposeFile } from './handlers/compose.js';
import { valueTaggedSection, scanHelmfileEnvironments, scanKubernetesDocument } from './handlers/kubernetes.js';
import { scanTerraform, scanTerragrunt } from './handlers/terraform.js';
import { scanFly, scanWrangler, scanHerokuAppJson, scanNetlify, scanRender, scanVercelJson, scanFirebaserc, scanSupabaseConfig, scanServerless, scanEasJson, scanDoAppSpec, scanNomadJobs, scanCopilotManifest } from './handlers/platforms.js';
import { scanGitlabCi, scanWorkflow } from './handlers/workflows.js';
import { scanCiPipeline, scanDronePipeline } from './handlers/pipelines.js';
import { scanJenkinsfile } from './handlers/jenkins.js';
import { scanBicepParams, scanCapistranoStage, scanKamal, scanLitestream, scanRailsEnvironment, scanRailsStorage, scanRailsStorageBuckets, scanSpringDocument } from './handlers/frameworks.js';
import { scanCdkApp, scanElixirConfig, scanJsConfig, scanPythonSettings } from './handlers/code.js';
import { scanCommands } from '../rules/cloned.js';
import { scanGcloudDeploys } from './handlers/gcloud.js';
import { scanVolumeCommands } from './handlers/volume-commands.js';
import { scanComposeCommands } from './handlers/compose-commands.js';
import { scanFlyAttach } from './handlers/fly-commands.js';
import { scanVercelEnvAdds } from './handlers/vercel-commands.js';
import { scanSstConfig } from './handlers/sst.js';
import { scanSamConfig } from './handlers/sam.js';
import { scanVapor } from './handlers/vapor.js';
import { scanPulumiProgram } from './handlers/pulumi.js';

export function scanEnvironmentFile(file: SourceFile, out: FileEmitter): void {
  const cls = classifyPath(file.path);
  if (!cls) return;
  const rec = new Recorder(file, out, cls.templateOf);
  try {
    dispatch(file, cls, rec, out);
  } finally {
    rec.flush();
  }
}

function dispatch(file: SourceFile, cls: FileClass, rec: Recorder, out: FileEmitter): void {
  switch (cls.kind) {
    case 'commands':
      scanCommands(file, out);
      scanGcloudDeploys(rec, cls);
      scanVolumeCommands(rec, cls);
      scanComposeCommands(rec);
      scanFlyAttach(rec);
      scanVercelEnvAdds(rec);
      return;
    case 'python-settings':
      scanPythonSettings(rec, cls);
      return;
    case 'js-config':
      scanJsConfig(rec, cls);
      return;
    case 'rails-environment':
      scanRailsEnvironment(rec, cls);
      return;
    case 'rails-storage':
      // Then read as data below, when it parses.
      scanRailsStorageBuckets(rec);
      break;
    case 'elixir-config':
      scanElixirConfig(rec, cls);
      return;
    case 'capistrano':
      scanCapistranoStage(rec, cls);
      return;
    case 'bicepparam':
      scanBicepParams(rec, cls);
      return;
    case 'cdk-app':
      scanCdkApp(rec);
      return;
    case 'pulumi-program':
      scanPulumiProgram(rec, cls);
      return;
    case 'sst':
      scanSstConfig(rec);
      return;
    case 'jenkinsfile':
      scanJenkinsfile(rec, cls);
      return;
    case 'app-engine':
      // Only App Engine's own file (a top-level `runtime:`) is the default service's; another app.yaml is data.
      if (!APP_ENGINE_RUNTIME.test(file.text)) return dispatch(file, { ...cls, kind: 'data', tag: BASE }, rec, out);
      break;
  }
  // A file `.gitlab-ci.yml` includes from a folder of any name (`include: local: deploy/staging.yml`) is known by its jobs.
  if (cls.kind === 'data' && file.format === 'yaml' && mayHoldGitlabJobs(file.text)) {
    const document = file.data();
    if (document && document.roots.length === 1 && holdsStagedGitlabJobs(document.roots[0])) return scanGitlabCi(rec, cls, document);
  }
  // A file whose path names no environment matters only if its content does; most data files do not, so skip the parse.
  if (cls.role === 'plain' && cls.tag.environment === 'base' && UNPLACED_KINDS.has(cls.kind) && !namesEnvironmentsInside(file.text, file.format === 'toml')) return;
  const document = cls.kind === 'rails-database' && ERB_CONTROL.test(file.text) ? parseWithoutErbControl(file, rec) : cls.format !== file.format ? parseAs(file, cls) : file.data();
  if (!document) return;
  switch (cls.kind) {
    case 'dotenv':
      return scanDotenv(rec, cls, document);
    case 'compose':
      return scanComposeFile(rec, cls, document);
    case 'terraform':
    case 'tfvars':
      return scanTerraform(rec, cls, document);
    case 'terragrunt':
      return scanTerragrunt(rec, cls, document);
    case 'render':
      return scanRender(rec, cls, document);
    case 'fly':
      return scanFly(rec, cls, document);
    case 'netlify':
      return scanNetlify(rec, cls, document);
    case 'heroku-app':
      return scanHerokuAppJson(rec, cls, document);
    case 'vercel':
      return scanVercelJson(rec, cls, document);
    case 'firebaserc':
      return scanFirebaserc(rec, cls, document);
    case 'supabase':
      return scanSupabaseConfig(rec, cls, document);
    case 'serverless':
      return scanServerless(rec, cls, document);
    case 'sam-config':
      return scanSamConfig(rec, cls, document);
    case 'vapor':
      return scanVapor(rec, cls, document);
    case 'eas':
      return scanEasJson(rec, cls, document);
    case 'copilot':
      return scanCopilotManifest(rec, cls, document);
    case 'workflow':
      // Its run steps are commands too: `railway environment new … --duplicate production` in a pull-request job.
      scanCommands(file, out);
      return scanWorkflow(rec, cls, document);
    case 'ci-pipeline':
      return scanCiPipeline(rec, document);
    case 'drone':
      return scanDronePipeline(rec, cls, document);
    case 'gitlab-ci': {
      if (isGitlabCiName(file.path) || holdsGitlabJobs(document.roots[0])) return scanGitlabCi(rec, cls, document);
      const other = classifyOutsideGitlab(file.path);
      return other ? dispatch(file, other, rec, out) : undefined;
    }
    case 'do-app':
      return scanDoAppSpec(rec, cls, document);
    case 'nomad':
      return scanNomadJobs(rec, cls, document);
    case 'railway':
      return walkDocument(rec, cls, document, { explicitEnvironmentMaps: ['environments'] });
    case 'wrangler':
      return scanWrangler(rec, cls, document);
    case 'rails-database':
    case 'sequelize':
      return walkDocument(rec, cls, document, { explicitEnvironmentMaps: [''], databaseFile: true });
    case 'spring':
      for (const root of document.roots) scanSpringDocument(rec, cls, root);
      return;
    case 'helmfile':
      scanHelmfileEnvironments(rec, document);
      return walkDocument(rec, cls, document);
    case 'rails-storage':
      for (const root of document.roots) scanRailsStorage(rec, cls, root);
      return;
    case 'kamal':
      for (const root of document.roots) scanKamal(rec, cls, root);
      return;
    case 'litestream':
      for (const root of document.roots) scanLitestream(rec, cls, root);
      return;
    default:
      for (const root of document.roots) {
        if (isKubernetesObject(root) || (cls.kind === 'kustomization' && root.kind === 'map')) scanKubernetesDocument(rec, cls, root);
        else walkSection(rec, valueTaggedSection(rec, cls, root) ?? topSection(cls, root), walkOptions(cls));
      }
  }
}

export function walkDocument(rec: Recorder, cls: FileClass, document: DataDocument, extra: Partial<WalkOptions> = {}): void {
  for (const root of document.roots) walkSection(rec, topSection(cls, root), { ...walkOptions(cls), ...extra });
}

const APP_ENGINE_RUNTIME = /^runtime[ \t]*:/m;
const UNPLACED_KINDS = new Set<FileClass['kind']>(['data', 'node-config', 'helm-values', 'kustomization', 'spring', 'dotnet', 'kamal', 'tfvars']);
const ENVIRONMENT_TABLE = /^[ \t]*\[\[?[ \t]*(?:env|environments?)\.(?:production|prod|prd|staging|stage|stg|preview|development|dev|qa|uat|test)\b/im;
/** Keys that are an environment's name: a lookup map keyed by environments (`production: {...}`, `"staging":`). */
const ENVIRONMENT_KEYS = new Set(['production', 'prod', 'prd', 'staging', 'stage', 'stg', 'preprod', 'uat', 'qa', 'preview', 'review', 'development', 'dev', 'develop', 'test', 'testing', 'sandbox', 'demo']);
/** Keys whose value names an environment (`namespace: orders-prod`, `RAILS_ENV=staging`). */
const PLACING_KEYS = new Set(['namespace', 'environment', 'env', 'stage', 'on-profile', 'profiles', 'app_env', 'rails_env', 'deploy_env']);
const ENVIRONMENT_TOKEN = /prod|prd|stag|stg|dev|preview|review|uat|qa|test|sandbox|demo/i;

/**
 * Content that could place values in an environment: a key named after one (two of them: `test:` alone is a CI job
 * or a flag), a key whose value names one, or a TOML table named for one. Read from each `:` and `=` back to the key
 * and on to the value: two searches for single characters instead of patterns tried at every blank (a third less
 * time on the data files of the bench's generated monorepo, the same answer on 24,000 data files of public code).
 */
function namesEnvironmentsInside(text: string, toml: boolean): boolean {
  // TOML tables named for an environment: wrangler's `[env.staging]`, `[[env.staging.d1_databases]]`.
  if (toml && ENVIRONMENT_TABLE.test(text)) return true;
  let firstKey: string | undefined;
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  while (colon !== -1 || equals !== -1) {
    let at: number;
    if (equals === -1 || (colon !== -1 && colon < equals)) {
      at = colon;
      colon = text.indexOf(':', at + 1);
    } else {
      at = equals;
      equals = text.indexOf('=', at + 1);
    }
    // The key: blanks and one closing quote back from the operator, then the word.
    let end = at;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    const quote = end > 0 ? text.charCodeAt(end - 1) : 0;
    if (quote === 34 || quote === 39) end--;
    let start = end;
    while (start > 0 && end - start <= 40 && isWordCharacter(text.charCodeAt(start - 1))) start--;
    if (start === end || end - start > 40) continue;
    // Compared in place, case-insensitively: most keys are none of the words, and a slice per key cost a third of the
    // function's time on the data files of the bench's generated monorepo.
    const key = wordAt(text, start, end, ENVIRONMENT_KEYS_BY_LENGTH);
    const before = start === 0 ? 32 : text.charCodeAt(start - 1);
    if (key !== undefined && (isBlank(before) || before === 123 || before === 44 || before === 34 || before === 39)) {
      if (firstKey !== undefined && firstKey !== key) return true;
      firstKey = key;
    }
    // `on-profile` holds a dash; the other placing keys are words that start at a word boundary (`my-env:`, not `my_env:`).
    let tail = end;
    while (tail > start && text.charCodeAt(tail - 1) !== 45) tail--;
    const placing = (end - start >= 10 && wordAt(text, end - 10, end, ON_PROFILE) !== undefined) || wordAt(text, tail, end, PLACING_KEYS_BY_LENGTH) !== undefined;
    if (placing && placesInEnvironment(text, at + 1)) return true;
  }
  return false;
}

/** Words by length, for comparing a key in place. */
function byLength(words: Iterable<string>): ReadonlyMap<number, readonly string[]> {
  const map = new Map<number, string[]>();
  for (const word of words) map.set(word.length, [...(map.get(word.length) ?? []), word]);
  return map;
}

/** The word (lowercase) that `text[start, end)` spells in any case, if it is one of them. */
function wordAt(text: string, start: number, end: number, words: ReadonlyMap<number, readonly string[]>): string | undefined {
  const candidates = words.get(end - start);
  if (!candidates) return undefined;
  for (const word of candidates) {
    let index = 0;
    while (index < word.length && lowerCode(text.charCodeAt(start + index)) === word.charCodeAt(index)) index++;
    if (index === word.length) return word;
  }
  return undefined;
}

function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

const ENVIRONMENT_KEYS_BY_LENGTH = byLength(ENVIRONMENT_KEYS);
const PLACING_KEYS_BY_LENGTH = byLength([...PLACING_KEYS].filter((key) => key !== 'on-profile'));
const ON_PROFILE = byLength(['on-profile']);

/** The value after an operator, blanks and a quote skipped: a word (letters, digits, `_`, `-`) naming an environment. */
function placesInEnvironment(text: string, from: number): boolean {
  let start = from;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  const quote = text.charCodeAt(start);
  if (quote === 34 || quote === 39) start++;
  let end = start;
  while (end < text.length && isWordCharacter(text.charCodeAt(end))) end++;
  return end > start && ENVIRONMENT_TOKEN.test(text.slice(start, end));
}

function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** `\w` and `-`. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** An ERB control tag on a line of its own (`<% if ENV['REPLICA'] %>`), which YAML cannot read. */
const ERB_CONTROL = /^[ \t]*<%(?!=)[^\n]*%>[ \t]*$/m;

/**
 * Rails renders database.yml through ERB before reading it as YAML. Control tags are blanked (offsets kept, so
 * lines still match the file) and the rest is read as YAML; both branches of a conditional are then visible.
 */
function parseWithoutErbControl(file: SourceFile, rec: Recorder): DataDocument | undefined {
  const blanked = file.text.replace(/^([ \t]*)(<%(?!=)[^\n]*%>)([ \t]*)$/gm, (_whole, before: string, tag: string, after: string) => before + ' '.repeat(tag.length) + after);
  const parsed = parseYaml(blanked, (start, end) => file.spanOf(start, end));
  if (parsed.ok) return parsed.value;
  rec.notify('environment-config-unreadable', `${file.path} could not be read as YAML after rendering away its ERB tags (${parsed.error.message}); its environments were not read.`, parsed.error.line);
  return undefined;
}

/**
 * A file whose name hides its format from the engine (`staging.env.example` is a dotenv file, `staging.yaml.gotmpl`
 * a YAML file once helmfile renders its Go template actions, which are blanked here with their offsets kept).
 */
function parseAs(file: SourceFile, cls: FileClass): DataDocument | undefined {
  if (cls.format === 'yaml') {
    const blanked = file.text.replace(/\{\{[\s\S]*?\}\}/g, (action) => action.replace(/[^\n]/g, ' '));
    const parsed = parseYaml(blanked, (start, end) => file.spanOf(start, end));
    return parsed.ok ? parsed.value : undefined;
  }
  if (cls.format === 'ini') {
    const parsed = parseIni(file.text, (start, end) => file.spanOf(start, end));
    return parsed.ok ? parsed.value : undefined;
  }
  if (cls.format !== 'dotenv') return undefined;
  const parsed = parseDotenv(file.text, (start, end) => file.spanOf(start, end));
  return parsed.ok ? parsed.value : undefined;
}

function isKubernetesObject(root: DataNode): boolean {
  if (root.kind !== 'map') return false;
  const keys = new Set(root.entries.map((entry) => entry.key));
  return keys.has('apiVersion') && keys.has('kind');
}
