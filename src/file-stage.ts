// The per-file stage of a scan: read, prefilter, decode, and each wanted detector's per-file pass, over a batch of
// files. It returns what the batch produced, in file order, as plain data, so that batches can run in worker threads
// and be merged back in order: the same findings and facts, in the same order, whatever ran where.
import { decodeBytes, readContent } from './discover/read.js';
import type { FactKind } from './facts/index.js';
import type { Detector, FileEmitter, FileRef, FindingInput, Location, Notification } from './model.js';
import { formatOf } from './parse/index.js';
import { initParsers, parserSet } from './parse/parsers.js';
import { KeywordIndex } from './prefilter.js';
import { LoadedFile, type ParserSet } from './source-file.js';
import { INLINE_MARKER, inlineSuppressions, type InlineSuppression } from './suppress.js';

export interface FileStageSettings {
  maxFileSize: number;
  /** No prefilter: every detector sees every file it admits by path (the slow path). */
  exhaustive: boolean;
  profile: boolean;
}

export interface FileStageOutput {
  reports: Array<{ input: FindingInput; detector: string }>;
  facts: Array<{ kind: FactKind; fact: unknown }>;
  notifications: Notification[];
  /** Inline suppression markers by file. */
  markers: Array<{ path: string; markers: Array<[number, InlineSuppression]> }>;
  counters: { filesRead: number; bytesRead: number; skippedBinary: number; skippedTooLarge: number; skippedUnreadable: number };
  /** Milliseconds per phase and detector, when profiling. */
  profile: Array<[string, number]>;
}


export class FileStage {
  private readonly keywordIndex: KeywordIndex;
  private readonly markerBit: number;
  private readonly parsers: ParserSet;

  private constructor(
    private readonly detectors: readonly Detector[],
    private readonly settings: FileStageSettings,
  ) {
    // One keyword group per detector (its bit says whether the detector wants the file), and the inline-suppression
    // marker as the last group, so a file holding one is always decoded and its markers read.
    this.keywordIndex = new KeywordIndex({
      groups: [...detectors.map((detector) => detector.keywords ?? []), [INLINE_MARKER]],
      lineKeywords: detectors.flatMap((detector) => detector.lineKeywords ?? []),
      lookupKeywords: detectors.flatMap((detector) => detector.lookupKeywords ?? []),
    });
    this.markerBit = 1 << detectors.length;
    this.parsers = parserSet();
  }

  /** Loads what the files' formats need (the HCL grammar) before the stage runs. */
  static async create(detectors: readonly Detector[], settings: FileStageSettings, files: readonly FileRef[]): Promise<FileStage> {
    await prepareFormats(files);
    return new FileStage(detectors, settings);
  }

