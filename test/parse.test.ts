// Every structured format through the real scan: a probe detector reads each file's data tree and AST, so positions,
// nesting and expressions are asserted as detectors will see them; malformed files become notifications.
import { afterAll, describe, expect, it } from 'vitest';
import type { Detector, SourceFile } from '../src/model.js';
import { get, leaves, type DataNode } from '../src/parse/data-tree.js';
import { conditionOf, needsOf, workflowTriggers } from '../src/parse/github-workflow.js';
import { formatOf } from '../src/parse/index.js';
import { lookupTable } from '../src/lookup-table.js';
import { closingBracket } from '../src/parse/brackets.js';
import { scan } from '../src/scan.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

/** `path.to.key=value @line:column` for every literal leaf, and `= expression` for expressions. */
function describeLeaves(file: SourceFile): string[] {
  const document = file.data();
  if (!document) return [];
  return [...leaves(document)].map((leaf) => {
    const where = `@${leaf.node.span.line}:${leaf.node.span.column}`;
    const value = leaf.node.expression !== undefined ? `~${leaf.node.expression}` : JSON.stringify(leaf.node.value);
    return `${leaf.path.join('.')}=${value} ${where}`;
  });
}

async function probe(files: Record<string, string>) {
  const seen = new Map<string, string[]>();
  const blocks = new Map<string, string[]>();
  const asts = new Map<string, string>();
  const detector: Detector = {
    id: 'probe',
    rules: [],
    scanFile(file) {
      seen.set(file.path, describeLeaves(file));
      const root = file.data()?.roots[0];
      if (root?.kind === 'map') blocks.set(file.path, root.entries.filter((entry) => entry.value.kind === 'map' && entry.value.block).map((entry) => `${entry.key}[${(entry.value as Extract<DataNode, { kind: 'map' }>).block!.labels.join(',')}]`));
      const ast = file.ast();
      if (ast) asts.set(file.path, ast.body.map((statement) => `${statement.type}@${statement.loc.start.line}`).join(' '));
    },
  };
  const repo = makeRepo(files, { git: false });
  repos.push(repo);
  const result = await scan({ root: repo.root, detectors: [detector] });
  return { seen, blocks, asts, result };
}

