// What kind of environment configuration a file is, by its path: which platform or framework reads it, which
// family of layered files it belongs to, and whether it is that family's base or one environment's layer.
import { isNomadJob } from '../../../knowledge/environments/nomad.js';
import { isGitlabCiName, mayBeIncludedGitlabCi } from '../../../knowledge/environments/gitlab.js';
import { isDoAppSpec } from '../../../knowledge/environments/digitalocean.js';
import type { FileFormat, FileRef } from '../../../src/model.js';
import { formatOf } from '../../../src/parse/index.js';
import { isHelmValuesFile } from '../../../src/paths.js';
import { isExampleFile } from '../../../knowledge/environments/names.js';
import { BASE, pathTag, type EnvTag } from './recorder.js';
import { isCiPipeline } from './handlers/pipelines.js';
import { isSstConfig } from '../../../knowledge/environments/sst.js';
import { NON_PRODUCTION } from '../model.js';

export type FileKind =
  | 'dotenv'
  | 'nomad'
  | 'compose'
  | 'helm-values'
  | 'kustomization'
  | 'helmfile'
  | 'terraform'
  | 'tfvars'
  | 'terragrunt'
  | 'railway'
  | 'do-app'
  | 'app-engine'
  | 'bicepparam'
  | 'cdk-app'
  | 'pulumi-program'
  | 'sst'
  | 'wrangler'
  | 'render'
  | 'fly'
  | 'netlify'
  | 'heroku-app'
  | 'vercel'
  | 'firebaserc'
  | 'supabase'
  | 'serverless'
  | 'sam-config'
  | 'vapor'
  | 'eas'
  | 'copilot'
  | 'workflow'
  | 'gitlab-ci'
  | 'ci-pipeline'
  | 'drone'
  | 'jenkinsfile'
  | 'rails-database'
  | 'rails-storage'
  | 'sequelize'
  | 'spring'
  | 'dotnet'
  | 'node-config'
  | 'pulumi-stack'
  | 'kamal'
  | 'litestream'
  | 'data'
  | 'python-settings'
  | 'js-config'
  | 'rails-environment'
  | 'elixir-config'
  | 'capistrano'
  | 'commands';

export interface FileClass {
  kind: FileKind;
  format: FileFormat;
  /** The environment the path names, or the base when it names none. */
  tag: EnvTag;
  /** The family of layered files this file belongs to, and its place in it. */
  family?: string;
  role: 'base' | 'layer' | 'plain';
  /**
   * The path the file stands for when it is a template committed for one environment (`.env.staging.example` stands
   * for `.env.staging`): read as that environment's, its placeholders name nothing.
   */
  templateOf?: string;
}

const DATA_FORMATS = new Set<FileFormat>(['dotenv', 'yaml', 'json', 'toml', 'ini', 'properties', 'hcl']);

/** Files that never configure an environment even though they parse: manifests of packages, editor and lint settings. */
const NOT_CONFIG_NAME = /^(package\.json|\.package-lock\.json|composer\.json|tsconfig[^/]*\.json|jsconfig\.json|\.eslintrc[^/]*|\.prettierrc[^/]*|\.babelrc|babel\.config\.json|renovate\.json|\.releaserc[^/]*|lerna\.json|nx\.json|turbo\.json|angular\.json|project\.json|manifest\.json|\.markdownlint[^/]*|\.pre-commit-config\.yaml|mkdocs\.ya?ml|_config\.ya?ml|pubspec\.yaml|Chart\.yaml|Chart\.lock|codecov\.ya?ml|openapi[^/]*|swagger[^/]*|.*\.schema\.json|.*\.lock\.json|.*\.(i18n|locale)\.json)$/i;
/** The repository's GitHub metadata beside its workflows. */
const GITHUB_META_NAME = /^(dependabot|labeler|FUNDING|ISSUE_TEMPLATE)/i;
const LOCALE_DIR = /(^|\/)(locales?|i18n|translations|lang|messages)\//i;

/** Whether this detector reads the file at all (a path check, before any read). */
export function admitsPath(file: FileRef): boolean {
  return classifyPath(file.path) !== undefined;
}

/**
 * Admission and the per-file pass both classify a path, one file after another: the last answer is kept. A map of
 * every path seen would cost more than it saves, since a scan sees each path once.
 */
