import { runCli } from '../src/cli/program.js';
import { processIo } from '../src/cli/io.js';
await runCli(['--store', 'memory:x', 'demo'], { ...processIo(), stdout: { write: () => true } });
process.exitCode = await runCli(['--store', 'memory:x', '--actor', 'Iqbal Vaza:officer', ...process.argv.slice(2)], processIo());
