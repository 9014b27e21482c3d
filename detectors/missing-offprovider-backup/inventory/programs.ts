// Infrastructure written as programs: AWS CDK and Pulumi, in TypeScript/JavaScript (read from the AST) and Python
// (read from call arguments). Data-store constructs become CloudResources; CDK BackupPlans with copy actions are
// backup evidence.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parseArn } from '../backups/destinations.js';
import { directoryOf, environmentOf, type Inventory } from '../shared.js';
import { engineOfText, publishCloudResource, type CloudKind, type CloudResource, type Written } from './cloud.js';
import { visit } from './railway.js';
import { lookupTable } from '../../../src/lookup-table.js';

/** `aws-rds.DatabaseInstance` -> kind; keys are `<module tail>.<class>` for CDK and `<provider>.<module>.<class>` for Pulumi. */
const CDK_CLASSES: Readonly<Record<string, CloudKind>> = lookupTable({
  'aws-rds.DatabaseInstance': 'rds-instance',
  'aws-rds.DatabaseInstanceFromSnapshot': 'rds-instance',
  'aws-rds.DatabaseCluster': 'rds-cluster',
  'aws-rds.DatabaseClusterFromSnapshot': 'rds-cluster',
  'aws-rds.ServerlessCluster': 'rds-cluster',
  'aws-rds.ServerlessClusterFromSnapshot': 'rds-cluster',
  'aws-docdb.DatabaseCluster': 'docdb',
  'aws-dynamodb.Table': 'dynamodb',
  'aws-dynamodb.TableV2': 'dynamodb',
  'aws-s3.Bucket': 's3',
  'aws-efs.FileSystem': 'efs',
});

const PULUMI_CLASSES: Readonly<Record<string, CloudKind>> = lookupTable({
  'aws.rds.Instance': 'rds-instance',
  'aws.rds.Cluster': 'rds-cluster',
  'aws.docdb.Cluster': 'docdb',
  'aws.dynamodb.Table': 'dynamodb',
  'aws.s3.Bucket': 's3',
  'aws.s3.BucketV2': 's3',
  'aws.efs.FileSystem': 'efs',
  'gcp.sql.DatabaseInstance': 'cloudsql',
  'gcp.storage.Bucket': 'gcs',
});

