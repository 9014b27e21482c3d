// The section a value sits under, read from the lines above it: a YAML parent key (`railway:`), a TOML or INI table
// (`[railway]`), a JSON object's key (`"railway": {`), an HCL block's labels (`provider "railway" {`). A bare `token`
// is a provider's when its section names the provider.

/** How far up a section header is looked for. */
const MAX_LINES_UP = 40;

const TABLE = /^[ \t]*\[\[?[ \t]*([^\]\s]+)[ \t]*\]\]?[ \t]*(?:[#;].*)?$/;
const YAML_KEY = /^[ \t]*(?:-[ \t]+)?["']?([\w.-]+)["']?[ \t]*:[ \t]*(?:#.*)?$/;
const JSON_KEY = /^[ \t]*"([^"]+)"[ \t]*:[ \t]*\{[ \t]*$/;
const HCL_BLOCK = /^[ \t]*([\w-]+(?:[ \t]+"[^"]*")*)[ \t]*=?[ \t]*\{[ \t]*$/;
const INLINE_OPEN = /["']?([\w.-]+)["']?[ \t]*[:=][ \t]*\{[^{}]*$/;
const MAX_INLINE = 200;
const COMMENT = /^[ \t]*(?:#|\/\/|;|$)/;

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;

/** The name of the section holding the line at `offset`, or undefined when none is found close above it. */
export function sectionAt(text: string, offset: number): string | undefined {
  let end = text.lastIndexOf('\n', offset - 1);
  const lineStart = end + 1;
  // An object opened on the value's own line: `"Linode": { "Token": "…" }`, YAML's `linode: { token: … }`.
  const inline = INLINE_OPEN.exec(text.slice(Math.max(lineStart, offset - MAX_INLINE), offset));
  if (inline) return inline[1];
  const lineEnd = text.indexOf('\n', lineStart);
  const indent = indentOf(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
  for (let seen = 0; end > 0 && seen < MAX_LINES_UP; seen++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (COMMENT.test(line)) continue;
    const table = TABLE.exec(line);
    if (table) return table[1];
    if (indentOf(line) >= indent) continue;
    const key = YAML_KEY.exec(line) ?? JSON_KEY.exec(line);
    if (key) return key[1];
    const block = HCL_BLOCK.exec(line);
    return block ? block[1]!.replace(/"/g, '') : undefined;
  }
  return undefined;
}
