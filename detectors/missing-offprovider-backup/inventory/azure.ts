// Azure's own infrastructure code: ARM templates (JSON, `deploymentTemplate.json` schema) and Bicep files. Their
// database servers, Cosmos DB accounts and storage accounts are the same stores as Terraform's `azurerm_*` twins,
// named the same way, so a Bicep server and a connection string to it are one store. Azure keeps their automated
// backups in the same subscription; `geoRedundantBackup: 'Enabled'` copies them to the paired region, still inside.
import { type DataNode, get } from '../../../src/parse/data-tree.js';
import { environmentOf, itemsOf, literalOf, mapOf, type Inventory } from '../shared.js';
import { isBucketData } from './buckets.js';
import { lookupTable } from '../../../src/lookup-table.js';
import { closingBracket } from '../../../src/parse/brackets.js';
import type { DataStore } from '../../../src/facts/datastore.js';

interface AzureKind {
  engine: string;
  /** The `azurerm_*` resource this type is in Terraform (without the prefix): the store's identity is shared with it. */
  terraform: string;
}

const KINDS: Readonly<Record<string, AzureKind>> = lookupTable({
  'microsoft.dbforpostgresql/flexibleservers': { engine: 'postgres', terraform: 'postgresql_flexible_server' },
  'microsoft.dbforpostgresql/servers': { engine: 'postgres', terraform: 'postgresql_server' },
  'microsoft.dbformysql/flexibleservers': { engine: 'mysql', terraform: 'mysql_flexible_server' },
  'microsoft.dbformysql/servers': { engine: 'mysql', terraform: 'mysql_server' },
  'microsoft.dbformariadb/servers': { engine: 'mysql', terraform: 'mariadb_server' },
  'microsoft.sql/servers': { engine: 'mssql', terraform: 'mssql_server' },
  'microsoft.documentdb/databaseaccounts': { engine: 'cosmosdb', terraform: 'cosmosdb_account' },
  'microsoft.storage/storageaccounts': { engine: 'object-storage', terraform: 'storage' },
});

export function isBicep(path: string): boolean {
  return /\.bicep$/i.test(path);
}

/** The resources of an ARM template (a list, or a map by symbolic name in language version 2.0), if the document is one. */
export function armResources(root: DataNode | undefined): DataNode[] | undefined {
  const map = mapOf(root);
  const schema = literalOf(get(map, '$schema')) ?? '';
  if (!map || !/deploymentTemplate\.json/i.test(schema)) return undefined;
  const resources = get(map, 'resources');
  return resources?.kind === 'map' ? resources.entries.map((entry) => entry.value) : itemsOf(resources);
}

export function scanArmTemplate(inventory: Inventory): void {
  const root = inventory.file.data()?.roots[0];
  const resources = armResources(root);
  if (!resources) return;
  const parameters = mapOf(get(mapOf(root), 'parameters'));
  // `[parameters('serverName')]`: the parameter's default, when it has a literal one.
  const resolve = (name: string | undefined): string | undefined => {
    const parameter = /^\[parameters\('([\w-]+)'\)\]$/.exec(name ?? '')?.[1];
    if (!parameter) return name && !name.startsWith('[') ? name : undefined;
    return literalOf(get(get(parameters, parameter), 'defaultValue'));
  };
  for (const resource of resources) {
    const kind = KINDS[(literalOf(get(resource, 'type')) ?? '').toLowerCase()];
    const name = resolve(literalOf(get(resource, 'name')));
    if (!kind || !name || !resource.span) continue;
    const backup = get(get(resource, 'properties'), 'backup');
    const geo = /^enabled$/i.test(literalOf(get(backup, 'geoRedundantBackup')) ?? '');
    const replication = literalOf(get(get(resource, 'sku'), 'name')) ?? '';
    publish(inventory, kind, name, name, resource.span.line, geo || (kind.engine === 'object-storage' && /GRS|GZRS/i.test(replication)));
  }
}