/** The module sources whose classes the program pass knows: CDK's construct libraries and Pulumi's cloud providers. */
const CDK_MODULE = /^(?:aws-cdk-lib\/|@aws-cdk\/)(aws-[\w-]+)$/;
const PULUMI_PROVIDER = /^@pulumi\/(aws|gcp|azure-native|azure)$/;
const KNOWN_IMPORT = /\bfrom\s*['"]((?:aws-cdk-lib|@aws-cdk)\/aws-[\w-]+|aws-cdk-lib|@pulumi\/(?:aws|gcp|azure-native|azure))['"]/;

/**
 * Whether a JS/TS module imports (`import … from`) a module whose classes the pass knows: only such a module can
 * declare a store it reads. A provider's own SDK (`@pulumi/digitalocean`'s hundreds of generated modules import only
 * `@pulumi/pulumi`) and compiled `require()` code declare none, and are not parsed.
 */
export function importsKnownClasses(text: string): boolean {
  return KNOWN_IMPORT.test(text);
}

export function scanProgram(inventory: Inventory): void {
  if (inventory.path.endsWith('.py')) {
    scanPython(inventory);
    return;
  }
  const program = inventory.file.ast();
  if (!program) return;
  // Local names of imported modules and classes: `import * as rds from 'aws-cdk-lib/aws-rds'`, `import { Bucket } from ...`.
  const modules = new Map<string, string>();
  const classes = new Map<string, string>();
  let cdk = false;
  let pulumi = false;
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const source = String(statement.source.value);
    const cdkModule = CDK_MODULE.exec(source)?.[1];
    const pulumiProvider = PULUMI_PROVIDER.exec(source)?.[1];
    if (source === 'aws-cdk-lib' || cdkModule) cdk = true;
    if (pulumiProvider || source === '@pulumi/pulumi') pulumi = true;
    for (const specifier of statement.specifiers) {
      const local = specifier.local.name;
      if (specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier') {
        if (cdkModule) modules.set(local, cdkModule);
        else if (pulumiProvider) modules.set(local, pulumiProvider);
        else if (source === 'aws-cdk-lib') modules.set(local, 'aws-cdk-lib');
      } else if (specifier.type === 'ImportSpecifier') {
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
        if (cdkModule) classes.set(local, `${cdkModule}.${imported}`);
        else if (source === 'aws-cdk-lib' && /^aws_/.test(imported)) modules.set(local, imported.replace(/_/g, '-'));
      }
    }
  }
  if (!cdk && !pulumi) return;
  const text = inventory.file.text;
  // The app's entry point (bin/app.ts) names the account its stacks deploy to, which the stack files seldom repeat.
  if (cdk) {
    for (const match of text.matchAll(/\baccount:\s*['"](\d{12})['"](?:\s*,\s*region:\s*['"]([a-z]{2}-[a-z]+-\d)['"])?/g)) {
      inventory.context({ kind: 'cdk-environment', account: match[1], region: match[2], location: inventory.line(inventory.file.positionAt(match.index).line) });
    }
  }
  // Walked again only when the file tags or selects something.
  const tagging = cdk && text.includes('Tags.of') ? cdkTags(inventory, program) : undefined;
  const selections = cdk && text.includes('Selection') ? cdkTagSelections(program) : undefined;
  visit(program, (node) => {
    // `backup.BackupPlan.daily35DayRetention(this, 'Plan')` and the other ready-made plans: a plan all the same.
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && /^daily\w*Retention$/.test(node.callee.property.name)) {
      if (qualifiedName(node.callee.object, modules, classes) === 'aws-backup.BackupPlan') backupPlan(inventory, node, text, selections, true);
      return;
    }
    if (node.type !== 'NewExpression') return;
    const qualified = qualifiedName(node.callee, modules, classes);
    if (!qualified) return;
    const kind = CDK_CLASSES[qualified] ?? PULUMI_CLASSES[qualified];
    if (kind) {
      const isCdk = qualified in CDK_CLASSES;
      const idArgument = isCdk ? node.arguments[1] : node.arguments[0];
      // A template literal (`billing-${env}`) is named as written: closer to the deployed name than the kind.
      const id = idArgument?.type === 'Literal' && typeof idArgument.value === 'string' ? idArgument.value : idArgument?.type === 'TemplateLiteral' ? source(text, idArgument).slice(1, -1) : kind;
      const props = (isCdk ? node.arguments[2] : node.arguments[1]) as TSESTree.Node | undefined;
      const options = isCdk ? undefined : (node.arguments[2] as TSESTree.Node | undefined);
      const tagged = tagging?.get(node);
      tagging?.delete(node);
      publishCloudResource(inventory, isCdk ? cdkResource(inventory, kind, id, node, props, text, tagged?.map((call) => call.tag)) : pulumiResource(inventory, kind, id, node, props, options, text));
      return;
    }
    // CDK's `backup.BackupPlan` and Pulumi's `aws.backup.Plan`: a copy action names its destination vault by ARN.
    if (qualified === 'aws-backup.BackupPlan' || qualified === 'aws.backup.Plan') backupPlan(inventory, node, text, qualified === 'aws-backup.BackupPlan' ? selections : undefined, qualified === 'aws-backup.BackupPlan');
  });
  // Tags given to a construct that is no store (the app, a stack, a construct of the team's): every resource under it.
  for (const calls of tagging?.values() ?? []) for (const call of calls) everyResourceTagged(inventory, call);
}

function qualifiedName(callee: TSESTree.Node, modules: Map<string, string>, classes: Map<string, string>): string | undefined {
  if (callee.type === 'Identifier') return classes.get(callee.name);
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return undefined;
  const property = callee.property.name;
  const object = callee.object;
  if (object.type === 'Identifier') {
    const module = modules.get(object.name);
    return module ? `${module}.${property}` : undefined;
  }
  // `aws.rds.Instance`, `cdk.aws_rds.DatabaseInstance`.
  if (object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.property.type === 'Identifier') {
    const root = modules.get(object.object.name);
    if (root === 'aws-cdk-lib') return `${object.property.name.replace(/_/g, '-')}.${property}`;
    if (root) return `${root}.${object.property.name}.${property}`;
  }
  return undefined;
}

function property(node: TSESTree.Node | undefined, key: string): TSESTree.Property | undefined {
  if (node?.type !== 'ObjectExpression') return undefined;
  for (const candidate of node.properties) {
    if (candidate.type !== 'Property') continue;
    const name = candidate.key.type === 'Identifier' ? candidate.key.name : candidate.key.type === 'Literal' ? String(candidate.key.value) : undefined;
    if (name === key) return candidate;
  }
  return undefined;
}

function booleanOf(node: TSESTree.Node | undefined): boolean | undefined {
  return node?.type === 'Literal' && typeof node.value === 'boolean' ? node.value : undefined;
}

function source(text: string, node: TSESTree.Node): string {
  return text.slice(node.range[0], node.range[1]);
}

function writtenBool(props: TSESTree.Node | undefined, key: string, text: string): Written<boolean> | undefined {
  const found = property(props, key);
  const value = booleanOf(found?.value);
  return found && value !== undefined ? { value, line: found.loc.start.line, text: source(text, found) } : undefined;
}

function stringProp(props: TSESTree.Node | undefined, key: string): string | undefined {
  const value = property(props, key)?.value;
  return value?.type === 'Literal' && typeof value.value === 'string' ? value.value : undefined;
}

/** `Tags.of(x)` and `cdk.Tags.of(x)`: the construct tagged, when the call is one. */
function tagsOfTarget(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'of') return undefined;
  const owner = node.callee.object;
  const named = owner.type === 'Identifier' ? owner.name : owner.type === 'MemberExpression' && owner.property.type === 'Identifier' ? owner.property.name : undefined;
  return named === 'Tags' ? node.arguments[0] : undefined;
}

