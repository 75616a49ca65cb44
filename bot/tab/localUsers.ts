/**
 * Local mode's identities: the mock users of Microsoft 365 Agents Playground
 * (`.m365agentsplayground.yml`, the tenant `npm start` runs). Only read when the bot has no
 * Teams credentials; the developer picks one of them in the standalone dashboard.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface LocalUser {
  readonly aadObjectId: string;
  readonly name: string;
}

const PLAYGROUND_CONFIG = '.m365agentsplayground.yml';
const UserSchema = z.object({ aadObjectId: z.string().regex(/^[0-9a-f-]{36}$/i), name: z.string().min(1).max(200) });

/**
 * The `currentUser` and `users` entries of the playground YAML. The file is flat and written by
 * us, so reading `name:` / `aadObjectId:` pairs per entry is enough and needs no YAML library.
 */
export function parsePlaygroundUsers(yaml: string): LocalUser[] {
  const users: LocalUser[] = [];
  let section: 'currentUser' | 'users' | undefined;
  let entry: Record<string, string> = {};
  const flush = (): void => {
    const parsed = UserSchema.safeParse(entry);
    if (parsed.success) users.push(parsed.data);
    entry = {};
  };
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      flush();
      section = line.startsWith('currentUser:') ? 'currentUser' : line.startsWith('users:') ? 'users' : undefined;
      continue;
    }
    if (!section) continue;
    if (/^\s*-\s/.test(line)) flush();
    const m = /^\s*(?:-\s+)?(name|aadObjectId):\s*(.+?)\s*$/.exec(line);
    if (m?.[1] && m[2]) entry[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  flush();
  return users;
}

/** Walks up from this file, so it works from bot/tab (tsx) and dist/bot/tab (the build). */
export function findRepoFile(name: string, from: string = __dirname): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadPlaygroundUsers(): LocalUser[] {
  const file = findRepoFile(PLAYGROUND_CONFIG);
  return file ? parsePlaygroundUsers(readFileSync(file, 'utf8')) : [];
}
