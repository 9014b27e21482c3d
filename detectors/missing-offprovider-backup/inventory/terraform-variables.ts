// Terraform input variables and locals: a store's destructive setting written as `var.<name>` (or `local.<name>`) is
// decided by the value the variable takes, which another file holds (its default in variables.tf, a tfvars file, the
// input a module call sets), or the literal the module's `locals` give it.
import type { DataStore, DestructiveSetting, StoreContext, VariableSetting } from '../../../src/facts/datastore.js';
import type { DataNode, MapNode } from '../../../src/parse/data-tree.js';
import { environmentOfPath } from '../../../knowledge/environments/names.js';
import { directoryOf, environmentOf, fileNameOf, literalOf, mapOf, type Inventory } from '../shared.js';
import { isBucketData } from './buckets.js';
import { terraformCliVariables } from '../../../knowledge/environments/terraform-cli.js';

/**
 * The input variable or local value a setting is written as: `var.x` -> `x`, `local.x` -> `local.x`, and either negated
 * (`skip_final_snapshot = !local.keep_snapshot`) with a leading `!`.
 */
export function variableOf(node: DataNode | undefined): string | undefined {
  const text = node?.kind === 'scalar' ? node.expression?.trim() : undefined;
  if (!text) return undefined;
  const workspace = WORKSPACE_TEST.exec(text);
  if (workspace) return `${WORKSPACE}${(workspace[2] === '==') !== (workspace[1] === '!') ? '==' : '!='}${workspace[3]}`;
  const match = /^(!\s*)?(?:(var|local)\.([A-Za-z_][\w-]*)|"\$\{\s*(var|local)\.([A-Za-z_][\w-]*)\s*\}")$/.exec(text);
  if (!match) return undefined;
  const kind = match[2] ?? match[4];
  const name = match[3] ?? match[5]!;
  return `${match[1] ? '!' : ''}${kind === 'local' ? 'local.' : ''}${name}`;
}

/**
 * A test of the workspace (`terraform.workspace == "prod"`, `!=`, parenthesised or negated): true in production when
 * production's workspace, as its CI job selects it, is (or is not) the name.
 */
const WORKSPACE_TEST = /^(!?)\(?\s*terraform\.workspace\s*(==|!=)\s*"([\w-]+)"\s*\)?$/;
/** The name a workspace test is kept under: `terraform.workspace==prod`. */
const WORKSPACE = 'terraform.workspace';

/** How a reference from `variableOf` is written in the configuration (`var.x`, `!local.y`). */
export function referenceText(variable: string): string {
  const test = /^terraform\.workspace(==|!=)(.+)$/.exec(variable);
  if (test) return `terraform.workspace ${test[1]} "${test[2]}"`;
  const negated = variable.startsWith('!');
  const bare = negated ? variable.slice(1) : variable;
  return `${negated ? '!' : ''}${bare.startsWith('local.') ? bare : `var.${bare}`}`;
}

/**
 * The literal values of a module's `locals` blocks, the locals that pass on an input variable, and those made by a
 * template (`prefix = "acme-${var.env}"`, `env = terraform.workspace`), which name stores.
 */
export function scanLocals(inventory: Inventory, locals: MapNode, directory: string): void {
  for (const entry of locals.entries) {
    if (entry.value.kind !== 'scalar') continue;
    const value = literalOf(entry.value);
    const variable = value === undefined ? variableOf(entry.value) : undefined;
    const template = value === undefined && !variable ? templateOf(entry.value.expression) : undefined;
    if (value !== undefined || variable || template) inventory.context({ kind: 'terraform-local', directory, name: entry.key, value, variable, template, location: inventory.line(entry.keySpan.line) });
  }
}

/** The words a template's author wrote, without `terraform.workspace` (whose `terraform` would read as a state bucket's). */
export function templateWords(template: string): string {
  return template.replace(/\$\{\s*terraform\.workspace\s*\}/g, '');
}