/** `resource <symbol> '<Type>@<api>' = {`: a Bicep resource declaration. */
const BICEP_RESOURCE = /^resource\s+(\w+)\s+'([\w.]+\/[\w./]+)@[\w.-]+'\s*=\s*(?:if\s*\([^\n]*\)\s*)?\{/gm;

/**
 * Bicep resources read from their declarations: the type, the `name:` one level inside the body (a literal, or a
 * parameter or variable with a literal default, interpolations filled from literal defaults), and the backup
 * settings anywhere in it.
 */
export function scanBicep(inventory: Inventory): void {
  const text = inventory.file.text;
  const literals = bicepLiterals(text);
  for (const match of text.matchAll(BICEP_RESOURCE)) {
    const kind = KINDS[match[2]!.toLowerCase()];
    if (!kind) continue;
    const bodyStart = match.index + match[0].length;
    // Bicep's strings are single-quoted.
    const close = closingBracket(text, bodyStart - 1, { quotes: "'" });
    const body = text.slice(bodyStart, close === -1 ? text.length : close);
    const nameValue = /^[ \t]+name:\s*(.+?)\s*$/m.exec(topLevel(body))?.[1];
    const name = nameValue ? bicepValue(nameValue, literals) : undefined;
    const geo = /geoRedundantBackup:\s*'Enabled'/i.test(body) || (kind.engine === 'object-storage' && /name:\s*'[\w_]*(?:GRS|GZRS)'/i.test(body));
    publish(inventory, kind, name ?? match[1]!, match[1]!, inventory.file.positionAt(match.index).line, geo);
  }
}

function publish(inventory: Inventory, kind: AzureKind, name: string, symbol: string, line: number, geoRedundant: boolean): void {
  const environment = environmentOf(inventory.path, [name, symbol]);
  if (kind.engine === 'object-storage' && !isBucketData(name, symbol, environment)) return;
  const builtInBackup: DataStore['builtInBackup'] =
    kind.engine === 'object-storage'
      ? geoRedundant
        ? { protection: 'same-account-other-region', description: 'geo-redundant storage replicates to another region, in the same subscription' }
        : { protection: 'none', description: 'no blob versioning, soft delete or backup vault is visible' }
      : geoRedundant
        ? { protection: 'same-account-other-region', description: 'geo-redundant backups are copied to the paired region, in the same Azure subscription' }
        : { protection: 'provider-managed', description: 'Azure keeps automated backups in the same subscription and region' };
  inventory.store({
    platform: 'azure',
    provider: 'azure',
    engine: kind.engine,
    name,
    environment,
    location: inventory.line(line),
    identities: [`azure:${kind.terraform}:${name}`],
    declaredBy: 'infrastructure',
    builtInBackup,
  });
}

/** `param x string = 'v'` and `var x = 'v'`: the literal defaults a name or an interpolation can be filled from. */
function bicepLiterals(text: string): Map<string, string> {
  const literals = new Map<string, string>();
  for (const match of text.matchAll(/^(?:param\s+(\w+)\s+string|var\s+(\w+))\s*=\s*'([^'\n]*)'\s*$/gm)) literals.set(match[1] ?? match[2]!, match[3]!);
  // Defaults that interpolate other literals (`'psql-payroll-${environmentName}'`) are filled in, once.
  for (const [name, value] of literals) literals.set(name, fill(value, literals));
  return literals;
}

/** A Bicep expression's text when it is a literal, a name with a literal default, or a string interpolating those. */
function bicepValue(expression: string, literals: ReadonlyMap<string, string>): string | undefined {
  const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(expression)?.[1];
  if (quoted !== undefined) return fill(quoted, literals);
  return /^\w+$/.test(expression) ? literals.get(expression) : undefined;
}

/** Interpolations filled from literal defaults; one nothing fills stays visible as its name (`psql-payroll-{environmentName}`). */
function fill(value: string, literals: ReadonlyMap<string, string>): string {
  return value.replace(/\$\{\s*(\w+)\s*\}/g, (_whole, name: string) => {
    const literal = literals.get(name);
    return literal !== undefined && !literal.includes('${') ? literal : `{${name}}`;
  });
}

/** The body's own lines, without the nested objects' (where a `name:` belongs to a SKU or a child). */
function topLevel(body: string): string {
  let depth = 0;
  const kept: string[] = [];
  for (const line of body.split('\n')) {
    if (depth === 0) kept.push(line);
    for (const char of line) {
      if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') depth = Math.max(0, depth - 1);
    }
  }
  return kept.join('\n');
}
