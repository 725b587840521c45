import { formatKronor, type LocalDate } from "@arbetsliv/core/values";
import { AllocationPolicy, RemainderRule } from "../shared/enums";

/** One eligible application of a fund, in whole kronor. */
export interface Claim {
  applicationId: number;
  receivedDate: LocalDate;
  /** Whole kronor asked (≥ 0). */
  asked: number;
}

export interface PolicyConfig {
  policy: AllocationPolicy;
  remainderRule: RemainderRule;
  /** Whole kronor any one application may get at most; null = no cap. */
  maxPerApplication: number | null;
}

export interface AllocationLine {
  applicationId: number;
  /** Whole kronor. */
  amount: number;
  explanation: string;
}

/** Whole kronor as people read them. */
const fmt = (kronor: number | bigint) => formatKronor(BigInt(kronor) * 100n);

/** Application order: received date, then application id (registration order). */
export function inApplicationOrder<C extends Pick<Claim, "receivedDate" | "applicationId">>(claims: readonly C[]): C[] {
  return [...claims].sort((a, b) =>
    a.receivedDate < b.receivedDate ? -1 : a.receivedDate > b.receivedDate ? 1 : a.applicationId - b.applicationId,
  );
}

function assertWhole(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be whole kronor ≥ 0, got ${n}`);
}

/**
 * Fördelning of one fund's available amount among its eligible applications. Pure and
 * deterministic: the same claims in any input order give the same amounts. Every amount
 * is whole kronor, none exceeds what was asked (or the round's cap), and the sum never
 * exceeds `available`.
 *
 * EQUAL: the largest equal share L such that Σ min(claimᵢ, L) ≤ available; everyone gets
 * min(claimᵢ, L). NEED_BASED: everyone gets their claim when the fund suffices, otherwise
 * ⌊claimᵢ × available / Σ claims⌋. The whole kronor left over (fewer than the number of
 * applications that could take one) go one each — largest fractional remainder first, ties
 * in application order — under DISTRIBUTE_IN_ORDER, or stay in the fund under KEEP_IN_FUND.
 */
export function allocateFund(
  fundName: string,
  available: number,
  claimsIn: readonly Claim[],
  config: PolicyConfig,
): AllocationLine[] {
  assertWhole("available", available);
  if (config.maxPerApplication !== null) assertWhole("maxPerApplication", config.maxPerApplication);
  const claims = inApplicationOrder(claimsIn);
  for (const c of claims) assertWhole(`asked (application ${c.applicationId})`, c.asked);
  if (claims.length === 0) return [];
  const cap = config.maxPerApplication;
  const claim = claims.map((c) => (cap === null ? c.asked : Math.min(c.asked, cap)));
  const capNote = (i: number) =>
    cap !== null && claims[i].asked > cap
      ? `asked ${fmt(claims[i].asked)}, capped at the round's maximum ${fmt(cap)}`
      : `asked ${fmt(claims[i].asked)}`;
  const n = claims.length;
  const intro = `${fundName} distributes ${fmt(available)} among ${n} eligible application${n === 1 ? "" : "s"}`;

  if (config.policy === AllocationPolicy.EQUAL) {
    const level = equalLevel(available, claim);
    const amounts = claim.map((c) => Math.min(c, level));
    const extra = new Array<number>(n).fill(0);
    if (config.remainderRule === RemainderRule.DISTRIBUTE_IN_ORDER) {
      let left = available - amounts.reduce((s, a) => s + a, 0);
      for (let i = 0; i < n && left > 0; i++) {
        if (amounts[i] < claim[i]) {
          extra[i] = 1;
          left -= 1;
        }
      }
    }
    return claims.map((c, i) => {
      const amount = amounts[i] + extra[i];
      const why =
        claim[i] <= level
          ? `${capNote(i)}, which is within the equal share ${fmt(level)}, so gets ${fmt(amount)}`
          : `equal share ${fmt(level)}${extra[i] ? " + 1 kr of the remainder (application order)" : ""} = ${fmt(amount)} (${capNote(i)})`;
      return { applicationId: c.applicationId, amount, explanation: `Lika belopp (EQUAL): ${intro}; ${why}.` };
    });
  }

  const total = claim.reduce((s, c) => s + c, 0);
  if (total <= available) {
    return claims.map((c, i) => ({
      applicationId: c.applicationId,
      amount: claim[i],
      explanation: `Behovsbaserat (NEED_BASED): ${intro}; the claims total ${fmt(total)}, which the fund covers, so gets the full claim ${fmt(claim[i])} (${capNote(i)}).`,
    }));
  }
  const A = BigInt(available);
  const S = BigInt(total);
  const base = claim.map((c) => (BigInt(c) * A) / S);
  const rem = claim.map((c) => (BigInt(c) * A) % S);
  const extra = new Array<number>(n).fill(0);
  if (config.remainderRule === RemainderRule.DISTRIBUTE_IN_ORDER) {
    let left = A - base.reduce((s, b) => s + b, 0n);
    const order = claims.map((_, i) => i).sort((a, b) => (rem[b] > rem[a] ? 1 : rem[b] < rem[a] ? -1 : a - b));
    for (const i of order) {
      if (left <= 0n) break;
      if (rem[i] > 0n) {
        extra[i] = 1;
        left -= 1n;
      }
    }
  }
  return claims.map((c, i) => {
    const amount = Number(base[i]) + extra[i];
    return {
      applicationId: c.applicationId,
      amount,
      explanation:
        `Behovsbaserat (NEED_BASED): ${intro}; the claims total ${fmt(total)}, so each gets claim × ${fmt(available)} / ${fmt(total)}: ` +
        `${fmt(claim[i])} → ${fmt(base[i])}${extra[i] ? " + 1 kr of the remainder (largest remainder, then application order)" : ""} = ${fmt(amount)} (${capNote(i)}).`,
    };
  });
}

/** Largest L with Σ min(cᵢ, L) ≤ available ("water-filling"); the largest claim when the fund covers everyone. */
export function equalLevel(available: number, claims: readonly number[]): number {
  const sorted = [...claims].sort((a, b) => a - b);
  let remaining = available;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(remaining / (sorted.length - i));
    if (sorted[i] > share) return share;
    remaining -= sorted[i];
  }
  return sorted.length ? sorted[sorted.length - 1] : 0;
}
