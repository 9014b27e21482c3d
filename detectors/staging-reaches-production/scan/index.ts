// The per-file pass: classify the file, let the handler for its kind find the environments it configures and the
// resources each one names, and publish them as facts. Nothing is reported here except commands that clone
// production; the cross-file pass compares environments once every file is read.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import type { DataDocument, DataNode } from '../../../src/parse/data-tree.js';
import { parseYaml } from '../../../src/parse/yaml.js';
import { classifyPath, type FileClass } from './files.js';
import { Recorder } from './recorder.js';
import { walkSection, type WalkOptions } from './tree.js';
import { topSection, walkOptions } from './sections.js';
import { scanDotenv } from './handlers/dotenv.js';
import { scanComposeFile } from './handlers/compose.js';
import { valueTaggedSection, scanKubernetesDocument } from './handlers/kubernetes.js';
import { scanTerraform, scanTerragrunt } from './handlers/terraform.js';
import { scanFly, scanWrangler, scanHerokuAppJson, scanNetlify, scanRender, scanVercelJson, scanFirebaserc, scanSupabaseConfig, scanServerless, scanDoAppSpec } from './handlers/platforms.js';
import { scanGitlabCi, scanWorkflow } from './handlers/workflows.js';
import { scanCiPipeline } from './handlers/pipelines.js';
import { scanBicepParams, scanKamal, scanRailsEnvironment, scanRailsStorage, scanSpringDocument } from './handlers/frameworks.js';
import { scanJsConfig, scanPythonSettings } from './handlers/code.js';
import { scanCommands } from '../rules/cloned.js';

export function scanEnvironmentFile(file: SourceFile, out: FileEmitter): void {
  const cls = classifyPath(file.path);
  if (!cls) return;
  const rec = new Recorder(file, out);
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
    case 'bicepparam':
      scanBicepParams(rec, cls);
      return;
  }
  // A file whose path names no environment matters only if its content does; most data files do not, so skip the parse.
  if (cls.role === 'plain' && cls.tag.environment === 'base' && UNPLACED_KINDS.has(cls.kind) && !namesEnvironmentsInside(file.text, file.format === 'toml')) return;
  const document = cls.kind === 'rails-database' && ERB_CONTROL.test(file.text) ? parseWithoutErbControl(file, rec) : file.data();
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
    case 'workflow':
      return scanWorkflow(rec, cls, document);
    case 'ci-pipeline':
      return scanCiPipeline(rec, document);
    case 'gitlab-ci':
      return scanGitlabCi(rec, cls, document);
    case 'do-app':
      return scanDoAppSpec(rec, cls, document);
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
    case 'rails-storage':
      for (const root of document.roots) scanRailsStorage(rec, cls, root);
      return;
    case 'kamal':
      for (const root of document.roots) scanKamal(rec, cls, root);
      return;
    default:
      for (const root of document.roots) {
        if (isKubernetesObject(root)) scanKubernetesDocument(rec, cls, root);
        else walkSection(rec, valueTaggedSection(rec, cls, root) ?? topSection(cls, root), walkOptions(cls));
      }
  }
}

export function walkDocument(rec: Recorder, cls: FileClass, document: DataDocument, extra: Partial<WalkOptions> = {}): void {
  for (const root of document.roots) walkSection(rec, topSection(cls, root), { ...walkOptions(cls), ...extra });
}

const UNPLACED_KINDS = new Set<FileClass['kind']>(['data', 'node-config', 'helm-values', 'kustomization', 'spring', 'dotnet', 'kamal', 'tfvars']);
// The separator before the word is a lookbehind, not a consumed group: a pattern that starts at every blank tries
// the alternation there, one that starts at the word skips most positions (a fifth less time on data files).
const ENVIRONMENT_KEY = /(?<![^\s{,"'])(production|prod|prd|staging|stage|stg|preprod|uat|qa|preview|review|development|dev|develop|test|testing|sandbox|demo)["']?\s*[:=]/gi;
const ENVIRONMENT_TABLE = /^[ \t]*\[\[?[ \t]*(?:env|environments?)\.(?:production|prod|prd|staging|stage|stg|preview|development|dev|qa|uat|test)\b/im;
const ENVIRONMENT_VALUE = /\b(namespace|environment|env|stage|on-profile|profiles|app_env|rails_env|deploy_env)["']?\s*[:=]\s*["']?[\w-]*(prod|prd|stag|stg|dev|preview|review|uat|qa|test|sandbox|demo)/i;

/** Content that could place values in an environment: a key named after one, or a namespace/environment value. */
function namesEnvironmentsInside(text: string, toml: boolean): boolean {
  if (ENVIRONMENT_VALUE.test(text)) return true;
  // TOML tables named for an environment: wrangler's `[env.staging]`, `[[env.staging.d1_databases]]`.
  if (toml && ENVIRONMENT_TABLE.test(text)) return true;
  // A lookup map keyed by environments has at least two of them (`test:` alone is a CI job or a flag).
  const keys = new Set<string>();
  for (const match of text.matchAll(ENVIRONMENT_KEY)) {
    keys.add(match[1]!.toLowerCase());
    if (keys.size >= 2) return true;
  }
  return false;
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

function isKubernetesObject(root: DataNode): boolean {
  if (root.kind !== 'map') return false;
  const keys = new Set(root.entries.map((entry) => entry.key));
  return keys.has('apiVersion') && keys.has('kind');
}
