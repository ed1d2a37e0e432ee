import type { Io } from './io.js';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

const silent: Progress = { update: () => {}, stop: () => {} };

/** A bar on stderr while a person watches a terminal; nothing at all (and nothing loaded) when piped or asked for JSON. */
export async function progressBar(io: Io, options: { json?: boolean }, title: string): Promise<Progress> {
  if (!io.stdoutIsTTY || options.json || !process.stderr.isTTY || io.env.CI) return silent;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, hideCursor: true, clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label = '') {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
