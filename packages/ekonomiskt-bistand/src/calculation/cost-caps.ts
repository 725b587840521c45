import type { Ore } from "@arbetsliv/core/values";
import { CapBasis, type CostType } from "../enums";

/**
 * A cap rule (the municipality's guideline for a reasonable cost, e.g. the highest acceptable
 * rent): applies when the household has at least `threshold` persons/children; the rule with
 * the highest matching threshold wins; each person/child above the threshold adds `perAdditional`.
 */
export interface CostCapRule {
  costType: CostType;
  basis: CapBasis;
  threshold: number;
  amount: Ore;
  perAdditional: Ore;
}

/** The cap for a cost type, or null when the municipality has set none (the claimed amount is assessed as is). */
export function capFor(
  costType: CostType,
  rules: readonly CostCapRule[],
  persons: number,
  children: number,
): { cap: Ore; rule: CostCapRule } | null {
  let best: CostCapRule | null = null;
  for (const rule of rules) {
    if (rule.costType !== costType) continue;
    const value = rule.basis === CapBasis.CHILDREN ? children : persons;
    if (rule.threshold <= value && (!best || rule.threshold > best.threshold)) best = rule;
  }
  if (!best) return null;
  const value = best.basis === CapBasis.CHILDREN ? children : persons;
  return { cap: best.amount + (value - best.threshold) * best.perAdditional, rule: best };
}
