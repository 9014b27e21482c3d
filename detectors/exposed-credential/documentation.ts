// Stretches of source that document rather than configure: Python docstrings and Ansible's module documentation
// (`DOCUMENTATION`, `EXAMPLES`, `RETURN` strings, YAML that shows how to call the module), and Go's `doc.go`. A
// value there is an example an agent can still read, so it is reported, but low, as test and example files are.
import type { SourceFile } from '../../src/model.js';

/** Module-level strings that hold documentation by convention (Ansible modules, plugin metadata). */
const DOC_ASSIGNMENT = /^(?:DOCUMENTATION|EXAMPLES?|RETURN|USAGE|DOC|HELP_TEXT)\s*=\s*[rRuUbB]{0,2}("""|''')/gm;
/** A triple-quoted string opening its line: a docstring when it follows a `def`/`class` line or opens the module. */
const LINE_OPENING_STRING = /^[ \t]*[rRuU]{0,2}("""|''')/gm;

/** Offsets [start, end) of the documentation stretches of a file; empty for languages without them. */
export function documentationRanges(file: SourceFile): Array<[number, number]> {
  if (/(^|\/)doc\.go$/.test(file.path)) return [[0, file.text.length]];
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
  for (const match of text.matchAll(LINE_OPENING_STRING)) {
    const open = match.index + match[0].length;
    if (ranges.some(([start, end]) => start <= open && open < end)) continue;
    const before = text.slice(0, match.index).trimEnd();
    // The module's first statement (after comments and a shebang), or the first statement of a def or class.
    const opensModule = before.split('\n').every((line) => line.trim() === '' || line.trimStart().startsWith('#'));
    if (opensModule || /(?:^|\n)[ \t]*(?:async[ \t]+)?(?:def|class)[ \t][^\n]*:[ \t]*(?:#[^\n]*)?$/.test(before)) ranges.push([open, closeOf(match[1]!, open)]);
  }
  return ranges;
}

export function inRanges(ranges: ReadonlyArray<[number, number]>, offset: number): boolean {
  return ranges.some(([start, end]) => start <= offset && offset < end);
}
