// Values in a document's tables, named by their columns: a runbook's `| Service | Credential |` table puts the secret
// word in the header and the provider in the row's first cell (`| Railway (team account) | 6f1c… |`), far from the
// value, where no `NAME=value` pattern sees them. A row's label and its column's header together name the value.
import type { SourceFile } from '../../src/model.js';
import type { Binding } from './bindings.js';
import { headingAbove } from './headings.js';

/**
 * The row under a table's header: Markdown's `|---|:--:|` (or `--- | ---`), reStructuredText's grid `+=====+=====+`.
 */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$|^[ \t]*\|[ \t]*:?-{3,}:?[ \t]*\|[ \t]*$|^[ \t]*\+(?:=+\+)+[ \t]*$/;
/** A reStructuredText grid table's rule between rows (`+-----+-----+`): part of the table, holding no cells. */
const GRID_RULE = /^[ \t]*\+(?:-+\+)+[ \t]*$/;
/** An AsciiDoc table's fence. */
const ASCIIDOC_FENCE = /^\|===[ \t]*$/;
export const SECRET_WORD = /token|secret|passw(?:or)?d|\bpass\b|passphrase|\bpwd\b|api[ _-]?key|access[ _-]?key|\bkey\b|credentials?|\bpat\b/i;
/** A column that holds values: named for a secret, for values, or for the environment the values belong to. */
const VALUE_COLUMN = /token|secret|passw(?:or)?d|\bpass\b|passphrase|\bpwd\b|\bkeys?\b|api[ _-]?key|credentials?|\bpat\b|\bvalues?\b|\b(?:prod(?:uction)?|staging|stage|dev(?:elopment)?|qa|test|preview|live|sandbox)\b/i;
/**
 * Columns and labels that say their values are something else: identifiers, digests, formats, documentation of a
 * setting (`| Token | Request ID |`, `| API key | Description | Default | Example |`).
 */
