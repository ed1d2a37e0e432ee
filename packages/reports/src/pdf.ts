import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { PdfUnavailableError } from './format.js';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumAvailable = (): boolean => existsSync(chromiumPath());

// Without the networking flags Chromium tries to reach the internet at start and stalls.
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Prints self-contained HTML to an A4 PDF; the page loads nothing from outside. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const path = chromiumPath();
  if (!existsSync(path)) throw new PdfUnavailableError(path);
  const browser = await chromium.launch({ executablePath: path, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