/** `table`, `this.table`: how a construct held in a variable or field is written. */
function heldAs(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'MemberExpression' && node.object.type === 'ThisExpression' && node.property.type === 'Identifier') return `this.${node.property.name}`;
  return undefined;
}

function literalTag(key: TSESTree.Node | undefined, value: TSESTree.Node | undefined): string {
  const text = (node: TSESTree.Node | undefined) => (node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined);
  const k = text(key);
  const v = text(value);
  return k === undefined || v === undefined ? '*' : `${k}=${v}`.toLowerCase();
}

/**
 * The tags `Tags.of(table).add('backup', 'daily')` gives the constructs it names (by the variable or field they are
 * held in), `*` for a computed one. Tags given to anything else (`Tags.of(this)`, `Tags.of(app)`, a construct
 * passed in) reach every resource under it, which a file cannot bound: they count for every CDK resource.
 */
function cdkTags(inventory: Inventory, program: TSESTree.Program): Map<TSESTree.Node, Array<{ tag: string; line: number }>> {
  const held = new Map<string, TSESTree.Node>();
  const calls: Array<{ target: string | undefined; tag: string; line: number }> = [];
  visit(program, (node) => {
    if (node.type === 'VariableDeclarator' && node.init?.type === 'NewExpression') {
      const name = heldAs(node.id);
      if (name) held.set(name, node.init);
    } else if (node.type === 'AssignmentExpression' && node.right.type === 'NewExpression') {
      const name = heldAs(node.left);
      if (name) held.set(name, node.right);
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && node.callee.property.name === 'add') {
      const target = tagsOfTarget(node.callee.object);
      if (target) calls.push({ target: heldAs(target), tag: literalTag(node.arguments[0], node.arguments[1]), line: node.loc.start.line });
    }
  });
  const tags = new Map<TSESTree.Node, Array<{ tag: string; line: number }>>();
  for (const call of calls) {
    const construct = call.target === undefined ? undefined : held.get(call.target) ?? held.get(call.target.replace(/^this\./, ''));
    if (construct) tags.set(construct, [...(tags.get(construct) ?? []), call]);
    else everyResourceTagged(inventory, call);
  }
  return tags;
}

function everyResourceTagged(inventory: Inventory, call: { tag: string; line: number }): void {
  inventory.context({ kind: 'default-tags', name: call.tag, value: 'cdk:*', location: inventory.line(call.line) });
}

/**
 * The tags the file's backup selections pick by when each picks only by tag (`plan.addSelection('x', { resources:
 * [backup.BackupResource.fromTag('backup', 'daily')] })`, `new backup.BackupSelection(...)`); undefined when one
 * names resources otherwise (by construct, ARN, a tag pattern), or there are none.
 */
