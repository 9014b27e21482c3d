// The engine through its public surface, with a small detector of the test's own (the engine knows no provider):
// discovery and gitignore semantics, bad input, suppressions, baseline, config, fact ordering, determinism.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Detector, FileEmitter, FinishContext, SourceFile } from '../src/model.js';
import { sample } from '../src/model.js';
import { scan, UsageError, ConfigError } from '../src/scan.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));
function repo(files: Record<string, string>, options?: Parameters<typeof makeRepo>[1]): TempRepo {
  const made = makeRepo(files, options);
  repos.push(made);
  return made;
}

/** Reports every occurrence of the literal `DANGER-` followed by word characters. */
const dangerDetector: Detector = {
  id: 'test-danger',
  keywords: ['danger-'],
  rules: [
    {
      id: 'test-danger/marker',
      title: 'Danger marker',
      severity: 'high',
      why: 'The test detector reports every DANGER- marker it sees.',
      fix: 'Remove the marker.',
      precision: 'high',
      samples: { positive: [sample('a.txt', 'DANGER-1')], negative: [sample('a.txt', 'safe')] },
    },
  ],
  scanFile(file: SourceFile, out: FileEmitter) {
    for (const match of file.text.matchAll(/DANGER-\w+/g)) {
      out.report({
        ruleId: 'test-danger/marker',
        message: `Marker ${match[0]} found.`,
        location: { path: file.path, span: file.spanOf(match.index, match.index + match[0].length) },
        evidence: match[0],
      });
    }
  },
};

async function findings(root: string, extra: Partial<Parameters<typeof scan>[0]> = {}) {
  const result = await scan({ root, detectors: [dangerDetector], ...extra });
  return { result, where: result.findings.map((finding) => `${finding.location.path}:${finding.location.span.line}:${finding.location.span.column}`) };
}