describe('structured formats', () => {
  it('parses YAML streams with positions, merge keys and CloudFormation tags', async () => {
    const { seen } = await probe({
      'compose.yml': 'x-db: &db\n  image: postgres:16\n  port: 5432\nservices:\n  api:\n    <<: *db\n    port: 8080\n---\nkind: ConfigMap\n',
      'template.yaml': 'Resources:\n  Bucket:\n    Properties:\n      BucketName: !Sub "${Env}-data"\n',
    });
    expect(seen.get('compose.yml')).toEqual([
      'x-db.image="postgres:16" @2:10',
      'x-db.port=5432 @3:9',
      'services.api.image="postgres:16" @2:10',
      'services.api.port=5432 @3:9',
      'services.api.port=8080 @7:11',
      'kind="ConfigMap" @9:7',
    ]);
    expect(seen.get('template.yaml')).toEqual(['Resources.Bucket.Properties.BucketName=~!Sub ${Env}-data @4:24']);
  });

  it('resolves an alias to the last anchor of its name before it, and refuses an alias bomb with a notification', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n');
    const { seen, result } = await probe({
      'anchors.yml': 'first: &v one\nuse1: *v\nsecond: &v two\nuse2: *v\n',
      'bomb.yml': `${bomb}\n`,
    });
    expect(seen.get('anchors.yml')).toEqual(['first="one" @1:11', 'use1="one" @1:11', 'second="two" @3:12', 'use2="two" @3:12']);
    expect(seen.get('bomb.yml')).toEqual([]);
    expect(result.notifications.map((notification) => `${notification.path} ${notification.message}`)).toEqual([
      'bomb.yml Could not parse bomb.yml as yaml: its aliases expand to more than 100,000 nodes (an alias bomb); it was not read as YAML. Scanned as text.',
    ]);
  });

  it('gives JSON nodes the positions of the file\'s own lines (LF, CRLF, a lone CR, U+2028 inside a string)', async () => {
    const spans = (file: SourceFile) => {
      const out: string[] = [];
      const walk = (node: DataNode, path: string): void => {
        out.push(`${path} ${node.span.line}:${node.span.column}-${node.span.endLine}:${node.span.endColumn}`);
        if (node.kind === 'map') for (const entry of node.entries) {
          out.push(`${path}.${entry.key}! ${entry.keySpan.line}:${entry.keySpan.column}-${entry.keySpan.endLine}:${entry.keySpan.endColumn}`);
          walk(entry.value, `${path}.${entry.key}`);
        }
        if (node.kind === 'seq') node.items.forEach((item, index) => walk(item, `${path}.${index}`));
      };
      const root = file.data()?.roots[0];
      if (root) walk(root, '$');
      return out;
    };
    const seen = new Map<string, string[]>();
    const detector: Detector = { id: 'spans', rules: [], scanFile: (file) => void seen.set(file.path, spans(file)) };
    const body = '{\n  "a": { "b": [1, "two", {}] },\n  "c": []\n}\n';
    const repo = makeRepo({ 'lf.json': body, 'crlf.json': body.replace(/\n/g, '\r\n'), 'sep.json': body.replace('"two"', '"t\u2028wo"'), 'cr.json': body.replace('\n  "c"', '\r  "c"') }, { git: false });
    repos.push(repo);
    await scan({ root: repo.root, detectors: [detector] });
    const expected = [
      '$ 1:1-4:2', '$.a! 2:3-2:6', '$.a 2:8-2:31', '$.a.b! 2:10-2:13', '$.a.b 2:15-2:29', '$.a.b.0 2:16-2:17', '$.a.b.1 2:19-2:24', '$.a.b.2 2:26-2:28',
      '$.c! 3:3-3:6', '$.c 3:8-3:10',
    ];
    expect(seen.get('lf.json')).toEqual(expected);
    expect(seen.get('crlf.json')).toEqual(expected);
    // A lone CR ends no line of the file (lines end at LF): `"c"` stays on line 2.
    expect(seen.get('cr.json')).toEqual([...expected.slice(0, 8).map((span) => span.replace('$ 1:1-4:2', '$ 1:1-3:2')), '$.c! 2:35-2:38', '$.c 2:40-2:42']);
    // A line separator inside a string is no line break.
    expect(seen.get('sep.json')).toEqual(expected.map((span) => span.replace('2:8-2:31', '2:8-2:32').replace('2:15-2:29', '2:15-2:30').replace('2:19-2:24', '2:19-2:25').replace('2:26-2:28', '2:27-2:29')));
  });

  it('reads a file whose lines end with a carriage return alone (classic Mac OS) line by line, its findings on their own lines', async () => {
    const repo = makeRepo({ 'scripts/deploy.sh': '# deploy notes\rset -e\r\rexport RAILWAY_API_TOKEN=6e2a9c4f-1b7d-4e3a-8f05-c9d2b6a1e7f4\r' });
    repos.push(repo);
    const result = await scan({ root: repo.root });
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('exposed-credential/')).map((finding) => `${finding.location.path}:${finding.location.span.line}:${finding.location.span.column}`)).toEqual([
      'scripts/deploy.sh:4:26',
    ]);
  });

  it('parses JSON with comments and trailing commas', async () => {
    const { seen } = await probe({ '.vscode/settings.json': '{\n  // agent settings\n  "a": { "b": [1, "two"] },\n}\n' });
    expect(seen.get('.vscode/settings.json')).toEqual(['a.b.0=1 @3:16', 'a.b.1="two" @3:19']);
  });

  it('parses TOML tables, dotted keys, arrays of tables and inline tables', async () => {
    const { seen } = await probe({
      'fly.toml': 'app = "acme-staging"\n[env]\n  DB_HOST = "db.flycast"\n[[mounts]]\n  source = "data"\n[[mounts]]\n  source = "logs"\n[context.production.environment]\nA.b = { c = true }\n',
    });
    expect(seen.get('fly.toml')).toEqual([
      'app="acme-staging" @1:7',
      'env.DB_HOST="db.flycast" @3:13',
      'mounts.0.source="data" @5:12',
      'mounts.1.source="logs" @7:12',
      'context.production.environment.A.b.c=true @9:13',
    ]);
  });

  it('parses dotenv (export, quotes, comments, multi-line values, references), INI sections and properties', async () => {
    const { seen } = await probe({
      '.env.staging': 'export A=1\nB="two words" # comment\nC=\'lit $X\'\nD="multi\nline"\nE=${A}/x\n# skipped\nF=plain # note\n',
      '.npmrc': '//registry.npmjs.org/:_authToken=abc123\n[section]\nkey = "v"\n',
      'app.properties': 'spring.datasource.url=jdbc:postgresql://db/app\nlong = a\\\n  b\n',
    });
    expect(seen.get('.env.staging')).toEqual(['A="1" @1:10', 'B="two words" @2:3', 'C="lit $X" @3:3', 'D="multi\\nline" @4:3', 'E=~${A}/x @6:3', 'F="plain" @8:3']);
    expect(seen.get('.npmrc')).toEqual(['//registry.npmjs.org/:_authToken="abc123" @1:34', 'section.key="v" @3:7']);
    expect(seen.get('app.properties')).toEqual(['spring.datasource.url="jdbc:postgresql://db/app" @1:23', 'long="ab" @2:8']);
  });

  it('parses HCL blocks with labels, literal attributes and expressions', async () => {
    const { seen, blocks } = await probe({
      'main.tf': 'resource "aws_db_instance" "main" {\n  identifier = "prod-db"\n  skip_final_snapshot = true\n  password = var.db_password\n  tags = { Env = "prod" }\n  name = "db-${var.env}"\n  lifecycle {\n    prevent_destroy = false\n  }\n}\n',
    });
    expect(blocks.get('main.tf')).toEqual(['resource[aws_db_instance,main]']);
    expect(seen.get('main.tf')).toEqual([
      'resource.identifier="prod-db" @2:16',
      'resource.skip_final_snapshot=true @3:25',
      'resource.password=~var.db_password @4:14',
      'resource.tags.Env="prod" @5:18',
      'resource.name=~"db-${var.env}" @6:10',
      'resource.lifecycle.prevent_destroy=false @8:23',
    ]);
  });

  it('parses JavaScript with JSX and TypeScript', async () => {
    const { asts } = await probe({
      'src/app.jsx': 'const el = <div />;\nexport default el;\n',
      'src/cast.ts': 'const x = <number>(1 as unknown);\nexport { x };\n',
    });
    expect(asts.get('src/app.jsx')).toBe('VariableDeclaration@1 ExportDefaultDeclaration@2');
    expect(asts.get('src/cast.ts')).toBe('VariableDeclaration@1 ExportNamedDeclaration@2');
  });

  it('turns malformed YAML, JSON, TOML, HCL and JS into parse-error notifications with the line, and keeps scanning', async () => {
    const { result, seen } = await probe({
      'bad.yml': 'a: [1,\nb: "x\n',
      'bad.json': '{\n  "a": 1,\n  "b": \n}\n',
      'bad.toml': 'a = = 1\n',
      'bad.tf': 'resource "x" {\n  a = \n',
      'bad.ts': 'const = ;\n',
      'good.yml': 'ok: true\n',
    });
    const errors = result.notifications.filter((notification) => notification.code === 'parse-error').map((notification) => `${notification.path}:${notification.line ?? '?'}`);
    expect(errors).toEqual(['bad.json:4', 'bad.tf:2', 'bad.toml:1', 'bad.ts:1', 'bad.yml:2']);
    expect(seen.get('good.yml')).toEqual(['ok=true @1:5']);
  });

  it('notes templates that do not parse before rendering instead of warning, and still warns for broken files beside them', async () => {
    const { result } = await probe({
      'charts/api/templates/pull-secret.yaml': '{{- if .Values.imagePullSecret }}\napiVersion: v1\nkind: Secret\n{{- end }}\n',
      'lib/init-templates/app/%name%.template.ts': 'import * as cdk from "aws-cdk-lib";\nexport class %name.PascalCased% extends cdk.Stack {}\n',
      'charts/api/values.yaml': 'image: [broken\n',
    });
    const byCode = (code: string) => result.notifications.filter((notification) => notification.code === code).map((notification) => notification.path).sort();
    expect(byCode('template-not-parsed')).toEqual(['charts/api/templates/pull-secret.yaml', 'lib/init-templates/app/%name%.template.ts']);
    expect(byCode('parse-error')).toEqual(['charts/api/values.yaml']);
  });
});

