// The section a value sits under, read from the lines above it: a YAML parent key (`railway:`), a TOML or INI table
// (`[railway]`), a JSON object's key (`"railway": {`), an HCL block's labels (`provider "railway" {`), a PHP array's
// key (Laravel's `'heroku' => [`), a Ruby configure block (`Heroku.configure do |c|`). A bare `token` is a provider's
// when its section names the provider.

/** How far up a section header is looked for. */
const MAX_LINES_UP = 40;

const TABLE = /^[ \t]*\[\[?[ \t]*([^\]\s]+)[ \t]*\]\]?[ \t]*(?:[#;].*)?$/;
const YAML_KEY = /^[ \t]*(?:-[ \t]+)?["']?([\w.-]+)["']?[ \t]*:[ \t]*(?:#.*)?$/;
const JSON_KEY = /^[ \t]*"([^"]+)"[ \t]*:[ \t]*\{[ \t]*$/;
const HCL_BLOCK = /^[ \t]*([\w-]+(?:[ \t]+"[^"]*")*)[ \t]*=?[ \t]*\{[ \t]*$/;
const PHP_ARRAY_KEY = /^[ \t]*['"]([\w.-]+)['"][ \t]*=>[ \t]*(?:\[|array[ \t]*\()[ \t]*$/;
const RUBY_CONFIGURE = /^[ \t]*(?:[A-Z]\w*::)*([A-Z]\w*)\.configure[ \t]+(?:do\b|\{)/;
const INLINE_OPEN = /["']?([\w.-]+)["']?[ \t]*[:=][ \t]*\{[^{}]*$/;
const MAX_INLINE = 200;
const COMMENT = /^[ \t]*(?:#|\/\/|;|$)/;

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;

/**
 * The name of the section holding the line at `offset` (the line starts at `lineStart`), or undefined when none is
 * found close above it. The line's start comes from the file's line index: found by searching back, and the line's
 * indent by copying the line, each value of a minified bundle's one line cost the line's length (8,000 secret-named
 * literals on one line took 2.7 s).
 */
export function sectionAt(text: string, offset: number, lineStart: number): string | undefined {
  let end = lineStart - 1;
  // An object opened on the value's own line: `"Linode": { "Token": "…" }`, YAML's `linode: { token: … }`.
  const inline = INLINE_OPEN.exec(text.slice(Math.max(lineStart, offset - MAX_INLINE), offset));
  if (inline) return inline[1];
  let indentEnd = lineStart;
  while (text.charCodeAt(indentEnd) === 32 || text.charCodeAt(indentEnd) === 9) indentEnd++;
  const indent = indentEnd - lineStart;
  for (let seen = 0; end > 0 && seen < MAX_LINES_UP; seen++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (COMMENT.test(line)) continue;
    const table = TABLE.exec(line);
    if (table) return table[1];
    if (indentOf(line) >= indent) continue;
    const key = YAML_KEY.exec(line) ?? JSON_KEY.exec(line) ?? PHP_ARRAY_KEY.exec(line) ?? RUBY_CONFIGURE.exec(line);
    if (key) return key[1];
    const block = HCL_BLOCK.exec(line);
    return block ? block[1]!.replace(/"/g, '') : undefined;
  }
  return undefined;
}