function cdkTagSelections(program: TSESTree.Program): string[] | undefined {
  const resources: TSESTree.Node[] = [];
  let readable = true;
  visit(program, (node) => {
    const props =
      node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && node.callee.property.name === 'addSelection'
        ? node.arguments[1]
        : node.type === 'NewExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && node.callee.property.name === 'BackupSelection'
          ? node.arguments[2]
          : node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'BackupSelection' ? node.arguments[2] : undefined;
    if (!props) return;
    const list = property(props, 'resources')?.value;
    if (list?.type !== 'ArrayExpression') readable = false;
    else for (const item of list.elements) if (item) resources.push(item);
  });
  if (!readable || resources.length === 0) return undefined;
  const tags: string[] = [];
  for (const item of resources) {
    if (item.type !== 'CallExpression' || item.callee.type !== 'MemberExpression' || item.callee.property.type !== 'Identifier' || item.callee.property.name !== 'fromTag') return undefined;
    const operation = item.arguments[2];
    if (operation && !(operation.type === 'MemberExpression' && operation.property.type === 'Identifier' && operation.property.name === 'STRING_EQUALS')) return undefined;
    const tag = literalTag(item.arguments[0], item.arguments[1]);
    if (tag === '*') return undefined;
    tags.push(tag);
  }
  return tags;
}

function cdkResource(inventory: Inventory, kind: CloudKind, id: string, node: TSESTree.NewExpression, props: TSESTree.Node | undefined, text: string, tagged: string[] | undefined): CloudResource {
  const removalProp = property(props, 'removalPolicy');
  const removalText = removalProp ? source(text, removalProp.value) : '';
  const retentionProp = property(props, 'backupRetention');
  const retention = retentionProp ? /Duration\.days\(\s*(\d+)\s*\)/.exec(source(text, retentionProp.value)) : undefined;
  const physical = stringProp(props, kind === 'dynamodb' ? 'tableName' : kind === 's3' ? 'bucketName' : kind === 'efs' ? 'fileSystemName' : kind === 'rds-instance' ? 'instanceIdentifier' : 'clusterIdentifier');
  const pitrProp = property(props, 'pointInTimeRecovery') ?? property(props, 'pointInTimeRecoverySpecification');
  return {
    kind,
    name: physical ?? id,
    logicalId: id,
    line: node.loc.start.line,
    engine: engineOfText(property(props, 'engine') ? source(text, property(props, 'engine')!.value) : undefined),
    identity: `cdk:${directoryOf(inventory.path)}:${id}`.toLowerCase(),
    environment: environmentOf(inventory.path, [physical, id]),
    deletionProtection: writtenBool(props, 'deletionProtection', text),
    backupRetention: retention && retentionProp ? { value: Number(retention[1]), line: retentionProp.loc.start.line, text: source(text, retentionProp) } : undefined,
    deleteAutomatedBackups: writtenBool(props, 'deleteAutomatedBackups', text),
    pointInTimeRecovery: pitrProp ? /true/.test(source(text, pitrProp.value)) : false,
    versioned: booleanOf(property(props, 'versioned')?.value) === true,
    forceDestroy: writtenBool(props, 'autoDeleteObjects', text),
    removal: removalProp
      ? { value: /DESTROY/.test(removalText) ? 'delete' : /SNAPSHOT/.test(removalText) ? 'snapshot' : /RETAIN/.test(removalText) ? 'retain' : 'retain', line: removalProp.loc.start.line, text: source(text, removalProp) }
      : undefined,
    removalKey: 'removalPolicy',
    tags: tagged,
  };
}

