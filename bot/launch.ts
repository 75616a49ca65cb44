/**
 * Production entry point (`npm run serve`, dist/bot/index.js): runs the bundled bot
 * (dist/bot/bundle.js, bot/index.ts and what it imports) with V8's code cache of an earlier start.
 */
import path from 'node:path';
import { runWithCodeCache } from './codeCache';

runWithCodeCache(path.join(__dirname, 'bundle.js'));
