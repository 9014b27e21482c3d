// Lists the files under the root that a scan should consider, with gitignore semantics (nested .gitignore files,
// .git/info/exclude), the project's .blast-radiusignore, config ignores and default excludes. Never follows symlinks.
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { relative } from 'node:path';
import { join } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { FileRef, Notification } from '../model.js';
import { formatOf } from '../parse/index.js';

/** Directories no agent-relevant secret lives in and that are too large or generated to be worth reading. */
export const DEFAULT_EXCLUDED_DIRECTORIES = [
  '.git',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  '.venv',
  'venv',
  // Installed Python packages, wherever a virtualenv or a packaging step put them: third-party code.
  'site-packages',
  'dist-packages',
  '__pypackages__',
  // Ansible collections installed into the repository (`ansible-galaxy collection install -p collections`): other
  // vendors' modules, roles and example playbooks. A collection's own repository has its code at the root instead.
  'ansible_collections',
  '.direnv',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.terraform',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.parcel-cache',
  '.gradle',
  'dist',
  'build',
  'out',
  'target',
  'coverage',
  '.yarn',
  '.pnpm-store',
  'Pods',
  // quilt's copies of files as they were before each patch (Debian source packages): the tree holds them already.
  '.pc',
];

/** File names that are generated and hold hashes, never credentials. */
export const DEFAULT_EXCLUDED_FILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'Cargo.lock',
  'Gemfile.lock',
  'poetry.lock',
  'Pipfile.lock',
  'composer.lock',
  'go.sum',
  'uv.lock',
  'flake.lock',
  'packages.lock.json',
  'mix.lock',
  'pubspec.lock',
  'Podfile.lock',
];

const EXCLUDED_FILE_NAMES = new Set(DEFAULT_EXCLUDED_FILES);

/** Extensions that are always binary or minified: skipped by name, before any read. */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp ico icns webp avif tiff psd svgz pdf zip gz tgz bz2 xz 7z rar jar war ear class dll exe so dylib o a lib ' +
    'bin wasm woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv webm wav flac ogg pyc pyo whl egg db sqlite sqlite3 parquet ' +
    'onnx pt pth ckpt safetensors h5 npy npz pkl dmg iso img deb rpm apk ipa keystore jks min.js min.css map'
  ).split(' '),
);

export interface DiscoverOptions {
  root: string;
  /** Also list git-ignored files (what an agent on a laptop can read). */
  includeIgnored: boolean;
  /** Extra gitignore-style patterns from the config. */
  ignorePaths: readonly string[];
  /** Repo-relative paths git tracks. */
  tracked: ReadonlySet<string>;
}

export interface Discovery {
  files: FileRef[];
  notifications: Notification[];
  /** Files left out by name because their extension says binary. */
  skippedBinaryByName: number;
}

