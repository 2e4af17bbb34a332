import { toDiagnostic, diagnostic } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { OutputClash } from '../write/output-writer.js';
import { TemplateError } from './environment.js';

/** The diagnostic of a page that could not be rendered or written: a template's error names the template and its line. */
export function renderDiagnostic(source: string, error: unknown): Diagnostic {
  if (error instanceof OutputClash) return diagnostic('error', source, error.message);
  if (error instanceof TemplateError) {
    return diagnostic('error', source, `template ${error.file ?? ''}${error.line ? `:${error.line}` : ''}: ${error.message}`);
  }
  return toDiagnostic(source, error);
}

