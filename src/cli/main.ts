import { config as loadDotenv } from 'dotenv';

import { runCli } from './run-cli.js';

loadDotenv({ quiet: true });
// The CLI's own output is the report; service logs below ERROR would
// interleave with it on stdout.
process.env.LOG_LEVEL ??= 'ERROR';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
// AWS SDK clients may hold idle sockets open; the run is over.
process.exit(code);
