// Generates a deterministic benchmark corpus: a monorepo-shaped tree of realistic source, config and docs files
// with a known number of planted credentials, so a benchmark measures speed and recall on the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PlantedSecret {
  path: string;
  line: number;
  kind: string;
}

export interface Corpus {
  root: string;
  files: number;
  bytes: number;
  planted: PlantedSecret[];
}

/** Mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}
export function chars(rnd: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rnd() * alphabet.length)];
  return out;
}

/** Secrets whose formats every credential scanner knows; each returns the line to plant. */
const SECRET_MAKERS: Array<{ kind: string; line: (rnd: () => number) => string }> = [
  { kind: 'aws-access-key', line: (rnd) => `AWS_ACCESS_KEY_ID=AKIA${chars(rnd, UPPER32, 16)}` },
  { kind: 'stripe-live-secret-key', line: (rnd) => `const stripeKey = "sk_live_${chars(rnd, ALNUM, 24)}";` },
  { kind: 'slack-webhook', line: (rnd) => `SLACK_WEBHOOK: https://hooks.slack.com/services/T${chars(rnd, UPPER32, 8)}/B${chars(rnd, UPPER32, 8)}/${chars(rnd, ALNUM, 24)}` },
  { kind: 'database-url', line: (rnd) => `DATABASE_URL=postgres://app_user:${chars(rnd, ALNUM, 20)}@db-${chars(rnd, HEX, 6)}.cluster.eu-west-1.rds.amazonaws.com:5432/app` },
  { kind: 'sendgrid-api-key', line: (rnd) => `sendgrid_api_key = "SG.${chars(rnd, ALNUM, 22)}.${chars(rnd, ALNUM, 43)}"` },
  { kind: 'railway-account-token', line: (rnd) => `RAILWAY_API_TOKEN=${chars(rnd, HEX, 8)}-${chars(rnd, HEX, 4)}-4${chars(rnd, HEX, 3)}-a${chars(rnd, HEX, 3)}-${chars(rnd, HEX, 12)}` },
];

const WORDS = 'user account order invoice payment session request response handler service client server config cache queue event metric report'.split(' ');

function sourceFile(rnd: () => number, lines: number): string {
  const out: string[] = [`import { ${pick(rnd, WORDS)}Service } from './${pick(rnd, WORDS)}.js';`, ''];
  while (out.length < lines) {
    const name = `${pick(rnd, WORDS)}${pick(rnd, WORDS).replace(/^./, (c) => c.toUpperCase())}`;
    out.push(`export async function ${name}(input: ${pick(rnd, ['string', 'number', 'Request'])}): Promise<void> {`);
    out.push(`  const id = '${chars(rnd, HEX, 8)}-${chars(rnd, HEX, 4)}-${chars(rnd, HEX, 4)}-${chars(rnd, HEX, 4)}-${chars(rnd, HEX, 12)}';`);
    out.push(`  const token = process.env.${pick(rnd, WORDS).toUpperCase()}_TOKEN ?? '';`);
    out.push(`  logger.info({ id, input, token: token ? 'set' : 'unset' }, '${pick(rnd, WORDS)} ${pick(rnd, WORDS)} handled');`);
    out.push(`  if (!input) throw new Error('missing ${pick(rnd, WORDS)}');`);
    out.push('}');
    out.push('');
  }
  return out.join('\n') + '\n';
}

function yamlFile(rnd: () => number, lines: number): string {
  const out = ['name: ci', 'on:', '  push:', '    branches: [main]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:'];
  while (out.length < lines) {
    out.push(`      - name: ${pick(rnd, WORDS)} ${pick(rnd, WORDS)}`);
    out.push(`        run: npm run ${pick(rnd, WORDS)} -- --token \${{ secrets.${pick(rnd, WORDS).toUpperCase()}_TOKEN }}`);
  }
  return out.join('\n') + '\n';
}

function markdownFile(rnd: () => number, lines: number): string {
  const out = [`# ${pick(rnd, WORDS)} guide`, ''];
  while (out.length < lines) {
    out.push(`The ${pick(rnd, WORDS)} ${pick(rnd, WORDS)} uses an API key from the environment; set \`${pick(rnd, WORDS).toUpperCase()}_API_KEY\` before running.`);
    out.push('');
    out.push('```bash');
    out.push(`export ${pick(rnd, WORDS).toUpperCase()}_API_KEY=<your-api-key>`);
    out.push('```');
  }
  return out.join('\n') + '\n';
}

function jsonFile(rnd: () => number, lines: number): string {
  const entries: string[] = [];
  while (entries.length < lines) entries.push(`  "${pick(rnd, WORDS)}${entries.length}": { "enabled": ${rnd() > 0.5}, "integrity": "sha512-${chars(rnd, ALNUM, 60)}" }`);
  return `{\n${entries.join(',\n')}\n}\n`;
}

const KINDS = [
  { ext: 'ts', make: sourceFile, weight: 5 },
  { ext: 'yml', make: yamlFile, weight: 1 },
  { ext: 'md', make: markdownFile, weight: 2 },
  { ext: 'json', make: jsonFile, weight: 1 },
];

/** `scale` 1 is about 2,000 files and 10 MB; a secret is planted in about one file in 50. */
export function generateCorpus(root: string, scale: number, seed = 42): Corpus {
  const rnd = random(seed);
  const planted: PlantedSecret[] = [];
  let bytes = 0;
  const files = Math.round(2000 * scale);
  const weighted = KINDS.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
  for (let i = 0; i < files; i++) {
    const kind = pick(rnd, weighted);
    const path = `packages/pkg${i % 40}/src/${pick(rnd, WORDS)}/${pick(rnd, WORDS)}-${i}.${kind.ext}`;
    let content = kind.make(rnd, 40 + Math.floor(rnd() * 160));
    if (i % 50 === 7) {
      const maker = pick(rnd, SECRET_MAKERS);
      const lines = content.split('\n');
      const at = Math.min(3, lines.length - 1);
      lines.splice(at, 0, kind.ext === 'json' ? `  "_comment": "${maker.line(rnd).replace(/"/g, "'")}",` : maker.line(rnd));
      content = lines.join('\n');
      planted.push({ path, line: at + 1, kind: maker.kind });
    }
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    bytes += Buffer.byteLength(content);
  }
  writeFileSync(join(root, 'package.json'), '{ "name": "bench-monorepo", "private": true, "workspaces": ["packages/*"] }\n');
  return { root, files: files + 1, bytes, planted };
}