let lastPath: string | undefined;
let lastClass: FileClass | undefined;

export function classifyPath(path: string): FileClass | undefined {
  if (path !== lastPath) {
    lastClass = classifyPathUncached(path);
    lastPath = path;
  }
  return lastClass;
}

/**
 * A module that may be a Pulumi program's, read only when it names a StackReference (a keyword): the entry points
 * Pulumi runs (`index.ts`, `__main__.py`) and modules kept in an infrastructure folder (`infra/`, `pulumi/`, `stacks/`).
 */
function isPulumiProgramPath(path: string): boolean {
  return /(^|\/)(?:index\.[cm]?[jt]s|__main__\.py|main\.py)$/i.test(path) || /(^|\/)(?:infra|infrastructure|pulumi|iac|stacks)\/(?:[^/]+\/)*[^/]+\.(?:[cm]?[jt]s|py)$/i.test(path);
}

/** Django-style settings modules (`settings.py`, `settings/prod.py`, `settings_dev.py`, `config/production.py`) and Flask's `config.py`. */
function isPythonSettings(path: string): boolean {
  // Most Python files are neither: the words are looked for before the pattern runs along the whole path.
  const lower = path.toLowerCase();
  if (!lower.includes('settings') && !lower.includes('config')) return false;
  // Flask's `config.py` keeps a class per environment.
  return /(^|\/)settings(\/[^/]+|[_.][a-z0-9_]+)?\.py$|(^|\/)(config|settings)\/[a-z0-9_]+\.py$|(^|\/)config\.py$/i.test(path);
}

/** What a YAML file in a folder of CI files is when it holds no GitLab jobs (a Kubernetes manifest, a values file). */
export function classifyOutsideGitlab(path: string): FileClass | undefined {
  return classifyPathUncached(path, false);
}

