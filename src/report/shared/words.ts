/** "1 problem", "2 problems": counts in words, the same everywhere. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
