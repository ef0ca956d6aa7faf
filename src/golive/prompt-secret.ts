import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

import { SetupRefusedError } from './errors.js';

/** Streams of {@link promptSecret}; the terminal by default. */
export interface PromptStreams {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/**
 * Asks for one secret on the terminal without echoing what is typed: the
 * question is written, then the output is muted until the line is read.
 * Answers the line, trimmed.
 */
export async function promptSecret(
  question: string,
  streams: PromptStreams = { input: process.stdin, output: process.stderr },
): Promise<string> {
  let isMuted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!isMuted) streams.output.write(chunk, encoding);
      done();
    },
  });
  const lines = createInterface({
    input: streams.input,
    output,
    terminal: true,
  });
  try {
    streams.output.write(question);
    isMuted = true;
    const answer = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      lines.once('close', () =>
        reject(new SetupRefusedError('The input ended before a value.')),
      );
    });
    return answer.trim();
  } finally {
    isMuted = false;
    streams.output.write('\n');
    lines.close();
  }
}