describe('discovery', () => {
  it('honours nested .gitignore files, negations and .blast-radiusignore, and skips default-excluded directories', async () => {
    const r = repo({
      'src/app.ts': 'const a = "DANGER-app";\n',
      'logs/debug.log': 'DANGER-log\n',
      'packages/web/.gitignore': 'generated/\n!generated/keep.ts\n',
      'packages/web/generated/out.ts': 'DANGER-generated\n',
      'packages/web/src/index.ts': '\n\nDANGER-web\n',
      'node_modules/lib/index.js': 'DANGER-dependency\n',
      'dist/bundle.js': 'DANGER-build\n',
      'fixtures/sample.txt': 'DANGER-fixture\n',
      '.blast-radiusignore': 'fixtures/\n',
    }, { gitignored: ['*.log'] });
    const { where } = await findings(r.root);
    expect(where).toEqual(['packages/web/src/index.ts:3:1', 'src/app.ts:1:12']);
  });

  it("honours .git/info/exclude for untracked files, and an ignore file of comments only ignores nothing", async () => {
    const r = repo({ 'src/app.ts': 'const a = "DANGER-tracked";\n' });
    r.write('.git/info/exclude', '# git ls-files --others --exclude-from=.git/info/exclude\nscratch/\n');
    r.write('scratch/notes.txt', 'DANGER-excluded\n');
    r.write('src/new.ts', 'DANGER-untracked\n');
    r.write('packages/api/.gitignore', '# nothing ignored here yet\n\n   \n');
    r.write('packages/api/index.ts', 'DANGER-api\n');
    const { where } = await findings(r.root);
    expect(where).toEqual(['packages/api/index.ts:1:1', 'src/app.ts:1:12', 'src/new.ts:1:1']);
  });

  it('skips directories named like build output at any depth, but not files of those names', async () => {
    // `scripts/build` and `deploy/target` are scripts an agent runs; only the directories `build/` and `target/` are output.
    const r = repo({
      'scripts/build': 'export TOKEN=DANGER-script\n',
      'deploy/target': 'DANGER-target-file\n',
      'out': 'DANGER-out-file\n',
      'apps/web/build/main.js': 'DANGER-build-output\n',
      'crates/x/target/debug/x.d': 'DANGER-target-output\n',
      'apps/web/vendor/lib.js': 'DANGER-vendored\n',
      '.pc/fix-build.patch/src/lib.c': 'DANGER-pre-patch-copy\n',
    });
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['deploy/target:1:1', 'out:1:1', 'scripts/build:1:14']);
    // Left out, but said so: which names, how often, and where.
    const note = result.notifications.find((n) => n.code === 'directories-skipped');
    expect(note?.level).toBe('note');
    expect(note?.message).toBe('4 directories not scanned by default as dependencies, build output or caches: .pc/, build/, target/, vendor/; for example .pc, apps/web/build, apps/web/vendor, ....');
  });

  it('skips installed Python packages (virtualenvs under any name, which hold pyvenv.cfg, and site-packages trees) and installed Ansible collections', async () => {
    const r = repo({
      'src/app.py': 'TOKEN = "DANGER-app"\n',
      'env/pyvenv.cfg': 'home = /usr/bin\nversion = 3.11.7\n',
      'env/lib/python3.11/site-packages/moto/ca.key': 'DANGER-vendored-key\n',
      'py311/pyvenv.cfg': 'home = /usr/bin\n',
      'py311/bin/activate': 'DANGER-activate\n',
      'lambda/package/site-packages/requests/auth.py': 'DANGER-packaged\n',
      '__pypackages__/3.11/lib/pkg/x.py': 'DANGER-pep582\n',
      'collections/ansible_collections/cisco/dnac/playbooks/credentials.yml': 'DANGER-vendored-collection\n',
      'docs/pyvenv.md': 'DANGER-docs\n',
    });
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['docs/pyvenv.md:1:1', 'src/app.py:1:10']);
    expect(result.notifications.find((note) => note.code === 'virtualenv-skipped')?.message).toContain('2 Python virtualenvs not scanned');
  });

  it('notes git-ignored agent settings it did not read, and reads them with includeIgnored', async () => {
    const r = repo({ 'src/a.ts': 'x', '.claude/settings.local.json': '{ "permissions": { "allow": ["Bash(*)"] } }\n', 'logs/debug.log': 'x' }, { gitignored: ['.claude/settings.local.json', '*.log'] });
    const note = (await findings(r.root)).result.notifications.find((notification) => notification.code === 'ignored-agent-settings');
    expect(note?.message).toContain('.claude/settings.local.json: git-ignored agent settings');
    expect((await findings(r.root, { includeIgnored: true })).result.notifications.some((notification) => notification.code === 'ignored-agent-settings')).toBe(false);
  });

  it('scans git-ignored files with includeIgnored', async () => {
    const r = repo({ 'src/a.ts': 'x', 'logs/debug.log': 'DANGER-log\n' }, { gitignored: ['*.log'] });
    const plain = await findings(r.root);
    expect(plain.where).toEqual([]);
    // Left out, and said so.
    expect(plain.result.notifications.find((n) => n.code === 'ignored-files-skipped')?.message).toMatch(/^1 git-ignored file not scanned .*--include-ignored scans them/);
    const included = await findings(r.root, { includeIgnored: true });
    expect(included.where).toEqual(['logs/debug.log:1:1']);
    expect(included.result.notifications.some((n) => n.code === 'ignored-files-skipped')).toBe(false);
  });

  it('marks tracked and git-ignored .env files for detectors, reading ignored dotenv files without includeIgnored', async () => {
    const r = repo({ '.env': 'A=1\n', '.env.production': 'B=2\n', 'app.ts': 'x' }, { gitignored: ['.env'] });
    const seen: Array<{ path: string; tracked: boolean; gitIgnored: boolean }> = [];
    const probe: Detector = {
      id: 'probe',
      rules: [],
      scanFile(file) {
        seen.push({ path: file.path, tracked: file.tracked, gitIgnored: file.gitIgnored });
      },
    };
    await scan({ root: r.root, detectors: [probe] });
    expect(seen).toEqual([
      { path: '.env', tracked: false, gitIgnored: true },
      { path: '.env.production', tracked: true, gitIgnored: false },
      { path: '.gitignore', tracked: true, gitIgnored: false },
      { path: 'app.ts', tracked: true, gitIgnored: false },
    ]);
  });

  it('works outside a git repository', async () => {
    const r = repo({ 'notes.md': 'DANGER-notes\n' }, { git: false });
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['notes.md:1:1']);
    expect(result.complete).toBe(true);
  });

  it('does not follow symlinks, so a loop cannot hang the scan', async () => {
    const r = repo({ 'a/real.txt': 'DANGER-real\n' }, { git: false });
    symlinkSync(join(r.root, 'a'), join(r.root, 'a', 'loop'));
    symlinkSync('/etc', join(r.root, 'outside'));
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['a/real.txt:1:1']);
    expect(result.notifications.map((n) => n.code)).toContain('symlink-skipped');
  });
});