function pulumiResource(inventory: Inventory, kind: CloudKind, id: string, node: TSESTree.NewExpression, props: TSESTree.Node | undefined, options: TSESTree.Node | undefined, text: string): CloudResource {
  const retentionProp = property(props, 'backupRetentionPeriod');
  const retentionValue = retentionProp?.value.type === 'Literal' && typeof retentionProp.value.value === 'number' ? retentionProp.value.value : undefined;
  const physical = stringProp(props, kind === 'rds-instance' ? 'identifier' : kind === 'rds-cluster' || kind === 'docdb' ? 'clusterIdentifier' : kind === 's3' ? 'bucket' : 'name');
  const protect = booleanOf(property(options, 'protect')?.value) === true || booleanOf(property(options, 'retainOnDelete')?.value) === true;
  const pitr = property(props, 'pointInTimeRecovery');
  const versioning = property(props, 'versioning');
  const settings = property(props, 'settings');
  const backupConfiguration = settings ? property(settings.value, 'backupConfiguration') : undefined;
  const cloudSqlDisabled = kind === 'cloudsql' && (!backupConfiguration || booleanOf(property(backupConfiguration.value, 'enabled')?.value) !== true);
  return {
    kind,
    name: physical ?? id,
    logicalId: id,
    line: node.loc.start.line,
    engine: engineOfText(stringProp(props, 'engine') ?? stringProp(props, 'databaseVersion')),
    identity: `pulumi:${directoryOf(inventory.path)}:${id}`.toLowerCase(),
    environment: environmentOf(inventory.path, [physical, id]),
    deletionProtection: writtenBool(props, 'deletionProtection', text),
    skipFinalSnapshot: writtenBool(props, 'skipFinalSnapshot', text),
    backupRetention:
      retentionValue !== undefined ? { value: retentionValue, line: retentionProp!.loc.start.line, text: source(text, retentionProp!) } : cloudSqlDisabled ? { value: 0, line: (backupConfiguration ?? node).loc.start.line, text: 'settings.backupConfiguration.enabled is not true' } : undefined,
    deleteAutomatedBackups: writtenBool(props, 'deleteAutomatedBackups', text),
    pointInTimeRecovery: pitr ? /enabled:\s*true/.test(source(text, pitr.value)) : false,
    versioned: versioning ? /enabled:\s*true/.test(source(text, versioning.value)) : false,
    forceDestroy: writtenBool(props, 'forceDestroy', text),
    protect,
    removalKey: 'protect: true resource option',
  };
}

