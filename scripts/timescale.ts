/**
 * `npm run --silent timescale -- <RULE_ID> <YYYY-MM-DD> [<YYYY-MM-DD>]`
 * Prints one line of JSON with the due date. All logic is in domain/timescales.
 */
import { runTimescaleCommand } from '../domain/timescales';

const outcome = runTimescaleCommand(process.argv.slice(2));
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