describe('bad input', () => {
  it('does not open FIFOs (which would block the scan) and says so', async () => {
    const r = repo({ 'ok.txt': 'DANGER-ok\n' }, { git: false });
    const made = spawnSync('mkfifo', [join(r.root, 'pipe.env')]);
    expect(made.status).toBe(0);
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['ok.txt:1:1']);
    expect(result.notifications.find((n) => n.code === 'special-file-skipped')?.message).toBe('1 special file (FIFOs, sockets, devices) not read: pipe.env.');
  });

  it('scans files whose names, or whose directories\' names, hold a line break (the glob\'s pattern does not match them)', async () => {
    const r = repo({ 'ok.txt': 'DANGER-ok\n', 'odd\nname.txt': 'DANGER-a\n', 'dir\rname/inner.txt': 'DANGER-b\n', 'sep\u2028name.txt': 'DANGER-c\n' }, { git: false });
    const { where } = await findings(r.root);
    expect(where.sort()).toEqual(['dir\rname/inner.txt:1:1', 'odd\nname.txt:1:1', 'ok.txt:1:1', 'sep\u2028name.txt:1:1']);
  });

  it('says why a file whose name is not valid UTF-8 could not be read', async () => {
    const r = repo({ 'ok.txt': 'DANGER-ok\n' }, { git: false });
    // The name's bytes: `bad`, 0xff (never valid in UTF-8), `name.txt`.
    writeFileSync(Buffer.concat([Buffer.from(`${r.root}/bad`), Buffer.from([0xff]), Buffer.from('name.txt')]), 'DANGER-hidden\n');
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['ok.txt:1:1']);
    const note = result.notifications.find((n) => n.code === 'unreadable');
    expect(note?.message).toBe('Could not read bad\uFFFDname.txt (its name is not valid UTF-8, which Node.js cannot open by name); not scanned.');
  });

  it('skips binary and oversized files with a count and a notification, and still scans the rest', async () => {
    const r = repo({ 'big.txt': `${'x'.repeat(5000)}\nDANGER-big\n`, 'ok.txt': 'DANGER-ok\n' }, { git: false });
    writeFileSync(join(r.root, 'blob.dat'), Buffer.from([0x44, 0x41, 0x4e, 0x00, 0x01, 0x02]));
    writeFileSync(join(r.root, 'logo.png'), Buffer.from('DANGER-png'));
    const { result, where } = await findings(r.root, { maxFileSize: 1000 });
    expect(where).toEqual(['ok.txt:1:1']);
    expect(result.stats.skippedBinary).toBe(2);
    expect(result.stats.skippedTooLarge).toBe(1);
    expect(result.notifications.find((n) => n.code === 'too-large')?.path).toBe('big.txt');
    // The size is the file's own, read from the open file (the walk does not stat).
    expect(result.notifications.find((n) => n.code === 'too-large')?.message).toContain('(5012 > 1000 bytes)');
  });

  it('reads files of every size up to the limit whole, one after another, each its own bytes', async () => {
    // Files are read into one reused buffer (16 MB at most); one larger than that but allowed gets its own.
    const large = `${'y'.repeat(17 * 1024 * 1024)}\nDANGER-large\n`;
    // A short file after a longer one must not see the longer one's bytes beyond its own end.
    const r = repo({ 'a-long.txt': 'aaaaaaaa\nDANGER-long\n', 'b-short.txt': 'b\n', 'c-large.txt': large, 'd-after.txt': 'DANGER-after\n' }, { git: false });
    const { result, where } = await findings(r.root, { maxFileSize: 32 * 1024 * 1024 });
    expect(where).toEqual(['a-long.txt:2:1', 'c-large.txt:2:1', 'd-after.txt:1:1']);
    expect(result.stats.skippedTooLarge).toBe(0);
    expect(result.stats.bytesRead).toBe(21 + 2 + large.length + 13);
  });

  it('decodes non-UTF-8 text as Latin-1 with a note, and UTF-16 with a BOM', async () => {
    const r = repo({}, { git: false });
    writeFileSync(join(r.root, 'latin1.txt'), Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' DANGER-latin\n')]));
    writeFileSync(join(r.root, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('DANGER-wide\n', 'utf16le')]));
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['latin1.txt:1:6', 'utf16.txt:1:1']);
    expect(result.notifications.filter((n) => n.code === 'non-utf8').map((n) => n.path)).toEqual(['latin1.txt']);
  });

  it('reports a file that vanished or cannot be read and goes on', async () => {
    const r = repo({ 'ok.txt': 'DANGER-ok\n' }, { git: false });
    const { result, where } = await findings(r.root, {
      files: [
        { path: 'gone.txt', absolutePath: join(r.root, 'gone.txt'), size: 10, tracked: false, gitIgnored: false },
        { path: 'ok.txt', absolutePath: join(r.root, 'ok.txt'), size: 10, tracked: false, gitIgnored: false },
      ],
    });
    expect(where).toEqual(['ok.txt:1:1']);
    expect(result.notifications.find((n) => n.code === 'unreadable')?.path).toBe('gone.txt');
    expect(result.stats.skippedUnreadable).toBe(1);
  });

  it('reports an unreadable file and an unreadable directory (EACCES), and scans the rest', async () => {
    const r = repo({ 'locked-dir/inside.txt': 'x\n', 'locked.txt': 'x\n', 'ok.txt': 'DANGER-ok\n' }, { git: false });
    chmodSync(join(r.root, 'locked.txt'), 0o000);
    chmodSync(join(r.root, 'locked-dir'), 0o000);
    let codes: string[];
    let where: string[];
    if (process.getuid?.() === 0) {
      // Root reads everything: the built scanner runs as `nobody` in a child process, over a tree nobody can enter.
      chmodSync(r.root, 0o755);
      chmodSync(join(r.root, 'ok.txt'), 0o644);
      const scanModule = join(process.cwd(), 'dist', 'src', 'scan.js');
      const script = `process.setgid(65534); process.setuid(65534); const { scan } = await import(${JSON.stringify(scanModule)}); const result = await scan({ root: ${JSON.stringify(r.root)}, detectors: [{ id: 'probe', rules: [], scanFile() {} }] }); console.log(JSON.stringify(result.notifications.map((n) => n.code + ' ' + n.path)));`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      codes = JSON.parse(child.stdout) as string[];
      where = [];
    } else {
      const scanned = await findings(r.root);
      codes = scanned.result.notifications.map((n) => `${n.code} ${n.path}`);
      where = scanned.where;
      expect(where).toEqual(['ok.txt:1:1']);
    }
    expect(codes).toEqual(expect.arrayContaining(['unreadable locked-dir', 'unreadable locked.txt']));
  });

  it('scans an empty directory cleanly', async () => {
    const r = repo({}, { git: false });
    mkdirSync(join(r.root, 'empty'));
    const { result } = await findings(r.root);
    expect(result.findings).toEqual([]);
    expect(result.stats.filesDiscovered).toBe(0);
    expect(result.complete).toBe(true);
  });

  it('refuses a missing path or a special file as root with a usage error, and scans a regular file alone', async () => {
    await expect(scan({ root: '/nonexistent/blast-radius' })).rejects.toBeInstanceOf(UsageError);
    const r = repo({ 'a.txt': 'x', 'b.txt': 'y' }, { git: false });
    execFileSync('mkfifo', [join(r.root, 'pipe')]);
    await expect(scan({ root: join(r.root, 'pipe') })).rejects.toBeInstanceOf(UsageError);
    const alone = await scan({ root: join(r.root, 'a.txt') });
    expect(alone.stats.filesRead).toBe(1);
  });

  it('isolates a crashing detector: a notification, and the other detectors still report', async () => {
    const r = repo({ 'a.txt': 'DANGER-a\n' }, { git: false });
    const crashing: Detector = {
      id: 'crashing',
      rules: [],
      scanFile() {
        throw new Error('boom');
      },
    };
    const result = await scan({ root: r.root, detectors: [crashing, dangerDetector] });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['test-danger/marker']);
    expect(result.notifications.find((n) => n.code === 'detector-error')?.message).toContain('boom');
  });
});