  run(files: readonly FileRef[]): FileStageOutput {
    const output: FileStageOutput = {
      reports: [],
      facts: [],
      notifications: [],
      markers: [],
      counters: { filesRead: 0, bytesRead: 0, skippedBinary: 0, skippedTooLarge: 0, skippedUnreadable: 0 },
      profile: [],
    };
    const profile = new Map<string, number>();
    const time = <T>(key: string, work: () => T): T => {
      if (!this.settings.profile) return work();
      const start = performance.now();
      try {
        return work();
      } finally {
        profile.set(key, (profile.get(key) ?? 0) + performance.now() - start);
      }
    };
    const emitterFor = (detector: Detector, path: string, commit: string | undefined): FileEmitter => ({
      report: (input) => output.reports.push({ input: commit ? atCommit(input, path, commit) : input, detector: detector.id }),
      publish: (kind, fact) => output.facts.push({ kind, fact: commit ? atCommit(fact, path, commit) : fact }),
      notify: (notification) => output.notifications.push({ ...notification, path: notification.path ?? path }),
    });

    const profiling = this.settings.profile;
    const admitLabels = this.detectors.map((detector) => `${detector.id} admits`);
    for (const ref of files) {
      // Detectors by index: a detector's index is its bit among the prefilter's keyword groups.
      const admitted: number[] = [];
      this.detectors.forEach((detector, index) => {
        // Admission is asked of every file by every detector: timed (per detector) only when profiling.
        if (!detector.admits || (profiling ? time(admitLabels[index]!, () => detector.admits!(ref)) : detector.admits(ref))) admitted.push(index);
      });
      if (admitted.length === 0) continue;
      const outcome = time('read', () => readContent(ref, this.settings.maxFileSize));
      if (outcome.kind !== 'text' && outcome.kind !== 'bytes') {
        recordSkip(outcome, ref, this.settings.maxFileSize, output);
        continue;
      }
      output.counters.filesRead++;
      output.counters.bytesRead += outcome.kind === 'bytes' ? outcome.bytes.length : Buffer.byteLength(outcome.text);
      const hits = time('prefilter', () => (outcome.kind === 'bytes' ? this.keywordIndex.findInBytes(outcome.bytes) : this.keywordIndex.findInText(outcome.text)));
      const found = this.settings.exhaustive ? 'all' : hits.found;
      const wanted: Detector[] = [];
      for (const index of admitted) {
        const detector = this.detectors[index]!;
        if (!detector.scanFile) continue;
        if (this.settings.exhaustive || !detector.keywords || (hits.groups & (1 << index)) !== 0 || detector.admitsWithoutKeywords?.(ref) === true) wanted.push(detector);
      }
      const marked = (hits.groups & this.markerBit) !== 0;
      // A file no detector wants and no suppression marker names is never decoded.
      if (wanted.length === 0 && !marked) continue;
      const decoded = outcome.kind === 'bytes' ? time('decode', () => decodeBytes(outcome.bytes)) : outcome;
      if (decoded.lossy) {
        output.notifications.push({ level: 'note', code: 'non-utf8', message: `${ref.path} is not valid UTF-8; scanned as Latin-1.`, path: ref.path });
      }
      const text = decoded.text;
      // The prefilter's offsets are bytes; they are the text's too when every byte decoded to one UTF-16 unit.
      const offsetsAreText = outcome.kind === 'text' || text.length === outcome.bytes.length;
      const file = new LoadedFile(ref, formatOf(ref.path), text, this.parsers, found, hits.lines, (notification) => output.notifications.push(notification), offsetsAreText ? hits.lineOffsets : undefined);
      if (marked && text.includes(INLINE_MARKER)) output.markers.push({ path: ref.path, markers: [...inlineSuppressions(text)] });
      for (const detector of wanted) {
        const emitter = emitterFor(detector, ref.path, ref.commit);
        try {
          time(`${detector.id} scanFile`, () => detector.scanFile!(file, emitter));
        } catch (error) {
          output.notifications.push(detectorFailure(detector, error, ref.path));
        }
      }
    }
    output.profile = [...profile.entries()];
    return output;
  }
}

/** Loads the parsers the files' formats need that load asynchronously (the HCL grammar); a no-op once loaded. */
export async function prepareFormats(files: readonly FileRef[]): Promise<void> {
  await initParsers(new Set(files.map((file) => formatOf(file.path))));
}

/** A report or fact from a historical file version: its location (if in that file) carries the commit. */
function atCommit<T extends object>(value: T, path: string | undefined, commit: string): T {
  const location = (value as { location?: Location }).location;
  if (!location || location.commit || location.path !== path) return value;
  return { ...value, location: { ...location, commit } };
}

function recordSkip(outcome: { kind: 'binary' } | { kind: 'too-large'; size: number } | { kind: 'unreadable'; reason: string }, ref: FileRef, maxFileSize: number, output: FileStageOutput): void {
  switch (outcome.kind) {
    case 'binary':
      output.counters.skippedBinary++;
      return;
    case 'too-large':
      output.counters.skippedTooLarge++;
      output.notifications.push({
        level: 'note',
        code: 'too-large',
        message: `${ref.path} is larger than --max-file-size (${outcome.size} > ${maxFileSize} bytes); not scanned.`,
        path: ref.path,
      });
      return;
    case 'unreadable':
      output.counters.skippedUnreadable++;
      output.notifications.push({ level: 'warning', code: 'unreadable', message: `Could not read ${ref.path} (${outcome.reason}); not scanned.`, path: ref.path });
  }
}

export function detectorFailure(detector: Detector, error: unknown, path?: string): Notification {
  const message = error instanceof Error ? error.message : String(error);
  return {
    level: 'error',
    code: 'detector-error',
    message: `Detector ${detector.id} failed${path ? ` on ${path}` : ''}: ${message}. Other detectors and files were still scanned.`,
    path,
  };
}
