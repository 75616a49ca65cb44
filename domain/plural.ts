/** "1 action", "3 actions", "2 working days": the count with the word that fits it. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