describe('suppression, baseline and config', () => {
  it('honours inline markers on the line or the line above, for all rules or the named one', async () => {
    const r = repo({
      'a.ts': [
        'const a = "DANGER-one"; // blast-radius-ignore test fixture',
        '// blast-radius-ignore: test-danger/marker rotated already',
        'const b = "DANGER-two";',
        '// blast-radius-ignore: other/rule not this one',
        'const c = "DANGER-three";',
      ].join('\n'),
    }, { git: false });
    const { result } = await findings(r.root);
    expect(result.findings.map((f) => [f.location.span.line, f.suppression?.justification])).toEqual([
      [1, 'test fixture'],
      [3, 'rotated already'],
      [5, undefined],
    ]);
  });

  it('suppresses findings whose fingerprints are in a baseline, and fingerprints survive line moves', async () => {
    const r = repo({ 'a.txt': 'DANGER-keep\nDANGER-new\n' }, { git: false });
    const first = await findings(r.root);
    const baseline = new Set([first.result.findings[0]!.fingerprint]);
    r.write('a.txt', '\n\n\nDANGER-keep\nDANGER-new\n');
    const second = await findings(r.root, { baseline });
    expect(second.result.findings.map((f) => [f.location.span.line, f.suppression?.kind])).toEqual([
      [4, 'external'],
      [5, undefined],
    ]);
  });

  it('reads .blast-radius.yml: ignored paths, rules off, severity overrides, allowed values', async () => {
    const r = repo({
      'a.txt': 'DANGER-x\nDANGER-allowed\n',
      'skip/b.txt': 'DANGER-b\n',
      '.blast-radius.yml': 'ignore:\n  - skip/\nrules:\n  test-danger/marker: low\nallow:\n  - DANGER-allowed\n',
    }, { git: false });
    const { result, where } = await findings(r.root);
    expect(where).toEqual(['a.txt:1:1']);
    expect(result.findings[0]!.severity).toBe('low');
    r.write('.blast-radius.yml', 'rules:\n  test-danger/*: off\n');
    expect((await findings(r.root)).where).toEqual([]);
  });

  it('rejects a broken config with a ConfigError naming the problem', async () => {
    const r = repo({ '.blast-radius.yml': 'rules:\n  x/y: loud\n' }, { git: false });
    await expect(findings(r.root)).rejects.toThrow(ConfigError);
    r.write('.blast-radius.yml', 'rules: [unclosed\n');
    await expect(findings(r.root)).rejects.toThrow(/not valid YAML/);
  });
});

