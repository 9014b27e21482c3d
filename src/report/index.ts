// Picks a reporter by format. Every reporter is a pure function of the scan result; the CLI does the writing.
import type { ScanResult } from '../model.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { RenderOptions } from './options.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type { RenderOptions } from './options.js';

export function render(format: ReportFormat, result: ScanResult, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(result, options);
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result, options);
    case 'markdown':
      return renderMarkdown(result, options);
  }
}
