// Stretches of source that document rather than configure: Python docstrings and Ansible's module documentation
// (`DOCUMENTATION`, `EXAMPLES`, `RETURN` strings, YAML that shows how to call the module), JSDoc-style doc comments
// and Go's `doc.go`, patches' removed lines and hunks for test files, and what a document introduces as an example.
// A value there is an example an agent can still read, so it is reported, but low, as test and example files are.
import { isTestOrExamplePath } from '../../src/paths.js';
import type { SourceFile } from '../../src/model.js';

/** Module-level strings that hold documentation by convention (Ansible modules, plugin metadata). */
const DOC_ASSIGNMENT = /^(?:DOCUMENTATION|EXAMPLES?|RETURN|USAGE|DOC|HELP_TEXT)\s*=\s*[rRuUbB]{0,2}("""|''')/gm;
/** A triple-quoted string opening its line: a docstring when it follows a `def`/`class` line or opens the module. */
const LINE_OPENING_STRING = /^[ \t]*[rRuU]{0,2}("""|''')/gm;

/** Offsets [start, end) of the documentation stretches of a file; empty for languages without them. */
export function documentationRanges(file: SourceFile): Array<[number, number]> {
  if (/(^|\/)doc\.go$/.test(file.path)) return [[0, file.text.length]];
  if (/\.(?:patch|diff)$/i.test(file.path)) return patchRanges(file.text);
  if (DOC_COMMENT_LANGUAGE.test(file.path)) return docComments(file.text);
  if (file.format !== 'python' || (!file.text.includes('"""') && !file.text.includes("'''"))) return [];
  const ranges: Array<[number, number]> = [];
  const text = file.text;
  const closeOf = (quote: string, from: number): number => {
    const close = text.indexOf(quote, from);
    return close === -1 ? text.length : close + 3;
  };
  for (const match of text.matchAll(DOC_ASSIGNMENT)) {
    const open = match.index + match[0].length;
    ranges.push([open, closeOf(match[1]!, open)]);
  }
  // Where the module's first statement starts: a string opening there is the module's docstring.
  const firstStatement = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*/.exec(text)![0].length;
  let skipUntil = 0;
  for (const match of text.matchAll(LINE_OPENING_STRING)) {
    const open = match.index + match[0].length;
    // Inside a string already taken (a docstring's own lines that start with quotes), or one just closed.
    if (open < skipUntil || ranges.some(([start, end]) => start <= open && open < end)) continue;
    const lineStart = match.index;
    const previous = previousLine(text, lineStart);
    if (lineStart <= firstStatement || DEF_OR_CLASS.test(previous)) {
      const close = closeOf(match[1]!, open);
      ranges.push([open, close]);
      skipUntil = close;
    }
  }
  return ranges;
}

/** A `def`/`class` line, or the last line of a signature split over lines (`    b: int) -> str:`). */
const DEF_OR_CLASS = /^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t][^\n]*:[ \t]*(?:#[^\n]*)?$|\)[ \t]*(?:->[^\n:]*)?:[ \t]*(?:#[^\n]*)?$/;

/** The last non-blank line before `offset` (the start of a line), without reading the text before it. */
function previousLine(text: string, offset: number): string {
  let end = offset - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line.replace(/\r$/, '');
    end = start - 1;
  }
  return '';
}

/** Languages whose API documentation lives in doc comments (JSDoc, TSDoc, Javadoc, KDoc, PHPDoc). */
const DOC_COMMENT_LANGUAGE = /\.(?:[cm]?[jt]sx?|java|kt|kts|scala|groovy|php|cs|swift|dart)$/i;

/** Doc comment blocks: examples for readers (`masterPassword: "mustbeeightchars"`), not configuration. */
function docComments(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let open = text.indexOf('/**'); open !== -1; open = text.indexOf('/**', open + 3)) {
    const close = text.indexOf('*/', open + 3);
    const end = close === -1 ? text.length : close + 2;
    ranges.push([open, end]);
    open = end - 3;
  }
  return ranges;
}

export function inRanges(ranges: ReadonlyArray<[number, number]>, offset: number): boolean {
  return ranges.some(([start, end]) => start <= offset && offset < end);
}

/**
 * A patch describes changes to other files: what it removes (`-` lines) is on its way out, and what it adds to a test
 * or example file (`+++ b/test/ssl/server.key`) is test material. Both are read as examples, not as live secrets.
 */
function patchRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let testTarget = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).trim().replace(/^[ab]\//, '').split('\t')[0]!;
      testTarget = isTestOrExamplePath(target);
    } else if ((line.startsWith('-') && !line.startsWith('--- ')) || (testTarget && !line.startsWith('@@'))) {
      ranges.push([offset, end]);
    }
    offset = end + 1;
  }
  return ranges;
}

/** Prose that says what follows is an example: "for example", "e.g.", "a sample config", "such as". */
const EXAMPLE_MARKER = /\b(?:for example|for instance|examples?|e\.g\.|samples?|such as|looks? like)\b/i;
const DOCUMENT = /\.(?:md|mdx|markdown|rst|txt|adoc|asciidoc)$/i;

/**
 * Stretches of a document that it introduces as examples: a line that says so itself, and a fenced code block that
 * the prose just before it (three lines at most) says is one. A runbook's "use this token" block is not one.
 */
export function exampleRanges(file: SourceFile): Array<[number, number]> {
  if (!DOCUMENT.test(file.path)) return [];
  const ranges: Array<[number, number]> = [];
  const text = file.text;
  const recent: string[] = [];
  let offset = 0;
  let fence: { marker: string; start: number; example: boolean } | undefined;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const trimmed = line.trim();
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence) {
      if (marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length && trimmed.length === marker.length) {
        if (fence.example) ranges.push([fence.start, end]);
        fence = undefined;
      }
    } else if (marker) {
      fence = { marker, start: offset, example: recent.some((previous) => EXAMPLE_MARKER.test(previous)) };
      recent.length = 0;
    } else if (trimmed !== '') {
      if (EXAMPLE_MARKER.test(trimmed)) ranges.push([offset, end]);
      recent.push(trimmed);
      if (recent.length > 3) recent.shift();
    }
    offset = end + 1;
  }
  return ranges;
}