describe('facts between detectors', () => {
  it('runs cross-file passes after the producers of the facts they consume, whatever the registry order', async () => {
    const r = repo({ 'a.txt': 'DANGER-x\n' }, { git: false });
    const order: string[] = [];
    const consumer: Detector = {
      id: 'consumer',
      rules: [],
      consumes: ['credential'],
      finish(context: FinishContext) {
        order.push(`consumer saw ${context.facts.all('credential').map((c) => c.scope).join(',')}`);
      },
    };
    const enricher: Detector = {
      id: 'enricher',
      rules: [],
      consumes: ['credential'],
      produces: ['credential'],
      finish(context) {
        context.enrich('credential', () => true, { scope: 'root' });
        order.push('enricher');
      },
    };
    const producer: Detector = {
      id: 'producer',
      rules: [],
      produces: ['credential'],
      scanFile(file, out) {
        out.publish('credential', {
          id: `${file.path}:1:1`, provider: 'test', kind: 'test-token', kindTitle: 'Test token', value: 'DANGER-x', valueHash: 'h',
          redacted: 'DANG****', location: { path: file.path, span: file.spanOf(0, 8) }, inIgnoredDotenv: false,
        });
      },
    };
    await scan({ root: r.root, detectors: [consumer, enricher, producer] });
    expect(order).toEqual(['enricher', 'consumer saw root']);
  });
});

describe('determinism', () => {
  it('returns the same findings in the same order on every run', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`dir${i % 7}/file${i}.txt`] = `x\nDANGER-${i}\n`;
    const r = repo(files, { git: false });
    const a = await findings(r.root);
    const b = await findings(r.root);
    expect(a.result.findings).toEqual(b.result.findings);
    expect(a.where).toEqual([...a.where].sort((x, y) => (x < y ? -1 : 1)));
  });
});