function classifyPathUncached(path: string, gitlabFolders = true): FileClass | undefined {
  // GitLab's job templates (`.gitlab/ci/templates.yml`) are the hidden jobs others extend, not an example to copy.
  if (gitlabFolders && isExampleFile(path) && mayBeIncludedGitlabCi(path)) return { kind: 'gitlab-ci', format: 'yaml', tag: pathTag(path) ?? BASE, role: 'plain' };
  if (isExampleFile(path)) return environmentTemplate(path);
  const format = formatOf(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  // Most paths turn out to be no configuration at all: read the environment off the path only for those that are.
  let pathEnvironment: EnvTag | undefined;
  const tag = (): EnvTag => (pathEnvironment ??= pathTag(path) ?? BASE);
  const make = (kind: FileKind, family?: string, baseNames?: RegExp, ownTag?: EnvTag): FileClass => {
    const own = ownTag ?? tag();
    const named = own.environment !== 'base';
    if (!family) return { kind, format, tag: own, role: 'plain' };
    if (!named && baseNames?.test(name)) return { kind, format, tag: BASE, family, role: 'base' };
    if (named) return { kind, format, tag: own, family, role: 'layer' };
    return { kind, format, tag: own, role: 'plain' };
  };

  if (format === 'dotenv') return make('dotenv', `dotenv:${dir}`, /^(\.env|(base|common|default|shared)\.env)$/i);
  if (format === 'python') {
    if (isPythonSettings(path)) return make('python-settings', `django:${dir}`, /^(base|common|defaults?|shared)\.py$/i);
    // A Python CDK app's entry point (`app.py`, where `cdk init --language python` puts it).
    if (name === 'app.py') return make('cdk-app');
    return isPulumiProgramPath(path) ? make('pulumi-program') : undefined;
  }
  // Mix projects: config/config.exs is every environment's, config/<env>.exs (imported by it) one environment's.
  // runtime.exs branches on config_env() inside; it is not read as a layer.
  if (/(^|\/)config\/[^/]+\.exs$/.test(path)) return /(^|\/)runtime\.exs$/.test(path) ? undefined : make('elixir-config', `mix:${dir}`, /^config\.exs$/);
  // Rails picks each environment's Active Storage service in config/environments/<env>.rb.
  if (/(^|\/)config\/environments\/[^/]+\.rb$/i.test(path)) return make('rails-environment', `rails:${dir}`);
  // Capistrano's stages: `config/deploy/<stage>.rb`, named for their environment.
  if (/(^|\/)config\/deploy\/[^/]+\.rb$/i.test(path)) return make('capistrano');
  if (format === 'javascript' || format === 'typescript') {
    // A CDK app's entry point (`bin/<app>.ts`, the cdk init layout): where stacks are created and wired together.
    if (format === 'typescript' && /(^|\/)bin\/[^/]+\.ts$/.test(path)) return make('cdk-app');
    // SST v3: one program for every stage, `$app.stage` choosing what each gets.
    if (isSstConfig(path)) return make('sst');
    if (/^(knexfile|ecosystem\.config|ormconfig|\.sequelizerc|sequelize\.config|database\.config|db\.config)\.[cm]?[jt]s$/i.test(name) || /(^|\/)config\/(config|database)\.[cm]?js$/i.test(path)) return make('js-config');
    // Angular CLI: `environments/environment.<name>.ts` replaces `environment.ts` (the development build) whole.
    if (/^environment(\.[\w-]+)?\.ts$/i.test(name) && /(^|\/)environments$/i.test(dir)) {
      return make('js-config', undefined, undefined, /^environment\.ts$/i.test(name) ? { environment: 'development', name, evidence: 'file-name' } : undefined);
    }
    return isPulumiProgramPath(path) ? make('pulumi-program') : undefined;
  }
  // Jenkins pipelines: `Jenkinsfile`, `Jenkinsfile.staging`, `deploy.jenkinsfile`.
  if (/^jenkinsfile([._-][^/]*)?$|\.jenkinsfile$/i.test(name)) return make('jenkinsfile');
  // Scripts without an extension under bin/ and scripts/ (`bin/refresh-staging`) are shell scripts too.
  if (format === 'shell' || format === 'markdown' || /^(makefile|justfile|procfile|taskfile)$/i.test(lower) || /\.(mk|just)$/i.test(lower) || (format === 'text' && /(^|\/)(bin|scripts?)\/[^/.]+$/.test(path))) return make('commands');
  // Bicep parameter files: one environment's values for a template (`staging.bicepparam`, `main.prod.bicepparam`).
  if (/\.bicepparam$/i.test(name)) return make('bicepparam', `bicep:${dir}`);
  // helmfile renders `values/api/staging.yaml.gotmpl` with Go templates before Helm reads it as YAML: read as the YAML
  // file it names, its template actions blanked.
  if (/\.ya?ml\.gotmpl$/i.test(name)) {
    const rendered = classifyPathUncached(path.slice(0, -'.gotmpl'.length), gitlabFolders);
    return rendered && rendered.format === 'yaml' && rendered.kind !== 'gitlab-ci' && rendered.kind !== 'workflow' ? rendered : undefined;
  }
  if (format === 'text' && !name.includes('.')) {
    const ansible = ansibleFormat(path, dir, lower);
    return ansible ? { ...make('data'), format: ansible } : undefined;
  }
  if (!DATA_FORMATS.has(format)) return undefined;
  if (NOT_CONFIG_NAME.test(name) || (GITHUB_META_NAME.test(name) && /(^|\/)\.github$/i.test(dir)) || LOCALE_DIR.test(path)) return undefined;
  // Helm chart templates are Go templates that only look like YAML.
  if (/(^|\/)templates\/[^/]+\.(ya?ml|tpl)$/i.test(path) && /(^|\/)charts?\//i.test(path)) return undefined;

  if (/^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path)) return { kind: 'workflow', format, tag: tag(), role: 'plain' };
  // GitLab CI: the root file and the files it includes by convention (`ci/deploy.gitlab-ci.yml`), or kept in a folder
  // of CI files (`.gitlab/ci/deploy.yml`), whose jobs the handler confirms.
  if (isGitlabCiName(name) || (gitlabFolders && format === 'yaml' && mayBeIncludedGitlabCi(path))) return { kind: 'gitlab-ci', format, tag: tag(), role: 'plain' };
  if (isCiPipeline(path)) return { kind: 'ci-pipeline', format, tag: tag(), role: 'plain' };
  if (/^\.drone\.ya?ml$/i.test(name)) return { kind: 'drone', format, tag: tag(), role: 'plain' };
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(name) || /^docker-stack([.-][^/]*)?\.ya?ml$/i.test(name)) {
    // `docker-compose.override.yml` is what `docker compose up` adds on a developer's machine.
    const own: EnvTag = /\.override\.ya?ml$/i.test(name) ? { environment: 'development', name: 'override', evidence: 'file-name' } : tag();
    return make('compose', `compose:${dir}`, /^(docker-)?compose\.ya?ml$|^docker-stack\.ya?ml$/i, own);
  }
  if (/^kustomization\.ya?ml$/i.test(name)) return make('kustomization');
  if (/^helmfile\.ya?ml$/i.test(name) || /(^|\/)helmfile\.d\/[^/]+\.ya?ml$/i.test(path)) return make('helmfile');
  if (isHelmValuesFile(name) || /(^|\/)values\/[^/]+\.ya?ml$/i.test(path)) {
    const chart = /(^|\/)values$/i.test(dir) ? dir.replace(/\/?values$/i, '') : dir;
    return make('helm-values', `helm:${chart}`, /^values\.ya?ml$/i);
  }
  if (format === 'hcl') {
    if (lower === 'terragrunt.hcl') return make('terragrunt');
    if (isNomadJob(path)) return make('nomad');
    if (lower.endsWith('.tfvars')) {
      const root = /(^|\/)(env|envs|vars|tfvars|environments|config)$/i.test(dir) ? dir.replace(/\/?[^/]+$/, '') : dir;
      return make('tfvars', `tfvars:${root}`, /^(terraform\.tfvars|[^/]*\.auto\.tfvars)$/i);
    }
    if (lower.endsWith('.tf')) return make('terraform');
    return make('data');
  }
  if (/^railway\.(json|toml)$/i.test(name)) return make('railway');
  if (isDoAppSpec(path)) return make('do-app');
  if (/^wrangler\.(toml|json|jsonc)$/i.test(name)) return make('wrangler');
  if (/^render\.ya?ml$/i.test(name)) return make('render');
  if (/^fly([.-][^/]*)?\.toml$/i.test(name)) return make('fly');
  if (lower === 'netlify.toml') return make('netlify');
  if (lower === 'app.json') return make('heroku-app');
  if (lower === 'vercel.json') return make('vercel');
  if (lower === '.firebaserc') return make('firebaserc');
  if (/(^|\/)supabase\/config\.toml$/i.test(path)) return make('supabase');
  if (/^serverless(\.[^/]+)?\.(ya?ml|json)$/i.test(name)) return make('serverless');
  if (/^samconfig\.(toml|ya?ml)$/i.test(name)) return make('sam-config');
  // `vapor deploy --manifest vapor-eu-west-1.yml` reads another manifest of the same shape.
  if (/^vapor([.-][^/]*)?\.ya?ml$/i.test(name)) return make('vapor');
  if (lower === 'eas.json') return make('eas');
  // AWS Copilot: a service's or job's manifest (`copilot/api/manifest.yml`); environments' own manifests sit deeper.
  if (/(^|\/)copilot\/[^/]+\/manifest\.ya?ml$/i.test(path) && !/(^|\/)copilot\/environments\//i.test(path)) return make('copilot');
  if (/^database\.ya?ml$/i.test(name)) return make('rails-database');
  if (/(^|\/)config\/storage\.ya?ml$/i.test(path)) return make('rails-storage');
  if (/(^|\/)config\/(config|database)\.json$/i.test(path)) return make('sequelize');
  if (/^application([.-][^/]*)?\.(ya?ml|properties)$/i.test(name) || /^bootstrap([.-][^/]*)?\.(ya?ml|properties)$/i.test(name)) {
    // A profile's file is named by the whole profile (`application-prod-db.yml` is `prod-db`'s, not `prod`'s): a
    // profile group or include that adds `prod-db` inherits that file only.
    const profile = /^(?:application|bootstrap)-([^/.]+)\.[a-z]+$/i.exec(name)?.[1];
    const own = profile && tag().evidence === 'file-name' ? { ...tag(), name: profile } : undefined;
    return make('spring', `spring:${dir}`, /^(application|bootstrap)\.(ya?ml|properties)$/i, own);
  }
  if (/^appsettings(\.[^/]+)?\.json$/i.test(name)) return make('dotnet', `dotnet:${dir}`, /^appsettings\.json$/i);
  if (/^pulumi\.[^/]+\.ya?ml$/i.test(name)) return { kind: 'pulumi-stack', format, tag: stackTag(name), family: `pulumi:${dir}`, role: 'layer' };
  if (/(^|\/)config\/deploy(\.[^/]+)?\.ya?ml$/i.test(path)) return make('kamal', `kamal:${dir}`, /^deploy\.ya?ml$/i);
  if (/^litestream([.-][^/]*)?\.ya?ml$/i.test(name)) return make('litestream', `litestream:${dir}`, /^litestream\.ya?ml$/i);
  // Google App Engine: `gcloud app deploy` deploys `app.yaml` as the default service, which is what production runs
  // unless its path names another environment; `app.staging.yaml` or `staging.yaml` beside it are staging's (data
  // placed by their names). The handler keeps this only for a file with App Engine's top-level `runtime:`.
  if (/^app\.ya?ml$/i.test(name)) return make('app-engine', undefined, undefined, tag().environment === 'base' ? APP_ENGINE_DEFAULT : undefined);
  if (/(^|\/)config\/[^/]+\.(json|ya?ml|json5|toml)$/i.test(path) && !/custom-environment-variables/i.test(name)) {
    return make('node-config', `node-config:${dir}`, /^default\.(json|ya?ml|json5|toml)$/i);
  }
  return make('data');
}

/**
 * Ansible keeps variables and inventories in files without an extension as often as with one: `group_vars/production`,
 * `inventories/staging/group_vars/all/vars` (YAML), and the INI inventories `inventories/staging/hosts` or
 * `inventory/production` (`[all:vars]` sections set variables for every host).
 */
function ansibleFormat(path: string, dir: string, lower: string): FileFormat | undefined {
  if (/(^|\/)(group_vars|host_vars)(\/[^/]+)?$/i.test(dir)) return 'yaml';
  if (/(^|\/)inventor(y|ies)$/i.test(dir)) return 'ini';
  if ((lower === 'hosts' || lower === 'inventory') && /(^|\/)inventor(y|ies)\//i.test(path)) return 'ini';
  return undefined;
}

/** The suffix a template adds to the file it stands for: `.env.staging.example`, `staging.env.sample`. */
const TEMPLATE_SUFFIX = /\.(?:example|sample|template|tmpl|dist)$/i;
/** The template word written before the environment instead: `.env.example.staging`, `.env.sample.dev`. */
const TEMPLATE_INFIX = /(^|\/)\.env\.(?:example|sample|template|tmpl|dist)(?=\.[^/]+$)/i;

/**
 * A dotenv template committed for one environment (`.env.staging.example`, `.env.preview.sample`,
 * `config/production.env.example`, `.env.example.staging`): teams fill it with the hosts, buckets and projects that
 * environment uses, and leave placeholders only where the secrets go, so what it names is that environment's
 * (production's template says where production's database is). A template for every environment (`.env.example`)
 * stays unread: its values are whatever whoever copies it starts from.
 */
function environmentTemplate(path: string): FileClass | undefined {
  const suffix = TEMPLATE_SUFFIX.exec(path);
  const standsFor = suffix ? path.slice(0, suffix.index) : path.replace(TEMPLATE_INFIX, '$1.env');
  if (standsFor === path) return undefined;
  if (formatOf(standsFor) !== 'dotenv') return undefined;
  const tag = pathTag(standsFor);
  if (!tag?.environment || !(NON_PRODUCTION.has(tag.environment) || tag.environment === 'production')) return undefined;
  return { kind: 'dotenv', format: 'dotenv', tag, role: 'plain', templateOf: standsFor };
}

const APP_ENGINE_DEFAULT: EnvTag = { environment: 'production', name: 'app.yaml', evidence: 'key' };

/** Pulumi stacks are environments by name: `Pulumi.prod.yaml`, `Pulumi.acme-staging.yaml`, `Pulumi.dev.yaml`. */
function stackTag(name: string): EnvTag {
  const stack = name.replace(/^pulumi\./i, '').replace(/\.ya?ml$/i, '');
  const found = pathTag(name);
  return found ?? { environment: undefined, name: stack, evidence: 'file-name' };
}
