/** "2.5" for 250 percent. */
export function times(percent: number): string {
  return (percent / 100).toString();
}

export const ORE_PER_KRONA = 100;
