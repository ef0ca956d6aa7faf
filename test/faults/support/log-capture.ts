import { vi } from 'vitest';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Everything a process printed while a capture ran. */
export interface LogCapture {
  /** The captured chunks and console lines, in order. */
  readonly lines: string[];
  /** Ends the capture and restores the real streams and console. */
  stop(): void;
}

/**
 * Captures what is written to `process.stdout`, `process.stderr` and the
 * `console` methods (the Powertools logger writes to the streams; a stray
 * `console.*` call would go through the console) and swallows it.
 */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const record = (chunk: unknown) => {
    lines.push(
      chunk instanceof Uint8Array
        ? Buffer.from(chunk).toString('utf8')
        : String(chunk),
    );
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(record),
    vi.spyOn(process.stderr, 'write').mockImplementation(record),
    ...CONSOLE_METHODS.map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        record(args.map(String).join(' '));
      }),
    ),
  ];
  return {
    lines,
    stop: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
