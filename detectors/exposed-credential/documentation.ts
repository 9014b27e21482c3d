// Stretches of source that document rather than configure: Python docstrings and Ansible's module documentation
// (`DOCUMENTATION`, `EXAMPLES`, `RETURN` strings, YAML that shows how to call the module), JSDoc-style doc comments,
// C's block comments, Jinja templates' `{# ... #}` comments, Ruby's, Go's and Rust's line doc comments and Go's
// `doc.go`, Elixir's `@doc` heredocs, an Ansible module's YAML documentation, patches' removed lines and hunks for
// test files, and what a document (a page, a manual) introduces as an example.
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
  // A documentation build's cache of what its commands printed (pgBackRest's `doc/resource/exe.cache`): the output of
  // a throwaway container the guide was rendered in. Only in a docs tree: elsewhere a `.cache` may hold a live login.
  if (DOCS_BUILD_CACHE.test(file.path) && DOCS_TREE.test(file.path)) return [[0, file.text.length]];
  if (/\.(?:patch|diff)$/i.test(file.path)) return patchRanges(file.text);
  if (DOC_COMMENT_LANGUAGE.test(file.path)) return docComments(file.text);
  if (C_FAMILY.test(file.path)) return blockComments(file.text);
  if (JINJA.test(file.path)) return blockComments(file.text, '{#', '#}');
  if (isApiDescription(file)) return exampleKeyRanges(file.text);
  if (isJsonSchema(file)) return exampleKeyRanges(file.text, SCHEMA_PROSE_KEY);
  if (ELIXIR.test(file.path)) return elixirDocs(file.text);
  if (ANSIBLE_SIDECAR.test(file.path)) return sidecarDocs(file.text);
  const lineDocs = LINE_DOC_LANGUAGES.find((language) => language.path.test(file.path));
  if (lineDocs) return lineDocComments(file.text, lineDocs);
  if (file.format !== 'python') return [];
  const ranges: Array<[number, number]> = /\bexamples?\b/i.test(file.text) ? pythonExampleValues(file.text) : [];
  if (file.text.includes(PROGRAM_NAME)) ranges.push(...usageLines(file.text));
  if (file.text.includes('examples:')) ranges.push(...helpExamples(file.text));
  if (!file.text.includes('"""') && !file.text.includes("'''")) return ranges;
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

/**
 * The value of an `examples` key or keyword: plugin metadata (cloud-init's `"examples": [dedent("""…""")]`), a schema's
 * or pydantic's `Field(examples=[…])`. A list, tuple, dict or string that shows a reader a configuration.
 */