export function discover(options: DiscoverOptions): Discovery {
  const { root } = options;
  const notifications: Notification[] = [];
  // Lock files are excluded by name (a set lookup); the project's own ignore patterns, when it has any, by `ignore`.
  const blastIgnore = readIgnoreFile(join(root, '.blast-radiusignore'), notifications);
  const userPatterns = blastIgnore !== undefined || options.ignorePaths.length > 0 ? ignore().add(blastIgnore ?? '').add([...options.ignorePaths]) : undefined;
  const excluded = { ignores: (path: string) => EXCLUDED_FILE_NAMES.has(path.slice(path.lastIndexOf('/') + 1)) || (userPatterns?.ignores(path) ?? false) };

  // fast-glob drops unreadable directories silently; this reader records them so the user hears which were skipped.
  // It also leaves the excluded directories out of each listing, so the walk never enters them: as a fast-glob
  // `ignore` pattern they cost a regular expression per excluded name for every entry listed (a third of the listing
  // time over Python's site-packages).
  const unreadableDirectories: string[] = [];
  // fast-glob matches names with a regular expression whose `.` stops at a line break: a file named with one (or
  // under a directory named with one) would be left out without a word. The listing sees them; they are added back.
  const unmatchable: fg.Entry[] = [];
  const virtualenvs: string[] = [];
  const skippedDirectories: string[] = [];
  const recordingReaddirSync = ((path: string, options: unknown) => {
    try {
      const listing = readdirSync(path, options as { withFileTypes: true });
      // A virtualenv under any name (`env/`, `py311/`) holds `pyvenv.cfg`: installed packages, not the project's code.
      if (path !== root && listing.some((entry) => entry.name === 'pyvenv.cfg' && entry.isFile())) {
        virtualenvs.push(relative(root, path));
        return [];
      }
      const prefix = path === root ? '' : `${relative(root, path)}/`;
      const kept = withoutExcludedDirectories(listing, prefix, skippedDirectories);
      for (const entry of kept) if (LINE_TERMINATOR.test(entry.name) || LINE_TERMINATOR.test(prefix)) unmatchable.push({ name: entry.name, path: `${prefix}${entry.name}`, dirent: entry });
      return kept;
    } catch (error) {
      unreadableDirectories.push(`${relative(root, path) || '.'} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return [];
    }
  }) as typeof readdirSync;

  let entries: fg.Entry[];
  try {
    entries = fg.sync('**', {
      cwd: root,
      dot: true,
      // Directories and symbolic links come back too (their dirent says which), so that links (never followed)
      // can be counted rather than silently dropped. No stats: the dirent's type is enough to walk, and only the
      // files kept are stat'ed, below.
      onlyFiles: false,
      objectMode: true,
      followSymbolicLinks: false,
      // One pattern over one tree cannot list an entry twice: no duplicate check per entry.
      unique: false,
      suppressErrors: true,
      fs: { readdirSync: recordingReaddirSync },
    });
  } catch (error) {
    notifications.push({ level: 'error', code: 'discovery-failed', message: `Could not list files under the root: ${String(error)}` });
    entries = [];
  }

  if (unmatchable.length > 0) entries = [...entries, ...unmatchable];

  if (virtualenvs.length > 0) {
    notifications.push({
      level: 'note',
      code: 'virtualenv-skipped',
      message: `${virtualenvs.length} Python virtualenv${virtualenvs.length === 1 ? '' : 's'} not scanned (installed packages): ${virtualenvs.slice(0, 3).join(', ')}${virtualenvs.length > 3 ? ', ...' : ''}.`,
    });
  }
  if (skippedDirectories.length > 0) notifications.push(skippedDirectoriesNote(skippedDirectories));
  for (const directory of unreadableDirectories) {
    notifications.push({ level: 'warning', code: 'unreadable', message: `Could not read directory ${directory}; its files were not scanned.`, path: directory.replace(/ \(.*\)$/, '') });
  }

  const gitignore = new GitignoreStack(root, entries, notifications);
  const rootPrefix = root.endsWith('/') ? root : `${root}/`;
  const files: FileRef[] = [];
  let symlinks = 0;
  // FIFOs, sockets and devices: opening a FIFO blocks until something writes to it, and a device can read forever.
  const specialFiles: string[] = [];
  const ignoredAgentSettings: string[] = [];
  let ignoredFiles = 0;
  let skippedBinaryByName = 0;
  for (const entry of entries) {
    const path = entry.path;
    if (entry.dirent.isDirectory()) continue;
    if (entry.dirent.isSymbolicLink()) {
      symlinks++;
      continue;
    }
    if (!entry.dirent.isFile()) {
      if (!excluded.ignores(path)) specialFiles.push(path);
      continue;
    }
    if (excluded.ignores(path)) continue;
    if (isBinaryByName(path)) {
      skippedBinaryByName++;
      continue;
    }
    const tracked = options.tracked.has(path);
    // Tracked files are never ignored, whatever .gitignore says (git's own rule).
    const gitIgnored = !tracked && gitignore.ignores(path);
    // A git-ignored .env is where credentials belong: read it for scope facts, not reported as exposed.
    if (gitIgnored && !options.includeIgnored && formatOf(path) !== 'dotenv') {
      if (LOCAL_AGENT_SETTINGS.test(path)) ignoredAgentSettings.push(path);
      else ignoredFiles++;
      continue;
    }
    // No size: the read stats the open file anyway, so a stat here would be a second system call per file.
    files.push({ path, absolutePath: `${rootPrefix}${path}`, tracked, gitIgnored });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (ignoredAgentSettings.length > 0) {
    notifications.push({
      level: 'note',
      code: 'ignored-agent-settings',
      message: `${ignoredAgentSettings.slice(0, 3).join(', ')}${ignoredAgentSettings.length > 3 ? ` and ${ignoredAgentSettings.length - 3} more` : ''}: git-ignored agent settings, which the agent on this machine applies; not read (--include-ignored reads them).`,
    });
  }
  if (ignoredFiles > 0) {
    notifications.push({
      level: 'note',
      code: 'ignored-files-skipped',
      message: `${ignoredFiles} git-ignored file${ignoredFiles === 1 ? '' : 's'} not scanned (build output, local state); --include-ignored scans them, as an agent on a developer's machine would read them.`,
    });
  }
  if (symlinks > 0) {
    notifications.push({
      level: 'note',
      code: 'symlink-skipped',
      message: `${symlinks} symbolic link${symlinks === 1 ? '' : 's'} not followed (their targets inside the root are scanned as themselves).`,
    });
  }
  if (specialFiles.length > 0) {
    notifications.push({
      level: 'note',
      code: 'special-file-skipped',
      message: `${specialFiles.length} special file${specialFiles.length === 1 ? '' : 's'} (FIFOs, sockets, devices) not read: ${specialFiles.slice(0, 3).join(', ')}${specialFiles.length > 3 ? ', ...' : ''}.`,
    });
  }
  return { files, notifications, skippedBinaryByName };
}

const EXCLUDED_DIRECTORY_NAMES = new Set(DEFAULT_EXCLUDED_DIRECTORIES);

/** Per-developer agent settings kept out of git (`.claude/settings.local.json`): in force on the machine that has them. */
const LOCAL_AGENT_SETTINGS = /(^|\/)\.claude\/settings\.local\.json$|(^|\/)\.gemini\/settings\.json$|(^|\/)\.cursor\/(?:cli|permissions|mcp)\.json$|(^|\/)\.mcp\.json$|(^|\/)\.codex\/config\.toml$/;

/**
 * A directory listing without the excluded directories (files and links of those names stay); the paths of those left
 * out (but `.git`, which is never content) are added to `skipped`.
 */
/** What a regular expression's `.` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

function withoutExcludedDirectories(entries: Dirent[], prefix: string, skipped: string[]): Dirent[] {
  let kept: Dirent[] | undefined;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (EXCLUDED_DIRECTORY_NAMES.has(entry.name) && entry.isDirectory()) {
      if (entry.name !== '.git') skipped.push(`${prefix}${entry.name}`);
      kept ??= entries.slice(0, index);
    } else if (kept) {
      kept.push(entry);
    }
  }
  return kept ?? entries;
}

/** One note for every directory left out by name: which names, how many of each, and the first few paths. */
function skippedDirectoriesNote(paths: readonly string[]): Notification {
  const byName = new Map<string, number>();
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  const names = [...byName].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, count]) => (count === 1 ? `${name}/` : `${name}/ (${count})`)).join(', ');
  const sorted = [...paths].sort();
  return {
    level: 'note',
    code: 'directories-skipped',
    message:
      `${paths.length} director${paths.length === 1 ? 'y' : 'ies'} not scanned by default as dependencies, build output or caches: ${names}; ` +
      `for example ${sorted.slice(0, 3).join(', ')}${sorted.length > 3 ? ', ...' : ''}.`,
  };
}