export const NOT_A_SECRET = /\b(?:ids?|uuids?|guids?|identifiers?|sha\d*|hash(?:es)?|digests?|checksums?|fingerprints?|commits?|versions?|names?|types?|descriptions?|defaults?|examples?|samples?|formats?|prefix(?:es)?|patterns?|notes?|comments?|scopes?|permissions?|length|required|optional|expir(?:y|es|ation)|created|usage|purpose|owner|status|header|env(?:ironment)? var(?:iable)?s?|variables?|location|stored|where|path|url|endpoint|host)\b/i;
/** A label that is itself a variable's name (`RAILWAY_TOKEN`, `cloudflare.api_token`). */
const IDENTIFIER = /^[A-Za-z_][\w.-]*$/;
/** A value cell: one word of token characters, no prose (a description column never binds). */
const VALUE_CELL = /^[^\s|`<>]{6,}$/;
/** The credential words a header says without saying which (`Credential`, `Secret`): an API token or key, named so by providers. */
const VAGUE_SECRET = /^(?:credentials?|secrets?|values?|api[ _-]?credentials?)$/i;
/** How far above a row its table's delimiter row may be. */
const MAX_TABLE_ROWS = 200;

interface Cell {
  text: string;
  start: number;
}

/**
 * The bindings of every table (Markdown, reStructuredText grid and list-table, AsciiDoc, HTML) one of whose lines
 * holds a secret word (the prefilter marked it).
 */
export function tableBindings(file: SourceFile): Binding[] {
  const bindings: Binding[] = [];
  // Markdown renders HTML, and READMEs written for GitHub use it for tables with code in their cells.
  if (file.text.includes('<t')) bindings.push(...htmlTableBindings(file.text));
  if (file.text.includes('list-table::')) bindings.push(...listTableBindings(file));
  if (file.text.includes('csv-table::')) bindings.push(...csvTableBindings(file));
  const lines = file.lineStarts.length;
  // Keyword lines come in order: the rows of a table already read are not walked up from again (a long table of
  // secret-named variables would cost the square of its length).
  let readUntil = 0;
  for (const line of file.keywordLines()) {
    if (line <= readUntil || !file.line(line).includes('|')) continue;
    const fence = asciidocFenceAbove(file, line, readUntil);
    if (fence !== undefined) {
      readUntil = readAsciidocTable(file, fence, bindings);
      continue;
    }
    const delimiter = delimiterAbove(file, line, readUntil);
    if (delimiter === undefined) {
      // Lines of pipes that are no table (a shell pipeline in a code block): the next line's walk stops here.
      readUntil = line;
      continue;
    }
    const header = cellsOf(file.line(delimiter - 1), 0).map((cell) => cell.text);
    const heading = headingAbove(file, delimiter - 1);
    let row = delimiter + 1;
    for (; row <= lines; row++) {
      const text = file.line(row);
      if (GRID_RULE.test(text)) continue;
      if (!text.includes('|')) break;
      bindings.push(...rowBindings(header, cellsOf(text, file.lineStart(row) ?? 0), heading));
    }
    readUntil = row - 1;
  }
  return bindings;
}

/** An HTML table, a row of it, and a cell with its markup (`<td class="mono">`, `<th scope="col">`). */
const HTML_TABLE = /<table\b[^>]*>([\s\S]*?)<\/table\s*>/gi;
const HTML_ROW = /<tr\b[^>]*>([\s\S]*?)(?:<\/tr\s*>|(?=<tr\b)|$)/gi;
const HTML_CELL = /<(t[dh])\b[^>]*>([\s\S]*?)(?:<\/\1\s*>|(?=<t[dh]\b)|$)/gi;
const HTML_TAG = /<[^>]*>/g;

/**
 * The tables of an HTML page or of a document's HTML (`<table><tr><th>Service</th><th>Token</th></tr>…`): the first
 * row is the header, a header row repeated further down is skipped, and each other row is read as a Markdown row is.
 * A table with no header row is a list of settings, one per row (`<tr><th>API token</th><td>…</td></tr>`, or two
 * plain cells a row): each row's first cell names the value beside it. A cell's text is what is left once its markup
 * (`<code>`, `<strong>`) is taken out.
 */
export function htmlTableBindings(text: string): Binding[] {
  const bindings: Binding[] = [];
  for (const table of text.matchAll(HTML_TABLE)) {
    const body = table[1]!;
    if (!SECRET_WORD.test(body.replace(HTML_TAG, ' '))) continue;
    const rows = htmlRows(body, table.index + table[0].indexOf(body));
    if (rows.length === 0) continue;
    const settings = settingsTable(rows);
    if (settings !== 'no') for (const row of rows) bindings.push(...rowBindings([row.cells[0]!.text, row.cells[0]!.text], row.cells));
    if (settings === 'yes') continue;
    const header = rows[0]!.cells.map((cell) => cell.text);
    for (const row of rows.slice(1)) {
      if (row.headers > 0 && row.cells.every((cell, index) => cell.text === header[index])) continue;
      bindings.push(...rowBindings(header, row.cells));
    }
  }
  return bindings;
}

interface HtmlRow {
  cells: Cell[];
  /** How many of its cells are `<th>`. */
  headers: number;
  /** Its first cell is a `<th>`. */
  labelled: boolean;
}

/** The rows of two cells or more of a table's body, each cell with its text and where that starts. */
function htmlRows(body: string, bodyStart: number): HtmlRow[] {
  const rows: HtmlRow[] = [];
  for (const row of body.matchAll(HTML_ROW)) {
    const rowStart = bodyStart + row.index + row[0].indexOf(row[1]!);
    const cells: Cell[] = [];
    let headers = 0;
    let labelled = false;
    for (const cell of row[1]!.matchAll(HTML_CELL)) {
      const header = cell[1]!.toLowerCase() === 'th';
      if (header) headers++;
      if (cells.length === 0) labelled = header;
      const inner = cell[2]!;
      const plain = inner.replace(HTML_TAG, ' ').trim().replace(/\s+/g, ' ');
      cells.push({ text: plain, start: rowStart + cell.index + cell[0].indexOf(inner) + textStart(inner) });
    }
    if (cells.length >= 2) rows.push({ cells, headers, labelled });
  }
  return rows;
}

/**
 * Whether a table has no header row: `yes` when its first row labels itself (a `<th>` then `<td>`s), `maybe` when no
 * row has a `<th>` and each has two cells (a name and its value, or a header written in `<td>`s: read both ways).
 */
function settingsTable(rows: readonly HtmlRow[]): 'yes' | 'maybe' | 'no' {
  const first = rows[0]!;
  if (first.labelled && first.headers === 1) return 'yes';
  return rows.every((row) => row.headers === 0 && row.cells.length === 2) ? 'maybe' : 'no';
}

/** Where the text of a cell's markup starts: past its tags and blanks (`<code>` before the value). */
function textStart(inner: string): number {
  let at = 0;
  while (at < inner.length) {
    if (inner[at] === '<') {
      const close = inner.indexOf('>', at);
      if (close === -1) break;
      at = close + 1;
    } else if (/\s/.test(inner[at]!)) at++;
    else break;
  }
  return at;
}

/** reStructuredText's list table: the directive, its options, then rows of `* - cell` and `  - cell`. */
const LIST_TABLE = /^([ \t]*)\.\. list-table::.*$/;
const LIST_ROW = /^([ \t]*)\*[ \t]+-[ \t]+(.*)$/;
const LIST_CELL = /^([ \t]*)-[ \t]+(.*)$/;

/**
 * The rows of reStructuredText's `.. list-table::` directives: a row starts at `* -`, each further cell at `-`. The
 * first row is the header (what `:header-rows: 1` says, and what a table without it reads as all the same); a cell's
 * first line is its text (a cell written over more lines is prose).
 */
function listTableBindings(file: SourceFile): Binding[] {
  const bindings: Binding[] = [];
  for (const body of directiveBodies(file, LIST_TABLE, MAX_TABLE_ROWS * 4)) {
    let header: string[] | undefined;
    let row: Cell[] | undefined;
    const close = () => {
      if (!row) return;
      if (!header) header = row.map((cell) => cell.text);
      else bindings.push(...rowBindings(header, row));
      row = undefined;
    };
    for (const { line, text } of body) {
      const opened = LIST_ROW.exec(text);
      const cell = opened ?? LIST_CELL.exec(text);
      if (!cell) continue;
      if (opened) {
        close();
        row = [];
      }
      if (!row) continue;
      const content = cell[2]!.trimEnd();
      row.push({ text: content, start: (file.lineStart(line) ?? 0) + text.length - cell[2]!.length });
    }
    close();
  }
  return bindings;
}

/**
 * The body of each reStructuredText directive `pattern` matches (group 1 its indent): the lines after it that hold
 * anything, up to the first indented no deeper than the directive, and at most `maxLines` on.
 */
function* directiveBodies(file: SourceFile, pattern: RegExp, maxLines: number): Generator<Array<{ line: number; text: string }>> {
  const lines = file.lineStarts.length;
  for (let line = 1; line <= lines; line++) {
    const directive = pattern.exec(file.line(line));
    if (!directive) continue;
    const indent = directive[1]!.length;
    const body: Array<{ line: number; text: string }> = [];
    let next = line + 1;
    for (; next <= lines && next - line < maxLines; next++) {
      const text = file.line(next);
      if (text.trim() === '') continue;
      if (text.length - text.trimStart().length <= indent) break;
      body.push({ line: next, text });
    }
    yield body;
    line = next - 1;
  }
}

const CSV_TABLE = /^([ \t]*)\.\. csv-table::.*$/;
const CSV_HEADER_OPTION = /^[ \t]*:header:[ \t]*(.*)$/;

/**
 * The rows of reStructuredText's `.. csv-table::` directives written inline: the `:header:` option's fields (or, with
 * `:header-rows: 1`, the first row) name the columns, each line after the options is a row of comma-separated, maybe
 * quoted, fields.
 */
function csvTableBindings(file: SourceFile): Binding[] {
  const bindings: Binding[] = [];
  for (const body of directiveBodies(file, CSV_TABLE, MAX_TABLE_ROWS * 2)) {
    let header: string[] | undefined;
    for (const { line, text } of body) {
      const option = CSV_HEADER_OPTION.exec(text);
      if (option) {
        header = csvCells(option[1]!, 0).map((cell) => cell.text);
        continue;
      }
      if (/^[ \t]*:[\w-]+:/.test(text)) continue;
      const cells = csvCells(text, file.lineStart(line) ?? 0);
      if (!header) header = cells.map((cell) => cell.text);
      else bindings.push(...rowBindings(header, cells));
    }
  }
  return bindings;
}

/** A CSV line's fields with their offsets: quoted (`"a, b"`, `""` for a quote) or bare, blanks around them dropped. */
function csvCells(line: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  for (const field of line.matchAll(/[ \t]*(?:"((?:[^"]|"")*)"|([^,]*?))[ \t]*(?:,|$)/g)) {
    if (field[0] === '' && field.index >= line.length) break;
    const quoted = field[1] !== undefined;
    const text = quoted ? field[1]!.replace(/""/g, '"') : field[2]!;
    const lead = field[0].length - field[0].trimStart().length + (quoted ? 1 : 0);
    cells.push({ text: text.trim(), start: offset + field.index + lead });
    if (field.index + field[0].length >= line.length) break;
  }
  return cells;
}

/** The opening `|===` of the AsciiDoc table `line` sits in, when it does. */
function asciidocFenceAbove(file: SourceFile, line: number, from: number): number | undefined {
  if (!file.line(line).startsWith('|')) return undefined;
  for (let above = line - 1; above > from && line - above < MAX_TABLE_ROWS; above--) {
    const text = file.line(above);
    if (ASCIIDOC_FENCE.test(text)) return above;
    if (text !== '' && !text.startsWith('|')) return undefined;
  }
  return undefined;
}

/**
 * An AsciiDoc table: its first line is the header (one cell per column), and the cells after it fill rows of as
 * many, whether a row is written on one line or a cell a line. Returns the last line read.
 */
function readAsciidocTable(file: SourceFile, fence: number, bindings: Binding[]): number {
  const lines = file.lineStarts.length;
  let header: string[] | undefined;
  let pending: Cell[] = [];
  let row = fence + 1;
  for (; row <= lines && row - fence < MAX_TABLE_ROWS; row++) {
    const text = file.line(row);
    if (ASCIIDOC_FENCE.test(text)) break;
    if (!text.startsWith('|')) continue;
    const cells = cellsOf(text, file.lineStart(row) ?? 0);
    if (!header) {
      header = cells.map((cell) => cell.text);
      continue;
    }
    pending.push(...cells);
    while (header.length > 1 && pending.length >= header.length) {
      bindings.push(...rowBindings(header, pending.slice(0, header.length)));
      pending = pending.slice(header.length);
    }
  }
  return row;
}

/** The delimiter row of the table `line` belongs to (the line itself may be the header), looked for below `from`. */
function delimiterAbove(file: SourceFile, line: number, from: number): number | undefined {
  if (line < file.lineStarts.length && DELIMITER_ROW.test(file.line(line + 1))) return line + 1;
  for (let above = line; above > Math.max(1, from) && line - above < MAX_TABLE_ROWS; above--) {
    const text = file.line(above);
    if (DELIMITER_ROW.test(text)) return above;
    if (GRID_RULE.test(text)) continue;
    if (!text.includes('|')) return undefined;
  }
  return undefined;
}

/** A row's cells with their offsets, outer pipes dropped; a pipe escaped (`\|`) stays inside its cell. */
function cellsOf(line: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  const trimmed = line.trimStart();
  if (trimmed.startsWith('|')) from = line.length - trimmed.length + 1;
  for (let at = from; at <= line.length; at++) {
    if (at < line.length && (line[at] !== '|' || line[at - 1] === '\\')) continue;
    const raw = line.slice(from, at);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: offset + from + lead });
    from = at + 1;
  }
  // The closing pipe leaves an empty cell after it.
  if (cells.length > 0 && cells[cells.length - 1]!.text === '' && line.trimEnd().endsWith('|')) cells.pop();
  return cells;
}

/**
 * Each value cell of a row, named by the row's label (its first cell) and the cell's column, and by the heading of the
 * document's section when the label does not say whose the value is.
 */
function rowBindings(header: readonly string[], cells: readonly Cell[], heading?: string): Binding[] {
  const label = unquoted(cells[0]?.text ?? '').text;
  if (label === '' || NOT_A_SECRET.test(label.replace(/[_.-]/g, ' '))) return [];
  const bindings: Binding[] = [];
  for (let column = 1; column < cells.length && column < header.length; column++) {
    const title = header[column]!;
    if (!VALUE_COLUMN.test(title) || NOT_A_SECRET.test(title)) continue;
    const cell = unquoted(cells[column]!.text);
    if (!VALUE_CELL.test(cell.text)) continue;
    const name = nameOf(label, title);
    if (name === undefined) continue;
    const start = cells[column]!.start + cell.lead;
    const aliases = IDENTIFIER.test(name) ? underHeading(name, heading) : aliasesOf(label, title, heading);
    bindings.push({ name, value: cell.text, start, end: start + cell.text.length, ...(aliases ? { aliases } : {}) });
  }
  return bindings;
}

/** The label alone when it names a secret (`RAILWAY_TOKEN`, `Render API key`), else with its column's secret word. */
function nameOf(label: string, title: string): string | undefined {
  if (SECRET_WORD.test(label)) return label;
  if (!SECRET_WORD.test(title)) return undefined;
  return `${label} ${title}`;
}

const spell = (text: string) => (text.match(/[A-Za-z0-9]+/g) ?? []).join('_').toUpperCase();
/** A name with and without its parenthesised qualifier: `Hetzner Cloud (prod)` and `Hetzner Cloud`. */
const spellings = (text: string): string[] => [...new Set([spell(text), spell(text.replace(/\([^)]*\)/g, ' '))])].filter((stem) => stem !== '');

/**
 * The variables a prose name stands for, spelled as providers spell them: `Hetzner Cloud (prod)` under `API token`
 * is HETZNER_CLOUD_PROD_API_TOKEN and HETZNER_CLOUD_API_TOKEN; a vague `Credential` column is the provider's API
 * token or API key (RAILWAY_API_TOKEN, VULTR_API_KEY). Under a heading (`## Cloudflare`) each is also the heading's:
 * CLOUDFLARE_API_TOKEN.
 */
export function aliasesOf(label: string, title: string, heading?: string): string[] {
  const own = SECRET_WORD.test(label);
  const aliases = new Set<string>();
  for (const stem of spellings(label)) {
    if (own) aliases.add(stem);
    else if (VAGUE_SECRET.test(title)) for (const suffix of ['API_TOKEN', 'API_KEY']) aliases.add(`${stem}_${suffix}`);
    else aliases.add(`${stem}_${spell(title)}`);
  }
  if (heading === undefined) return [...aliases];
  const headings = spellings(heading);
  return [...aliases, ...[...aliases].flatMap((alias) => headings.map((stem) => `${stem}_${alias}`))];
}

/** A secret's name that says nothing of whose it is (`API_TOKEN`, `token`, `api-key`). */
const BARE_SECRET_NAME = /^(?:(?:api|access|auth|secret|private)[_.-]?)?(?:token|key|secret)$/i;

/**
 * A label that is a variable's own name keeps it; a bare one (`API_TOKEN`) under a heading also stands for the
 * heading's (`## Cloudflare`: CLOUDFLARE_API_TOKEN). One naming its provider (`RAILWAY_TOKEN`) is never renamed.
 */
function underHeading(name: string, heading: string | undefined): string[] | undefined {
  if (heading === undefined || !BARE_SECRET_NAME.test(name)) return undefined;
  return [spell(name), ...spellings(heading).map((stem) => `${stem}_${spell(name)}`)];
}

/** A cell's text without the code span or emphasis around it, and how far in the text starts. */
function unquoted(text: string): { text: string; lead: number } {
  const quoted = /^(`+|\*\*|\*|_|"|')([^`*"']+)\1$/.exec(text);
  return quoted ? { text: quoted[2]!.trim(), lead: quoted[1]!.length + (quoted[2]!.length - quoted[2]!.trimStart().length) } : { text, lead: 0 };
}