describe('formatOf', () => {
  it('reads formats from names and extensions, case-insensitively, the same on a repeated ask', () => {
    for (let round = 0; round < 2; round++) {
      expect(['.env', 'config/.env.production', 'prod.env', 'Dockerfile', 'infra/main.TF', 'a/b/values.YAML', 'notes', 'app.tsx'].map(formatOf)).toEqual([
        'dotenv',
        'dotenv',
        'dotenv',
        'dockerfile',
        'hcl',
        'yaml',
        'text',
        'typescript',
      ]);
    }
  });

  it('reads a dotenv template as dotenv, and other templates as text', () => {
    expect(['config/production.env.example', 'deploy/app.env.sample', 'config.json.sample', 'settings.py.example'].map(formatOf)).toEqual(['dotenv', 'dotenv', 'text', 'text']);
  });

  it('never takes a name or extension for one of Object.prototype’s members', () => {
    expect(['constructor', 'src/toString', 'a.constructor', 'b.__proto__', 'hasOwnProperty', 'x.valueOf'].map(formatOf)).toEqual(['text', 'text', 'text', 'text', 'text', 'text']);
  });
});

describe('lookupTable', () => {
  it('answers only its own entries', () => {
    const table = lookupTable({ postgres: 'postgres' });
    expect(table.postgres).toBe('postgres');
    expect(['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((name) => table[name])).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('closingBracket', () => {
  it('finds the matching bracket past nested pairs and brackets inside strings, and -1 when there is none', () => {
    const call = 'run(["claude", "-p", "fix (x) and [y]", f(g("}")), "--flag"]) + rest';
    expect(call.slice(0, closingBracket(call, 3) + 1)).toBe('run(["claude", "-p", "fix (x) and [y]", f(g("}")), "--flag"])');
    expect(call.slice(4, closingBracket(call, 4) + 1)).toBe('["claude", "-p", "fix (x) and [y]", f(g("}")), "--flag"]');
    const bicep = "resource db 'Microsoft.Sql/servers@2023' = {\n  name: 'it\\'s {not} a brace'\n  properties: { a: 1 }\n}\nrest";
    const open = bicep.indexOf('{');
    expect(bicep.slice(closingBracket(bicep, open, { quotes: "'" }) + 1)).toBe('\nrest');
    expect(closingBracket('f(a, (b)', 1)).toBe(-1);
    expect(closingBracket('f(' + 'x'.repeat(100) + ')', 1, { limit: 50 })).toBe(-1);
    expect(closingBracket('abc', 0)).toBe(-1);
  });
});


describe('GitHub workflow reader', () => {
  it('reads the three shapes of `on:` with their activity types, and jobs\' conditions and needs', async () => {
    const workflows: Record<string, string> = {
      '.github/workflows/a.yml': 'on: pull_request\njobs:\n  build:\n    runs-on: ubuntu-latest\n',
      '.github/workflows/b.yml': 'on: [push, pull_request_target]\njobs:\n  deploy:\n    if: github.event_name == \'push\'\n    needs: [build, test]\n',
      '.github/workflows/c.yml': 'on:\n  pull_request:\n    types: [closed]\n  issues:\n    types: opened\n  push:\n    branches: [main]\njobs:\n  release:\n    needs: build\n',
    };
    const read = new Map<string, unknown>();
    const detector: Detector = {
      id: 'probe',
      rules: [],
      scanFile(file) {
        const root = file.data()?.roots[0];
        const jobs = get(root, 'jobs');
        const job = jobs?.kind === 'map' ? jobs.entries[0]!.value : undefined;
        read.set(file.path, [[...workflowTriggers(get(root, 'on'))], conditionOf(job), needsOf(job)]);
      },
    };
    const repo = makeRepo(workflows, { git: false });
    repos.push(repo);
    await scan({ root: repo.root, detectors: [detector] });
    expect(Object.fromEntries(read)).toEqual({
      '.github/workflows/a.yml': [[['pull_request', undefined]], undefined, []],
      '.github/workflows/b.yml': [[['push', undefined], ['pull_request_target', undefined]], "github.event_name == 'push'", ['build', 'test']],
      '.github/workflows/c.yml': [[['pull_request', ['closed']], ['issues', ['opened']], ['push', undefined]], undefined, ['build']],
    });
  });
});
