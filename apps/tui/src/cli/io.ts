/** Where a command reads its settings and writes its output; tests pass their own to run in-process. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** Progress bars and colours only make sense when a person is watching a terminal. */
  stdoutIsTTY: boolean;
}

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
});

export const line = (io: Io, text = ''): void => {
  io.stdout.write(`${text}\n`);
};

export const json = (io: Io, value: unknown): void => {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
