// What every reporter may be told besides the scan result.
export interface RenderOptions {
  /** ANSI colours (text only; the CLI decides from TTY and NO_COLOR). */
  color: boolean;
  /** SARIF: emit suppressed findings with `suppressions[]` (GitHub ignores them, so they are left out by default). */
  includeSuppressed?: boolean;
  /** Markdown: at most this many finding rows (job summaries are capped at 1 MiB). */
  maxRows?: number;
}