const PYTHON_EXAMPLE_VALUE = /(?:["']examples?["'][ \t]*:|\bexamples?[ \t]*=(?!=))[ \t]*(?=[[({"']|[rRuUbB]{1,2}["'])/gi;

function pythonExampleValues(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let after = 0;
  for (const match of text.matchAll(PYTHON_EXAMPLE_VALUE)) {
    const open = match.index + match[0].length;
    if (open < after) continue;
    after = endOfPythonValue(text, open);
    ranges.push([open, after]);
  }
  return ranges;
}

/** A YAML `examples:` key alone on its line: in Python source, only inside a string. */
const HELP_EXAMPLES_KEY = /^[ \t]*examples:[ \t]*$/gm;

/**
 * The examples of a command's help written as YAML in a string (knack's `helps['vm create'] = """ … examples: - name: …
 * text: az vm create …"""`, as the Azure CLI and its extensions write every command's help), up to the string's end.
 */
function helpExamples(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let after = 0;
  for (const match of text.matchAll(HELP_EXAMPLES_KEY)) {
    if (match.index < after) continue;
    const close = /"""|'''/.exec(text.slice(match.index, match.index + MAX_HELP_EXAMPLES));
    if (!close) continue;
    after = match.index + close.index;
    ranges.push([match.index, after]);
  }
  return ranges;
}

const MAX_HELP_EXAMPLES = 20_000;

/** argparse's stand-in for the program's name, in a usage or epilog text. */
const PROGRAM_NAME = '%(prog)s';

/**
 * Command lines a program's help shows (argparse's `%(prog)s --os-auth-token 6ee5eb33… list`), through the lines a
 * trailing backslash continues: how to call the program, for its reader to fill in.
 */
function usageLines(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let at = text.indexOf(PROGRAM_NAME); at !== -1; at = text.indexOf(PROGRAM_NAME, at + PROGRAM_NAME.length)) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    while (end !== -1 && /\\[ \t]*$/.test(text.slice(Math.max(start, end - 4), end))) end = text.indexOf('\n', end + 1);
    ranges.push([start, end === -1 ? text.length : end]);
    if (end === -1) break;
    at = Math.max(at, end - PROGRAM_NAME.length);
  }
  return ranges;
}

/** Where the bracketed value or string literal starting at `open` ends: brackets counted, strings skipped over. */
function endOfPythonValue(text: string, open: number): number {
  let depth = 0;
  let index = open;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"' || char === "'") {
      const quote = text.startsWith(char.repeat(3), index) ? char.repeat(3) : char;
      let close = index + quote.length;
      while (close < text.length && !text.startsWith(quote, close)) close += text[close] === '\\' ? 2 : 1;
      index = Math.min(text.length, close + quote.length);
      if (depth === 0) return index;
      continue;
    }
    if (char === '[' || char === '(' || char === '{') depth++;
    else if (char === ']' || char === ')' || char === '}') {
      depth--;
      if (depth <= 0) return index + 1;
    } else if (depth === 0 && !/[rRuUbB]/.test(char)) return index;
    index++;
  }
  return text.length;
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

/** An OpenAPI or Swagger description, by its first key: its `example` values show what an API takes and returns. */
function isApiDescription(file: SourceFile): boolean {
  return (file.format === 'yaml' || file.format === 'json') && API_DESCRIPTION.test(file.text.slice(0, 2_000));
}

const API_DESCRIPTION = /^[ \t{]*["']?(?:swagger|openapi)["']?[ \t]*:/m;
const EXAMPLE_KEY = /^([ \t]*)["']?(?:example|examples|x-example|x-examples)["']?[ \t]*:/;

/**
 * A JSON Schema (a package's `config.schema.json`, an editor's settings schema): what it says of a setting is prose
 * for the people who fill it in, with the values they might write (`Authorization: Bearer eZv5o+fW…`).
 */
function isJsonSchema(file: SourceFile): boolean {
  return (file.format === 'yaml' || file.format === 'json') && JSON_SCHEMA.test(file.text.slice(0, 2_000));
}

const JSON_SCHEMA = /["']?\$schema["']?[ \t]*:[ \t]*["']?https?:\/\/json-schema\.org\//;
const SCHEMA_PROSE_KEY = /^([ \t]*)["']?(?:description|markdownDescription|deprecationMessage|examples?)["']?[ \t]*:/;

/** Each `example:` (or `examples:`) key's value: its own line and the lines indented past the key, YAML or JSON. */
function exampleKeyRanges(text: string, keyPattern = EXAMPLE_KEY): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open: { indent: number; start: number; end: number } | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const indent = line.length - line.trimStart().length;
    if (open) {
      if (line.trim() === '' || indent > open.indent || /^[ \t]*[}\]]/.test(line)) {
        if (line.trim() !== '') open.end = end;
        // A JSON value closes at the key's own indentation: its bracket belongs to it, the next key does not.
        if (indent > open.indent || line.trim() === '') {
          offset = end + 1;
          continue;
        }
      }
      ranges.push([open.start, open.end]);
      open = undefined;
    }
    const key = keyPattern.exec(line);
    if (key) open = { indent: key[1]!.length, start: offset, end };
    offset = end + 1;
  }
  if (open) ranges.push([open.start, open.end]);
  return ranges;
}

/** An Ansible module's documentation beside its PowerShell code (`plugins/modules/win_user.yml`): `DOCUMENTATION`, `EXAMPLES`, `RETURN`. */
const ANSIBLE_SIDECAR = /(?:^|\/)plugins\/modules\/[^/]+\.ya?ml$/;
const SIDECAR_KEY = /^(?:DOCUMENTATION|EXAMPLES|RETURN)[ \t]*:/;

function sidecarDocs(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open: number | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    // A top-level key ends the one before it.
    if (/^[^\s#-]/.test(line)) {
      if (open !== undefined) ranges.push([open, offset]);
      open = SIDECAR_KEY.test(line) ? offset : undefined;
    }
    offset += line.length + 1;
  }
  if (open !== undefined) ranges.push([open, text.length]);
  return ranges;
}

const ELIXIR = /\.exs?$/i;
/** Elixir's documentation attributes: a heredoc (or its `~S` sigil) whose `iex>` lines are doctests, not configuration. */
const ELIXIR_DOC = /@(?:moduledoc|doc|typedoc)[ \t]+(?:~[sS])?("""|''')/g;

function elixirDocs(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(ELIXIR_DOC)) {
    const open = match.index + match[0].length;
    const close = text.indexOf(match[1]!, open);
    ranges.push([open, close === -1 ? text.length : close + 3]);
  }
  return ranges;
}

/** C and C++, whose headers and sources document in plain block comments (`/* An Example: CONNECTION="…" *\/`). */
const C_FAMILY = /\.(?:c|h|cc|cpp|cxx|hh|hpp|hxx|ipp)$/i;

/** Jinja templates, whose `{# ... #}` comment at the top documents the variables a role takes, with example values. */
const JINJA = /\.(?:j2|jinja2?)$/i;

/** Block comments of more than one line: prose and examples, not a value commented out on its line. */
function blockComments(text: string, opener = '/*', closer = '*/'): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let open = text.indexOf(opener); open !== -1; open = text.indexOf(opener, open + opener.length)) {
    const close = text.indexOf(closer, open + opener.length);
    const end = close === -1 ? text.length : close + closer.length;
    if (text.lastIndexOf('\n', end - 1) > open) ranges.push([open, end]);
    open = end - opener.length;
  }
  return ranges;
}

/**
 * Languages documented in a run of line comments: Ruby's RDoc and YARD and RBS signatures (`#` lines right above a
 * `def`), Go's doc comments (`//` lines right above a declaration), Rust's `///` and `//!` wherever they are.
 */
interface LineDocLanguage {
  path: RegExp;
  comment: RegExp;
  /** The line a run of comments documents; undefined when every run of such comments is documentation. */
  documents?: RegExp;
}
const LINE_DOC_LANGUAGES: readonly LineDocLanguage[] = [
  { path: /\.(?:rb|rbs|rake)$/i, comment: /^[ \t]*#/, documents: /^[ \t]*(?:def|class|module|attr_(?:reader|writer|accessor)|define_method|alias_method|alias|interface|type)\b/ },
  { path: /\.go$/i, comment: /^[ \t]*\/\//, documents: /^(?:func|type|var|const|package)\b/ },
  { path: /\.rs$/i, comment: /^[ \t]*\/\/[/!]/ },
];

function lineDocComments(text: string, language: LineDocLanguage): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let run: [number, number] | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    if (language.comment.test(line)) {
      run = run ? [run[0], end] : [offset, end];
    } else {
      if (run && (!language.documents || language.documents.test(line))) ranges.push(run);
      run = undefined;
    }
    offset = end + 1;
  }
  if (run && !language.documents) ranges.push(run);
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

const DOCS_BUILD_CACHE = /\.cache$/i;

/**
 * Words right before a value that say it is one example of what goes there (`placeholder: 'e.g. hvs.2OCsZx…'`, a
 * help text's `for example: ghp_…`, a page's "a connection URL (e.g. `mysql://user:kw8sd@…`)"): a form's hint or
 * a flag's help, whatever its format.
 */
const EXAMPLE_LEAD = /(?:\be\.g\.|\bi\.e\.|\bfor (?:example|instance)|\bexample|\bsuch as)[ \t]*[:,]?[ \t]*["'`(]?(?:[a-z][\w+.-]*:\/\/[^\s:@/'"`]{0,40}:)?$/i;
/** How far before a value its lead may start: the words, a quote, and a URL's scheme and user before its password. */
const EXAMPLE_LEAD_REACH = 80;

/**
 * The value at `start` follows, on its own line (which starts at `lineStart`, from the file's line index: searching
 * back for it costs a minified bundle's whole line for each of its values), words that call it an example.
 */
export function ledAsExample(text: string, start: number, lineStart: number): boolean {
  return EXAMPLE_LEAD.test(text.slice(Math.max(lineStart, start - EXAMPLE_LEAD_REACH), start));
}

/** Prose that says what follows is an example: "for example", "e.g.", "a sample config", "such as". */
const EXAMPLE_WORDS = String.raw`for example|for instance|examples?|e\.g\.|samples?|such as|looks? like|something like|similar to`;
const EXAMPLE_MARKER = new RegExp(String.raw`\b(?:${EXAMPLE_WORDS})\b`, 'i');
/**
 * On a docs site's page, also a default every reader of the page is given ("or set default values"); a runbook or a
 * README may well call the values it holds "the default values" of its own deployment.
 */
const DOCS_EXAMPLE_MARKER = new RegExp(String.raw`\b(?:${EXAMPLE_WORDS}|default values?)\b`, 'i');
/**
 * A request to the writer's own machine: a block that shows a session with a local server (`curl -L
 * http://localhost:2379/v3/auth/authenticate`) shows the tokens that server handed out, not ones a deployment uses.
 */
const LOCAL_REQUEST = /\bhttps?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])[:/]/i;
/**
 * A host of the domains reserved for documentation (RFC 2606: `example.com`, `.net`, `.org`), named in a block: the
 * block shows how a setting is written (`hosts: zabbix.example.net` above `ansible_zabbix_auth_key: 8ec0d5…`), against
 * no server anyone runs.
 */
const DOCUMENTATION_HOST = /(?:^|[\s/@"'`=:(])(?:[a-z0-9-]+\.)*example\.(?:com|net|org)(?![\w.-]*[a-z0-9])/im;
const DOCUMENT = /\.(?:md|mdx|markdown|rst|txt|adoc|asciidoc)$/i;
const RESTRUCTURED_TEXT = /\.rst$/i;
/** Markup a documentation tree writes its pages in (Tomcat's and DocBook's XML, HTML pages). */
const MARKUP_PAGE = /\.(?:xml|html?|xhtml)$/i;
/** A documentation site's tree: `docs/`, `doc/`, `documentation/`, `website/`, a static site's `content/`. */
export const DOCS_TREE = /(?:^|\/)(?:docs?|documentation|website|site|content)\//i;
/** A manual page by its name (`ssh_config.5`, `mysqld_multi.1`) and its first request (`.TH`, `.Dd`, a comment). */
const MAN_PAGE = /\.[1-9][a-z]?$/;
const ROFF_START = /^(?:\.\\"|'\\"|\.(?:TH|Dd|de|so)\b)/;
/** Roff requests that show lines as typed (no-fill, a literal display, an example) and those that end them. */
const ROFF_OPEN = /^\.(?:nf|Bd|EX)\b/;
const ROFF_CLOSE = /^\.(?:fi|Ed|EE)\b/;
const ROFF_PARAGRAPH = /^\.(?:PP|P|LP|Pp|sp|IP|TP|Sh|SH|SS)\b/;
/** Elements a page shows code in, opening and closing: `<source>`, `<pre>`, DocBook's `<programlisting>` and `<screen>`. */
const MARKUP_OPEN = /<(source|pre|programlisting|screen|literallayout)\b/i;
/** An RST literal block opens after a paragraph ending in `::` or a code directive. */
const RST_LITERAL = /::$|^\.\.[ \t]+(?:code-block|code|sourcecode|literalinclude|doctest|prompt)::/;
/** A directive, or a lone `::`, that opens a literal block as a paragraph of its own. */
const RST_DIRECTIVE = /^(?:\.\.[ \t]|::$)/;
/** An interactive session shown in a document: Python's doctest (`>>> s = SessionStore(session_key=…)`). */
const DOCTEST = /^(?:>>>|\.\.\.)(?: |$)/;
/** Lines of a paragraph read for what introduces a block: enough for a manual's long sentence. */
const PARAGRAPH_LINES = 12;

type DocumentSyntax = 'markdown' | 'roff' | 'markup';

function syntaxOf(file: SourceFile): DocumentSyntax | undefined {
  // An API description's `description` fields are Markdown too.
  if (DOCUMENT.test(file.path) || isApiDescription(file)) return 'markdown';
  if (MAN_PAGE.test(file.path) && ROFF_START.test(file.text.slice(0, 16))) return 'roff';
  if (MARKUP_PAGE.test(file.path) && DOCS_TREE.test(file.path)) return 'markup';
  return undefined;
}

/**
 * Stretches of a document that it introduces as examples: a line that says so itself, a doctest line, and a block of
 * code (a Markdown fence, an RST literal block, a manual's no-fill display, a page's `<source>` or `<pre>`) that the
 * prose just before it (its paragraph, or the last three lines) says is one. A runbook's "use this token" block is not one.
 */
export function exampleRanges(file: SourceFile): Array<[number, number]> {
  const syntax = syntaxOf(file);
  if (!syntax) return [];
  const ranges: Array<[number, number]> = [];
  const text = file.text;
  // reStructuredText (also in `.txt`: Django's docs) has no fences, and underlines headings with `~~~~`.
  const fences = RESTRUCTURED_TEXT.test(file.path) ? 'none' : /\.txt$/i.test(file.path) ? 'backticks' : 'any';
  const recent: string[] = [];
  let paragraph: string[] = [];
  // The paragraph before the last blank line: what introduces an RST directive, which stands as a paragraph of its own.
  let previousParagraph: string[] = [];
  const docsPage = DOCS_TREE.test(file.path);
  const exampleMarker = docsPage ? DOCS_EXAMPLE_MARKER : EXAMPLE_MARKER;
  // Under a heading that says it shows examples ("Example Playbook", "## Examples", a bold "**Sample host_vars**"),
  // every line and block is one, until a heading of the same level or above ends that section.
  let exampleLevel: number | undefined;
  const underlines: string[] = [];
  const markdownFile = MARKDOWN_FILE.test(file.path);
  // The block just closed was an example and no prose has come since: a block right after it (the next file of the
  // same example, `main.cf` then `chains.pem`) continues it.
  let afterExampleBlock = false;
  const introduced = () => exampleLevel !== undefined || afterExampleBlock || recent.some((previous) => exampleMarker.test(previous)) || paragraph.some((previous) => exampleMarker.test(previous));
  // A block is shown as an example when its prose says so, when a comment at its top does (`# Example for a small
  // deployment`), or (in a docs tree) when it talks to a local server.
  const shown = (example: boolean, start: number, end: number) => example || commentSaysExample(text, start, end) || (docsPage && LOCAL_REQUEST.test(text.slice(start, end))) || DOCUMENTATION_HOST.test(text.slice(start, end));
  const closed = (example: boolean) => {
    afterExampleBlock = example;
  };
  let offset = 0;
  let fence: { marker: string; start: number; example: boolean } | undefined;
  // An open block that ends at a closing line (a manual's display, a page's element).
  let display: { close: RegExp; start: number; example: boolean } | undefined;
  // An RST literal block: the lines indented past its opening line's indentation.
  let literal: { indent: number; start: number; example: boolean; entered: boolean } | undefined;
  let lastEnd = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const trimmed = line.trim();
    if (literal) {
      const indent = line.length - line.trimStart().length;
      if (trimmed === '' || indent > literal.indent) {
        if (trimmed !== '') literal.entered = true;
        if (DOCTEST.test(trimmed)) ranges.push([offset, end]);
        lastEnd = end;
        offset = end + 1;
        continue;
      }
      const example = literal.entered && shown(literal.example, literal.start, lastEnd);
      if (example) ranges.push([literal.start, lastEnd]);
      closed(example);
      literal = undefined;
    }
    if (fence) {
      const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
      if (marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length && trimmed.length === marker.length) {
        const example = shown(fence.example, fence.start, end);
        if (example) ranges.push([fence.start, end]);
        closed(example);
        fence = undefined;
      }
    } else if (display) {
      if (display.close.test(line)) {
        const example = shown(display.example, display.start, end);
        if (example) ranges.push([display.start, end]);
        closed(example);
        display = undefined;
      }
    } else if (syntax === 'markdown' && fences !== 'none' && (fences === 'any' ? /^(`{3,}|~{3,})/ : /^`{3,}/).test(trimmed)) {
      fence = { marker: /^(`{3,}|~{3,})/.exec(trimmed)![1]!, start: offset, example: introduced() };
      recent.length = 0;
      paragraph = [];
      previousParagraph = [];
    } else if (syntax === 'roff' && ROFF_OPEN.test(trimmed)) {
      display = { close: ROFF_CLOSE, start: offset, example: introduced() };
      recent.length = 0;
      paragraph = [];
      previousParagraph = [];
    } else if (syntax === 'markup' && MARKUP_OPEN.test(line)) {
      const element = MARKUP_OPEN.exec(line)![1]!;
      const close = new RegExp(`</${element}\\s*>`, 'i');
      const example = introduced() || exampleMarker.test(line.slice(0, line.search(MARKUP_OPEN)));
      if (close.test(line)) {
        if (example) ranges.push([offset, end]);
        closed(example);
      } else display = { close, start: offset, example };
      recent.length = 0;
      paragraph = [];
      previousParagraph = [];
    } else if (trimmed === '' || (syntax === 'roff' && ROFF_PARAGRAPH.test(trimmed))) {
      if (paragraph.length > 0) previousParagraph = paragraph;
      paragraph = [];
    } else if (syntax === 'roff' && /^[.']/.test(trimmed)) {
      // Other requests format the text around them; they are not prose.
    } else if (syntax === 'markup' && TAGS_ONLY.test(trimmed)) {
      // Tags alone on their line (`</pre>`, `</blockquote>`, `<blockquote>`) wrap the blocks; they are not prose.
    } else if (syntax === 'markdown' && DOCTEST.test(trimmed)) {
      ranges.push([offset, end]);
    } else {
      const heading = headingOf(syntax, trimmed, paragraph, underlines, markdownFile);
      if (heading !== undefined) {
        if (exampleLevel !== undefined && heading.level <= exampleLevel) exampleLevel = undefined;
        if (exampleLevel === undefined && exampleMarker.test(heading.text)) exampleLevel = heading.level;
      }
      afterExampleBlock = false;
      if (exampleLevel !== undefined || exampleMarker.test(trimmed)) ranges.push([offset, end]);
      recent.push(trimmed);
      if (recent.length > 3) recent.shift();
      paragraph.push(trimmed);
      if (paragraph.length > PARAGRAPH_LINES) paragraph.shift();
      if (syntax === 'markdown' && RST_LITERAL.test(trimmed)) {
        const ownParagraph = paragraph.length === 1 && RST_DIRECTIVE.test(trimmed);
        const example = introduced() || (ownParagraph && previousParagraph.some((previous) => exampleMarker.test(previous)));
        literal = { indent: line.length - line.trimStart().length, start: end + 1, example, entered: false };
        recent.length = 0;
        paragraph = [];
        previousParagraph = [];
      }
    }
    lastEnd = end;
    offset = end + 1;
  }
  if (literal?.entered && shown(literal.example, literal.start, lastEnd)) ranges.push([literal.start, lastEnd]);
  return ranges;
}

const MARKDOWN_FILE = /\.(?:md|mdx|markdown)$/i;

/** A line of nothing but markup tags. */
const TAGS_ONLY = /^(?:<\/?[A-Za-z][^<>]*>\s*)+$/;
/** An ATX heading (`## Examples`), an HTML one (`<h2>Example</h2>`), or a setext or RST underline (`-----`, `~~~~`). */
const ATX_HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const HTML_HEADING = /^<h([1-6])[^>]*>(.*?)<\/h[1-6]>/i;
const UNDERLINE = /^(?:={3,}|-{3,}|~{3,}|\^{3,}|\*{3,}|"{3,}|\+{3,})$/;
/** A paragraph of one bold phrase (`**Sample host_vars/switch1**`): a heading below every real one. */
const BOLD_LINE = /^(?:\*\*([^*]+)\*\*|__([^_]+)__):?$/;
const BOLD_LEVEL = 7;

interface Heading {
  text: string;
  /** 1 for a title; deeper headings count up. */
  level: number;
}

/**
 * The heading this line makes, if it makes one: its own text for an ATX, HTML or bold-line heading, the line above for
 * an underline (the paragraph read so far, of one line). An underline's level is the order its character first
 * underlined a heading in the file (reStructuredText's rule; Markdown's `===` comes before its `---`).
 */
function headingOf(syntax: DocumentSyntax, trimmed: string, paragraph: readonly string[], underlines: string[], markdownFile: boolean): Heading | undefined {
  if (syntax === 'markdown') {
    const atx = ATX_HEADING.exec(trimmed);
    if (atx) return { text: atx[2]!, level: atx[1]!.length };
    if (UNDERLINE.test(trimmed) && paragraph.length === 1) {
      // Markdown's setext headings are of level 1 (`===`) and 2 (`---`), whichever comes first.
      if (underlines.length === 0 && markdownFile) underlines.push('=', '-');
      if (!underlines.includes(trimmed[0]!)) underlines.push(trimmed[0]!);
      return { text: paragraph[0]!, level: underlines.indexOf(trimmed[0]!) + 1 };
    }
    const bold = paragraph.length === 0 ? BOLD_LINE.exec(trimmed) : null;
    if (bold) return { text: bold[1] ?? bold[2]!, level: BOLD_LEVEL };
    return undefined;
  }
  if (syntax === 'markup') {
    const html = HTML_HEADING.exec(trimmed);
    return html ? { text: html[2]!, level: Number(html[1]) } : undefined;
  }
  return undefined;
}

/** A comment among a block's first lines that says the block is an example (`# Example for a small deployment`). */
const EXAMPLE_COMMENT = /^[ \t]*(?:#|\/\/|--|;|\/\*|<!--)[^\n]*\b(?:for example|for instance|examples?|e\.g\.|samples?)\b/im;
const BLOCK_TOP_LINES = 4;

function commentSaysExample(text: string, start: number, end: number): boolean {
  let lineEnd = start;
  for (let line = 0; line < BLOCK_TOP_LINES && lineEnd !== -1 && lineEnd < end; line++) lineEnd = text.indexOf('\n', lineEnd + 1);
  const top = text.slice(start, lineEnd === -1 || lineEnd > end ? end : lineEnd);
  return EXAMPLE_COMMENT.test(top);
}
