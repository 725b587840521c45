/** "12 345 kr" for an amount in öre (whole kronor shown; öre kept when present). */
export function kr(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const rest = abs % 100;
  return `${sign}${whole}${rest ? `,${String(rest).padStart(2, "0")}` : ""} kr`;
}

/** "2.5" for 250 percent. */
export function times(percent: number): string {
  return (percent / 100).toString();
}

export const ORE_PER_KRONA = 100;
