// `npm run bench:scale` (also run by `npm run bench`): cost against the number of things found, not bytes read. The
// cross-file stages pair credentials with stores and environments with production; a pairing done naively grows with
// the square of a repository's services. Four generated shapes, each at n, 2n and 4n: services that each declare a
// database, a bucket, a backup plan and a compose volume, with a connection string in a production .env; apps whose
// staging, production and development files name shared hosts; a minified bundle with secret-named literals on
// one line; and an inline source map (a long base64 run after a secret-named word). It prints the installed command's wall time at each size and the growth from n to 4n (4x is linear,
// 16x quadratic).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALNUM, chars, random } from './corpus.js';

const BIN = fileURLToPath(new URL('../bin/cli.js', import.meta.url));

/** A deterministic alphanumeric string, so every run scans the same files. */
function token(seed: number, length: number): string {
  return chars(random(seed), ALNUM, length);
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const SHAPES: Record<string, { unit: string; sizes: number[]; generate: (root: string, n: number) => void }> = {
  services: {
    unit: 'services',
    sizes: [100, 200, 400],
    generate(root, n) {
      for (let index = 0; index < n; index++) {
        write(
          root,
          `infra/svc${index}/main.tf`,
          `resource "aws_db_instance" "db" {\n  identifier = "orders-prod-${index}"\n  engine = "postgres"\n  backup_retention_period = 7\n}\n` +
            `resource "aws_s3_bucket" "assets" {\n  bucket = "acme-prod-assets-${index}"\n}\n` +
            `resource "aws_backup_plan" "plan" {\n  name = "plan-${index}"\n  rule {\n    rule_name = "daily"\n    target_vault_name = "vault-${index % 4}"\n    schedule = "cron(0 5 * * ? *)"\n  }\n}\n` +
            `resource "aws_backup_selection" "selection" {\n  plan_id = aws_backup_plan.plan.id\n  name = "selection"\n  iam_role_arn = "arn:aws:iam::123456789012:role/backup"\n  resources = [aws_db_instance.db.arn]\n}\n`,
        );
        write(root, `apps/app${index}/.env.production`, `DATABASE_URL=postgres://app:${token(index, 18)}@orders-prod-${index}.abc123.eu-west-1.rds.amazonaws.com:5432/orders\n`);
        write(root, `apps/app${index}/docker-compose.yml`, 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n');
      }
    },
  },
  environments: {
    unit: 'apps',
    sizes: [250, 500, 1000],
    generate(root, n) {
      for (let index = 0; index < n; index++) {
        for (const environment of ['staging', 'production', 'development']) {
          const lines: string[] = [];
          for (let key = 0; key < 4; key++) {
            lines.push(`DATABASE_URL_${key}=postgres://app@db${key}.${environment === 'development' ? 'dev' : 'prod'}.internal:5432/app${index}`);
            lines.push(`REDIS_URL_${key}=redis://cache${index % 9}.internal:6379`);
          }
          write(root, `apps/app${index}/.env.${environment}`, `${lines.join('\n')}\n`);
        }
      }
    },
  },
  minified: {
    unit: 'literals',
    sizes: [2000, 4000, 8000],
    generate(root, n) {
      const parts: string[] = [];
      for (let index = 0; index < n; index++) parts.push(`function f${index}(e){var n={apiKey:"${token(index, 24)}",region:"eu-${index}"};return e.map(function(r){return r+n})}`);
      write(root, 'public/app.bundle.js', `${parts.join(';')}\n`);
    },
  },
  // An inline source map: one long run of base64 after a secret-named word, ending in `=` padding. A line-end check
  // that retried at every character of the run once took 18 s for 80 KB.
  'source-map': {
    unit: 'KB',
    sizes: [100, 200, 400],
    generate(root, n) {
      const map = Buffer.from(token(n, n * 768)).toString('base64').replace(/[+/=]/g, 'A');
      // The run ends in `/` and a short padded tail, as base64 of real source does: a pattern retried at every
      // character of the run reads to the `/` each time.
      write(root, 'dist-web/app.js', `console.log(1);\n/* token */ //# sourceMappingURL=data:application/json;base64,${map}/dGFpbA==AA=\n`);
    },
  },
};

function timeScan(root: string): number {
  const report = join(tmpdir(), 'blast-radius-scale-report.json');
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'scan', root, '-f', 'json', '-o', report, '--fail-on', 'none'], { stdio: 'ignore', timeout: 900_000 });
  const ms = performance.now() - started;
  rmSync(report, { force: true });
  if (run.status !== 0) throw new Error(`blast-radius scan ${root} failed (${run.status ?? run.signal})`);
  return ms;
}

const rows: Array<{ shape: string; sizes: number[]; seconds: number[]; growth: number }> = [];
for (const [shape, { unit, sizes, generate }] of Object.entries(SHAPES)) {
  const seconds: number[] = [];
  for (const size of sizes) {
    const root = join(tmpdir(), 'blast-radius-bench-scale', `${shape}-${size}`);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    generate(root, size);
    execFileSync('git', ['init', '-q'], { cwd: root });
    // Median of three, after one run that warms the page cache.
    timeScan(root);
    const runs = [timeScan(root), timeScan(root), timeScan(root)].sort((a, b) => a - b);
    seconds.push(Math.round(runs[1]!) / 1000);
  }
  const growth = Math.round((seconds[seconds.length - 1]! / seconds[0]!) * 10) / 10;
  rows.push({ shape, sizes, seconds, growth });
  console.log(`${shape.padEnd(13)} ${sizes.map((size, index) => `${size} ${unit}: ${seconds[index]!.toFixed(2)} s`).join('   ')}   growth ${sizes[0]}->${sizes[sizes.length - 1]}: ${growth}x (${sizes[sizes.length - 1]! / sizes[0]!}x the input)`);
}
console.log(JSON.stringify({ scale: rows }));