/** A quoted template with interpolations, or `terraform.workspace` alone, as the text of a template. */
function templateOf(expression: string | undefined): string | undefined {
  const text = expression?.trim();
  if (!text) return undefined;
  if (text === 'terraform.workspace') return '${terraform.workspace}';
  return /^"[^"]*\$\{[^"]*"$/.test(text) ? text.slice(1, -1) : undefined;
}

export function isTfvars(path: string): boolean {
  return /\.tfvars(\.json)?$/i.test(path);
}

/** Terraform loads these by itself; any other tfvars file is passed with `-var-file`, usually one per environment. */
function autoLoaded(path: string): boolean {
  return /^(terraform\.tfvars(\.json)?|[^/]*\.auto\.tfvars(\.json)?)$/i.test(fileNameOf(path));
}

/** The literal values a tfvars file gives variables. */
export function scanTfvars(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  const directory = directoryOf(inventory.path);
  for (const entry of root?.entries ?? []) {
    const value = literalOf(entry.value);
    if (value !== undefined) inventory.context({ kind: 'terraform-tfvars', directory, name: entry.key, value, location: inventory.line(entry.keySpan.line) });
  }
}

/**
 * The values a CI job gives Terraform variables: `-var "name=value"` in its script, `TF_VAR_name` in its environment,
 * for the directory it runs Terraform in (`working-directory`, `-chdir=`), when it runs Terraform at all.
 */
export function scanTerraformCliValues(inventory: Inventory, job: { script: string; env: ReadonlyMap<string, string>; environment?: string; directory?: string; line: number }): void {
  if (!/\b(?:terraform|tofu|terragrunt)\b/.test(job.script)) return;
  const directory = normalized(job.directory ?? /\s-chdir=["']?([\w./-]+)/.exec(job.script)?.[1]);
  const location = inventory.line(job.line);
  const add = (name: string, value: string) => inventory.context({ kind: 'terraform-cli-variable', name, value, environment: job.environment, directory, location });
  for (const [key, value] of job.env) {
    const name = /^TF_VAR_([A-Za-z_][\w-]*)$/.exec(key)?.[1];
    if (name && value !== '' && !value.includes('$')) add(name, value);
  }
  for (const variable of terraformCliVariables(job.script)) add(variable.name, variable.value);
  // The workspace the job applies in: kept as the value of `terraform.workspace`.
  const workspace = job.env.get('TF_WORKSPACE') ?? /\bworkspace\s+(?:select|new)\s+(?:-or-create(?:=true)?\s+)?["']?([\w-]+)["']?(?=\s|$)/.exec(job.script)?.[1];
  if (workspace && !workspace.includes('$')) add(WORKSPACE, workspace);
}

/** `./infra/` -> `infra`, `.` for the root; undefined stays undefined. */
function normalized(directory: string | undefined): string | undefined {
  if (directory === undefined || directory.includes('$')) return undefined;
  const parts = directory.split('/').filter((part) => part !== '' && part !== '.');
  return parts.length === 0 ? '.' : parts.join('/');
}

/** Where a variable's value comes from, for the message. */
interface Resolved {
  value: string;
  source: string;
}

/**
 * The stores with their variable settings decided: each whose variable takes the destructive value becomes a
 * destructive setting, written in the repo. A variable whose value cannot be told (no default, values that disagree)
 * decides nothing. Replaces the stores in `stores`.
 */
export function decideVariableSettings(stores: DataStore[], contexts: readonly StoreContext[]): void {
  if (!stores.some((store) => store.variableSettings)) return;
  const values = new VariableValues(contexts);
  stores.forEach((store, index) => {
    if (!store.variableSettings) return;
    const directory = directoryOf(store.location.path);
    const held: VariableSetting[] = [];
    const settings: DestructiveSetting[] = [...(store.destructiveSettings ?? [])];
    for (const pending of store.variableSettings) {
      const resolved = values.valueOf(pending.variable, directory, 0);
      if (resolved?.value !== pending.when) continue;
      held.push(pending);
      settings.push({ kind: pending.kind, setting: `${pending.key} = ${referenceText(pending.variable)}, ${resolved.value} ${resolved.source}`, explicit: true, location: pending.location });
    }
    if (held.length === 0) return;
    const builtInBackup = held.find((setting) => setting.builtInBackup)?.builtInBackup ?? store.builtInBackup;
    stores[index] = { ...store, destructiveSettings: settings, builtInBackup };
  });
}

/**
 * The stores named by templates (`computedName`), named as production's values of their variables make them; what no
 * value is found for stays written (`acme-uploads-${terraform.workspace}`). A bucket whose written words decided
 * nothing is a store of production only when the name made says it holds data or production's: the ids of the others,
 * which are no store worth reporting, are returned. Replaces the stores in `stores`.
 */
export function decideComputedNames(stores: DataStore[], contexts: readonly StoreContext[]): Set<string> {
  const out = new Set<string>();
  if (!stores.some((store) => store.computedName)) return out;
  const values = new VariableValues(contexts);
  stores.forEach((store, index) => {
    const computed = store.computedName;
    if (!computed) return;
    const made = values.expand(computed.template, directoryOf(store.location.path), 0);
    const whole = made.open.length === 0;
    // The words the name is made of, without what is still to be filled in; a value alone may say the environment
    // where the name runs words together (Azure's `stclaimsprod`).
    const words = made.name.replace(/\$\{[^}]*\}/g, '-');
    const environment = store.environment ?? environmentOf('', [words, ...made.taken]);
    if (!computed.decided) {
      // A name left to a workspace is production's in production's workspace; one left to an unknown variable says
      // only what its written words say.
      const judgedAs = environment ?? (made.open.every((part) => part === 'terraform.workspace') ? 'production' : undefined);
      if (!isBucketData(words, templateWords(computed.template), judgedAs)) {
        out.add(store.id);
        return;
      }
    }
    const identity = whole && computed.namespace ? [`${computed.namespace}:${made.name}`.toLowerCase()] : [];
    stores[index] = { ...store, name: made.name, environment, identities: [...store.identities, ...identity] };
  });
  return out;
}

/** A template as production's values fill it: `open` lists the interpolations left as written. */
interface MadeName {
  name: string;
  taken: string[];
  open: string[];
}

class VariableValues {
  private readonly byKind = new Map<StoreContext['kind'], StoreContext[]>();
  private readonly terraformDirectories = new Set<string>();

  constructor(contexts: readonly StoreContext[]) {
    for (const entry of contexts) {
      if (!/^terraform-/.test(entry.kind)) continue;
      const list = this.byKind.get(entry.kind) ?? [];
      list.push(entry);
      this.byKind.set(entry.kind, list);
      if (entry.kind !== 'terraform-tfvars' && entry.kind !== 'terraform-module-input' && entry.kind !== 'terraform-module-call' && entry.kind !== 'terraform-cli-variable') this.terraformDirectories.add(entry.directory ?? '.');
    }
  }

  private of(kind: StoreContext['kind']): readonly StoreContext[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The value a variable of a directory's module takes, where one value holds for production. */
  valueOf(variable: string, directory: string, depth: number): Resolved | undefined {
    if (variable.startsWith('!')) return negated(this.valueOf(variable.slice(1), directory, depth));
    const test = /^terraform\.workspace(==|!=)(.+)$/.exec(variable);
    if (test) {
      // Production's workspace is what its CI job selects (`terraform workspace select prod`, `TF_WORKSPACE`).
      const selected = this.fromTfvars(WORKSPACE, directory);
      return selected && { value: String((selected.value === test[2]) === (test[1] === '==')), source: `(production's workspace is ${selected.value} ${selected.source.slice(1, -1)})` };
    }
    if (variable.startsWith('local.')) return this.localOf(variable.slice('local.'.length), directory, depth);
    const calls = this.of('terraform-module-call').filter((call) => call.directory === directory);
    if (calls.length > 0 && depth < 3) return this.fromCalls(variable, directory, calls, depth);
    return this.fromTfvars(variable, directory) ?? this.defaultOf(variable, directory);
  }

  /** A template with the variables and locals it names filled in where production's value is known. */
  expand(template: string, directory: string, depth: number): MadeName {
    const taken: string[] = [];
    const open: string[] = [];
    const name = template.replace(/\$\{([^}]*)\}/g, (written, inner: string) => {
      const part = inner.trim();
      const reference = /^(var|local)\.([A-Za-z_][\w-]*)$/.exec(part);
      const local = reference?.[1] === 'local' ? this.localTemplate(reference[2]!, directory) : undefined;
      if (local !== undefined && depth < 3) {
        const inner = this.expand(local, directory, depth + 1);
        taken.push(...inner.taken);
        open.push(...inner.open);
        return inner.name;
      }
      const value = reference ? this.valueOf(reference[1] === 'local' ? part : reference[2]!, directory, depth)?.value : part === WORKSPACE ? this.fromTfvars(WORKSPACE, directory)?.value : undefined;
      if (value === undefined) {
        open.push(part);
        return written;
      }
      taken.push(value);
      return value;
    });
    return { name, taken, open };
  }

  private localTemplate(name: string, directory: string): string | undefined {
    const found = this.of('terraform-local').filter((entry) => entry.directory === directory && entry.name === name);
    return found.length === 1 ? found[0]!.template : undefined;
  }

  /** A local value: the same in every workspace and environment of the module, unless it passes on a variable. */
  private localOf(name: string, directory: string, depth: number): Resolved | undefined {
    const found = this.of('terraform-local').filter((entry) => entry.directory === directory && entry.name === name);
    if (found.length !== 1) return undefined;
    const local = found[0]!;
    if (local.value !== undefined) return { value: local.value, source: `(local.${name} in ${local.location.path})` };
    return local.variable && depth < 3 && !local.variable.startsWith(`local.${name}`) ? this.valueOf(local.variable, directory, depth + 1) : undefined;
  }

  private defaultOf(variable: string, directory: string): Resolved | undefined {
    const found = this.of('terraform-variable').filter((entry) => entry.directory === directory && entry.name === variable);
    return unanimous(found.map((entry) => ({ value: entry.value!, source: `(its default in ${entry.location.path})` })));
  }

  /**
   * A value from a tfvars file of the configuration (its directory, or a folder of tfvars below it): production's
   * `-var-file` wins over the files Terraform loads by itself, and a file named for another environment is not
   * production's.
   */
  private fromTfvars(variable: string, directory: string): Resolved | undefined {
    const own = environmentOfPath(`${directory}/main.tf`)?.environment;
    const ranked: Array<Resolved & { rank: number }> = [];
    for (const entry of this.of('terraform-tfvars')) {
      if (entry.name !== variable) continue;
      const place = entry.directory ?? '.';
      const below = directory === '.' ? place !== '.' : place.startsWith(`${directory}/`);
      if (place !== directory && !(below && !this.terraformDirectories.has(place))) continue;
      const environment = environmentOfPath(entry.location.path)?.environment;
      if (environment && environment !== 'production' && environment !== own) continue;
      const rank = environment === 'production' && !autoLoaded(entry.location.path) ? 0 : 1;
      ranked.push({ value: entry.value!, source: `(in ${entry.location.path})`, rank });
    }
    // A CI job's values: production's job decides, one of no environment only as a file Terraform loads itself would.
    for (const entry of this.of('terraform-cli-variable')) {
      if (entry.name !== variable || (entry.directory !== undefined && entry.directory !== directory)) continue;
      if (entry.environment && entry.environment !== 'production' && entry.environment !== own) continue;
      ranked.push({ value: entry.value!, source: `(set by the CI job in ${entry.location.path})`, rank: entry.environment === 'production' ? 0 : 1 });
    }
    const best = Math.min(...ranked.map((entry) => entry.rank));
    return unanimous(ranked.filter((entry) => entry.rank === best));
  }

  /** Production's calls of a module decide its variables: the input each sets, else the variable's default. */
  private fromCalls(variable: string, directory: string, calls: readonly StoreContext[], depth: number): Resolved | undefined {
    const production = calls.filter((call) => call.value === 'production');
    const deciding = production.length > 0 ? production : calls.filter((call) => !call.value);
    const values = deciding.map((call) => {
      const input = this.of('terraform-module-input').find((entry) => entry.directory === directory && entry.name === variable && entry.location.path === call.location.path && entry.location.span.line === call.location.span.line);
      if (!input) return this.defaultOf(variable, directory);
      if (input.variable) return this.valueOf(input.variable, directoryOf(call.location.path), depth + 1);
      return { value: input.value!, source: `(set by the module call in ${call.location.path})` };
    });
    if (values.some((value) => value === undefined)) return undefined;
    return unanimous(values as Resolved[]);
  }
}

/** `!x` of a boolean value; anything else decides nothing. */
function negated(resolved: Resolved | undefined): Resolved | undefined {
  if (resolved?.value === 'true') return { ...resolved, value: 'false' };
  if (resolved?.value === 'false') return { ...resolved, value: 'true' };
  return undefined;
}

function unanimous(found: readonly Resolved[]): Resolved | undefined {
  if (found.length === 0 || found.some((entry) => entry.value !== found[0]!.value)) return undefined;
  return found[0];
}