function backupPlan(inventory: Inventory, node: TSESTree.NewExpression | TSESTree.CallExpression, text: string, tagSelections: string[] | undefined, cdkApp = false): void {
  // Rules come inline (`backupPlanRules: [...]`) or are added after (`plan.addRule(new BackupPlanRule({ copyActions }))`,
  // CDK's usual form): a copy either way.
  const copies = /copyActions?\b/.test(source(text, node)) || (/\.addRule\(/.test(text) && /copyActions?\b/.test(text));
  publishPlan(inventory, node.loc.start.line, copies, /account:\s*['"](\d{12})['"]/.exec(text)?.[1], tagSelections, cdkApp);
}

/** A backup plan's evidence: a copy action names its destination vault by ARN, somewhere in the file. */
function publishPlan(inventory: Inventory, line: number, copies: boolean, stackAccount: string | undefined, tagSelections: string[] | undefined, cdkApp = false): void {
  const arn = /arn:aws:backup:([\w-]*):(\d{12}):backup-vault:[\w-]+/.exec(inventory.file.text);
  const parsed = arn ? parseArn(arn[0]) : undefined;
  inventory.evidence({
    // Tag selections pick what carries the tag, matched once every store and tag is known. A CDK plan selecting
    // constructs (`BackupResource.fromDynamoDbTable(props.table)`) is handed them from stacks anywhere in the app: it
    // may cover any construct of the app, not only those of its own directory.
    covers: tagSelections
      ? tagSelections.map((tag) => `tag:${tag}@${directoryOf(inventory.path)}`)
      : [`provider:aws@${directoryOf(inventory.path)}`, ...(cdkApp ? ['cdk:*'] : [])],
    protection: copies ? (parsed?.account && parsed.account !== stackAccount ? 'other-account' : 'same-account-other-region') : 'provider-managed',
    mechanism: copies ? 'aws-backup copyActions' : 'aws-backup',
    destination: copies ? (arn?.[0] ?? 'another backup vault') : 'an AWS Backup vault in the same account and region',
    destinationProvider: 'aws',
    destinationAccount: copies ? parsed?.account : undefined,
    destinationRegion: copies ? parsed?.region : undefined,
    location: inventory.line(line),
  });
}

/**
 * Python CDK's `backup.BackupPlan(...)`, its selections by tag (`plan.add_selection("x", resources=[
 * backup.BackupResource.from_tag("backup", "daily")])`) and the tags `Tags.of(x).add(...)` gives: as the TypeScript
 * reading does, by text. Returns the tags given to stores by the variable they are held in.
 */
function scanPythonBackup(inventory: Inventory, text: string): Map<string, Array<{ tag: string; line: number }>> {
  const byVariable = new Map<string, Array<{ tag: string; line: number }>>();
  for (const match of text.matchAll(/\bTags\.of\(([^()]*)\)\.add\(([^)]*)\)/g)) {
    const literal = /^\s*(["'])([^"']*)\1\s*,\s*(["'])([^"']*)\3\s*(?:,|$)/.exec(match[2]!);
    const tag = literal ? `${literal[2]}=${literal[4]}`.toLowerCase() : '*';
    const variable = match[1]!.trim().replace(/^self\./, '');
    byVariable.set(variable, [...(byVariable.get(variable) ?? []), { tag, line: inventory.file.positionAt(match.index).line }]);
  }
  const plans = [...text.matchAll(/\bbackup\.BackupPlan(?:\.daily\w*_retention)?\(/g)];
  if (plans.length === 0) return byVariable;
  let tagSelections: string[] | undefined = [];
  let selected = false;
  for (const match of text.matchAll(/\.add_selection\(|\bBackupSelection\(/g)) {
    selected = true;
    const open = match.index + match[0].length - 1;
    const args = text.slice(open + 1, matchingParen(text, open));
    const resources = /\bresources\s*=\s*\[([^\]]*)\]/.exec(args)?.[1];
    const tags = resources === undefined ? undefined : [...resources.matchAll(PYTHON_FROM_TAG)].map((tag) => `${tag[2]}=${tag[4]}`.toLowerCase());
    // Anything besides exact tags (a construct, an ARN, a tag pattern) may pick any store.
    if (!tags || tags.length === 0 || resources!.replace(PYTHON_FROM_TAG, '').replace(/[\s,]/g, '') !== '') tagSelections = undefined;
    else tagSelections?.push(...tags);
  }
  const copies = /\bcopy_actions\s*=/.test(text);
  for (const plan of plans) publishPlan(inventory, inventory.file.positionAt(plan.index).line, copies, /account\s*=\s*['"](\d{12})['"]/.exec(text)?.[1], selected ? tagSelections : undefined);
  return byVariable;
}

const PYTHON_FROM_TAG = /\b(?:backup\.)?BackupResource\.from_tag\(\s*(["'])([^"']*)\1\s*,\s*(["'])([^"']*)\3\s*(?:,\s*(?:backup\.)?TagOperation\.STRING_EQUALS\s*)?,?\s*\)/g;

const PYTHON_CLASSES: Array<[RegExp, CloudKind, 'cdk' | 'pulumi']> = [
  [/\brds\.(DatabaseInstance|DatabaseInstanceFromSnapshot)\(/g, 'rds-instance', 'cdk'],
  [/\brds\.(DatabaseCluster|ServerlessCluster|DatabaseClusterFromSnapshot)\(/g, 'rds-cluster', 'cdk'],
  [/\bdynamodb\.(Table|TableV2)\(/g, 'dynamodb', 'cdk'],
  [/\bs3\.Bucket\(/g, 's3', 'cdk'],
  [/\befs\.FileSystem\(/g, 'efs', 'cdk'],
  [/\baws\.rds\.Instance\(/g, 'rds-instance', 'pulumi'],
  [/\baws\.rds\.Cluster\(/g, 'rds-cluster', 'pulumi'],
  [/\baws\.dynamodb\.Table\(/g, 'dynamodb', 'pulumi'],
  [/\baws\.s3\.(Bucket|BucketV2)\(/g, 's3', 'pulumi'],
  [/\bgcp\.sql\.DatabaseInstance\(/g, 'cloudsql', 'pulumi'],
];

/** Python CDK and Pulumi programs: keyword arguments of data-store constructors. */
function scanPython(inventory: Inventory): void {
  const text = inventory.file.text;
  const cdk = /aws_cdk/.test(text);
  const pulumi = /import pulumi|from pulumi|pulumi_aws|pulumi_gcp/.test(text);
  if (!cdk && !pulumi) return;
  const tagsByVariable = cdk ? scanPythonBackup(inventory, text) : new Map<string, Array<{ tag: string; line: number }>>();
  const storeVariables = new Set<string>();
  for (const [pattern, kind, family] of PYTHON_CLASSES) {
    if ((family === 'cdk' && !cdk) || (family === 'pulumi' && !pulumi)) continue;
    for (const match of text.matchAll(pattern)) {
      if (family === 'cdk' && /aws\.$/.test(text.slice(Math.max(0, match.index - 4), match.index))) continue;
      const open = match.index + match[0].length - 1;
      const close = matchingParen(text, open);
      const args = text.slice(open + 1, close);
      const argsStart = open + 1;
      const lineAt = (offset: number) => inventory.file.positionAt(argsStart + offset).line;
      const kw = (name: string) => {
        const found = new RegExp(`\\b${name}\\s*=\\s*([^,\\n)]+)`).exec(args);
        return found ? { value: found[1]!.trim(), line: lineAt(found.index), text: found[0].trim() } : undefined;
      };
      const bool = (name: string): Written<boolean> | undefined => {
        const found = kw(name);
        return found && /^(True|False)$/.test(found.value) ? { value: found.value === 'True', line: found.line, text: found.text } : undefined;
      };
      const id = /^\s*(?:self|scope|[\w]+)?\s*,?\s*["']([\w.-]+)["']/.exec(args)?.[1] ?? /^\s*["']([\w.-]+)["']/.exec(args)?.[1] ?? kind;
      const line = inventory.file.positionAt(match.index).line;
      const removal = kw('removal_policy');
      const retention = kw(family === 'cdk' ? 'backup_retention' : 'backup_retention_period');
      const retentionDays = retention ? /(\d+)/.exec(retention.value)?.[1] : undefined;
      const physical = kw(kind === 'dynamodb' ? 'table_name' : kind === 's3' ? (family === 'cdk' ? 'bucket_name' : 'bucket') : kind === 'rds-instance' ? (family === 'cdk' ? 'instance_identifier' : 'identifier') : 'cluster_identifier')?.value.replace(/^["']|["']$/g, '');
      const protect = /protect\s*=\s*True|retain_on_delete\s*=\s*True/.test(args);
      // `orders = dynamodb.Table(...)`, `self.orders = ...`: the variable `Tags.of(orders)` names it by.
      const variable = family === 'cdk' ? /(?:self\.)?(\w+)\s*=\s*[\w.]*$/.exec(text.slice(text.lastIndexOf('\n', match.index) + 1, match.index))?.[1] : undefined;
      if (variable) storeVariables.add(variable);
      publishCloudResource(inventory, {
        kind,
        name: physical && /^[\w.-]+$/.test(physical) ? physical : id,
        logicalId: id,
        line,
        engine: engineOfText(kw('engine')?.value),
        identity: `${family}:${directoryOf(inventory.path)}:${id}`.toLowerCase(),
        environment: environmentOf(inventory.path, [physical, id]),
        deletionProtection: bool('deletion_protection'),
        skipFinalSnapshot: family === 'pulumi' ? bool('skip_final_snapshot') : undefined,
        backupRetention: retention && retentionDays !== undefined ? { value: Number(retentionDays), line: retention.line, text: retention.text } : undefined,
        deleteAutomatedBackups: bool('delete_automated_backups'),
        pointInTimeRecovery: /point_in_time_recovery(_specification)?\s*=\s*(True|.*enabled\s*=\s*True|.*point_in_time_recovery_enabled\s*=\s*True)/.test(args),
        versioned: /versioned\s*=\s*True|versioning\s*=.*enabled\s*=\s*True/.test(args),
        forceDestroy: bool(family === 'cdk' ? 'auto_delete_objects' : 'force_destroy'),
        removal: removal ? { value: /DESTROY/.test(removal.value) ? 'delete' : /SNAPSHOT/.test(removal.value) ? 'snapshot' : 'retain', line: removal.line, text: removal.text } : undefined,
        protect: family === 'pulumi' ? protect : undefined,
        removalKey: family === 'cdk' ? 'removal_policy' : 'protect=True resource option',
        tags: variable ? tagsByVariable.get(variable)?.map((call) => call.tag) : undefined,
      });
    }
  }
  // Tags given to anything but a store (`Tags.of(app)`, `Tags.of(self)`): every resource under it.
  for (const [variable, calls] of tagsByVariable) if (!storeVariables.has(variable)) for (const call of calls) everyResourceTagged(inventory, call);
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return text.length;
}
