/** Time, injected everywhere in delivery/ so tests can run a year of reminders in milliseconds. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
