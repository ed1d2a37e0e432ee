import { z } from 'zod';
import { DomainError } from '@ragtrail/core';

export const ReportFormat = z.enum(['md', 'html', 'xlsx', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportOptions = z.object({
  planId: z.string().trim().min(1, 'planId is required'),
  period: z.string().trim().min(1).optional(),
  asOf: z.string().trim().min(1).optional(),
  format: ReportFormat,
});
export type ReportOptions = z.infer<typeof ReportOptions>;

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

export const contentTypes: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** PDF needs a Chromium on the machine; say so plainly rather than fail deep inside the browser driver. */
export class PdfUnavailableError extends DomainError {
  constructor(path: string) {
    super('rule', `PDF output needs Chromium, which was not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH, or ask for html and print it`, 'format', 'chromium-installed');
  }
}