export function isBinaryByName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.indexOf('.');
  if (dot < 0) return false;
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (BINARY_EXTENSIONS.has(last)) return true;
  const secondLast = name.slice(0, name.lastIndexOf('.'));
  const double = secondLast.slice(secondLast.lastIndexOf('.') + 1) + '.' + last;
  return BINARY_EXTENSIONS.has(double);
}

function readIgnoreFile(path: string, notifications: Notification[]): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    notifications.push({ level: 'warning', code: 'unreadable', message: `Could not read ${path}: ${String(error)}` });
    return undefined;
  }
}

/** A line that is neither blank nor a comment: an ignore file with none ignores nothing. */
const HAS_PATTERN = /^(?:[^#\s]|[ \t]+\S)/m;

/** Nested .gitignore semantics: each file's patterns apply relative to its directory; deeper files win. */
class GitignoreStack {
  private readonly byDirectory = new Map<string, Ignore>();

  constructor(root: string, entries: readonly fg.Entry[], notifications: Notification[]) {
    // `git init` writes an exclude file of comments only: rules that ignore nothing would still be asked about every
    // untracked path (a tenth of a second over 8,000 files).
    const exclude = readIgnoreFile(join(root, '.git', 'info', 'exclude'), notifications);
    if (exclude && HAS_PATTERN.test(exclude)) this.byDirectory.set('', ignore().add(exclude));
    for (const entry of entries) {
      if (!entry.path.endsWith('.gitignore') || entry.name !== '.gitignore') continue;
      const directory = entry.path.slice(0, -'.gitignore'.length).replace(/\/$/, '');
      const content = readIgnoreFile(join(root, entry.path), notifications);
      if (content === undefined || !HAS_PATTERN.test(content)) continue;
      const rules = this.byDirectory.get(directory) ?? ignore();
      rules.add(content);
      this.byDirectory.set(directory, rules);
    }
  }

  ignores(path: string): boolean {
    if (this.byDirectory.size === 0) return false;
    let ignored = false;
    // Each ancestor directory with rules, from the root down, judges the path relative to itself.
    for (let slash = -1; ; ) {
      const rules = this.byDirectory.get(slash === -1 ? '' : path.slice(0, slash));
      if (rules) {
        const verdict = rules.test(path.slice(slash + 1));
        if (verdict.ignored) ignored = true;
        else if (verdict.unignored) ignored = false;
      }
      slash = path.indexOf('/', slash + 1);
      if (slash === -1) return ignored;
    }
  }
}
