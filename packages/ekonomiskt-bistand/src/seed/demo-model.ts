/**
 * A synthetic municipality for the demo (pure: no database). Around 700 households a month get
 * försörjningsstöd 2019–2021; who enters and leaves is random but deterministic (hash-based
 * pseudo-random numbers, so the same data comes out every time).
 *
 * What is steered towards the annual report 2021, and how:
 * - households paid per month follow a target curve whose yearly mean and December value are the
 *   report's (707/728/736 and 708/705/719): entrants fill the gap, surplus short spells end;
 * - "more than ten months" (399/407/441) depends on how many entrants have long spells: that
 *   share is calibrated per year by bisection on the simulation itself, so the figure lands near,
 *   not exactly on, the report's;
 * - payout levels are scaled per year so payouts (with corrections) match the report's gross cost
 *   line (57 698 / 61 062 / 64 424 tkr) and recoveries bring the net to 52 534 / 55 894 / 60 766 tkr;
 * - "växla bidrag mot lön": people employed each month follow a curve ending in December at
 *   78/75/53; the 2021 money is apportioned over the 2021 person-months so it sums to the report's.
 * Every figure is then computed by the statistics queries from these records.
 */

export const FIRST_SIM_MONTH = "2018-01";
/** Stored from October 2018, so the rolling 12-month indicator is meaningful from September 2019 (the report cites 388 then). */
export const FIRST_STORED_INDEX = 9; // 2018-10
export const MONTHS = 48; // 2018-01 … 2021-12
export const YEARS = [2019, 2020, 2021] as const;

export const REPORT = {
  householdsDec: { 2019: 708, 2020: 705, 2021: 719 } as Record<number, number>,
  householdsAvg: { 2019: 707, 2020: 728, 2021: 736 } as Record<number, number>,
  longTerm: { 2019: 399, 2020: 407, 2021: 441 } as Record<number, number>,
  /** Nettokostnad försörjningsstöd, tkr (4.3.3). */
  netCostTkr: { 2019: 52534, 2020: 55894, 2021: 60766 } as Record<number, number>,
  /** The "Försörjningsstöd" cost line of the economic summary, tkr (4.1): payouts before recoveries. */
  grossCostTkr: { 2019: 57698, 2020: 61062, 2021: 64424 } as Record<number, number>,
  wageSubsidyDec: { 2019: 78, 2020: 75, 2021: 53 } as Record<number, number>,
  wageSubsidy2021: { personnelCostMinusSubsidyKr: 2725289, assistanceNotPaidKr: 2940042 },
  budget2021Tkr: 55500,
};

export function monthAt(index: number): string {
  const y = 2018 + Math.floor(index / 12);
  return `${y}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function yearOf(index: number): number {
  return 2018 + Math.floor(index / 12);
}

/** Deterministic uniform number in [0, 1) from integers (a small avalanche hash). */
export function u(...xs: number[]): number {
  let h = 0x2545f491;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}

const TAG = {
  exit: 1,
  type: 2,
  force: 3,
  reentry: 4,
  comp: 5,
  amount: 6,
  wsExit: 7,
  wsDuration: 8,
  wsForce: 9,
  wsPick: 10,
};

/** Integer targets per month: the year's mean and December value exactly, a plausible shape in between. */
export function targetCurve(): number[] {
  const shapes: Record<number, number[]> = {
    2018: [700, 700, 701, 702, 703, 704, 705, 705, 706, 706, 707, 707],
    2019: [702, 704, 706, 708, 710, 711, 709, 707, 706, 706, 707, 708],
    2020: [712, 716, 726, 741, 749, 752, 746, 738, 731, 727, 720, 705],
    2021: [738, 745, 750, 752, 748, 742, 736, 731, 728, 725, 722, 719],
  };
  const out: number[] = [];
  for (const year of [2018, 2019, 2020, 2021]) {
    const shape = [...shapes[year]];
    if (year >= 2019) {
      shape[11] = REPORT.householdsDec[year];
      const wanted = REPORT.householdsAvg[year] * 12 - shape[11];
      let diff = wanted - shape.slice(0, 11).reduce((s, v) => s + v, 0);
      for (let i = 0; diff !== 0; i = (i + 1) % 11) {
        shape[i] += Math.sign(diff);
        diff -= Math.sign(diff);
      }
    }
    out.push(...shape);
  }
  return out;
}

interface Active {
  id: number;
  long: boolean;
  start: number;
}

interface SimState {
  active: Active[];
  /** Last paid month of households not active now. */
  exited: Map<number, number>;
  paid: Map<number, number[]>; // household → paid month indexes
  nextId: number;
}

const HAZARD_LONG = 0.035;
const HAZARD_SHORT = 0.3;
const REENTRY_SHARE = 0.22;

function cloneState(s: SimState): SimState {
  return {
    active: s.active.map((a) => ({ ...a })),
    exited: new Map(s.exited),
    paid: new Map([...s.paid].map(([k, v]) => [k, [...v]])),
    nextId: s.nextId,
  };
}

function step(s: SimState, t: number, target: number, pLong: number): void {
  const survivors: Active[] = [];
  for (const a of s.active) {
    if (t > a.start && u(TAG.exit, a.id, t) < (a.long ? HAZARD_LONG : HAZARD_SHORT)) s.exited.set(a.id, t - 1);
    else survivors.push(a);
  }
  if (survivors.length > target) {
    const order = survivors
      .map((a) => ({ a, key: (a.long ? 1 : 0) + u(TAG.force, a.id, t) }))
      .sort((x, y) => x.key - y.key);
    const cut = survivors.length - target;
    for (const { a } of order.slice(0, cut)) s.exited.set(a.id, t - 1);
    const gone = new Set(order.slice(0, cut).map((o) => o.a.id));
    s.active = survivors.filter((a) => !gone.has(a.id));
  } else {
    s.active = survivors;
  }
  const candidates = [...s.exited].filter(([, last]) => last <= t - 4).map(([id]) => id);
  let c = 0;
  while (s.active.length < target) {
    let id: number;
    if (candidates.length && u(TAG.reentry, s.nextId, t, c) < REENTRY_SHARE) {
      const pick = Math.floor(u(TAG.reentry, t, c, 7) * candidates.length);
      id = candidates.splice(pick, 1)[0];
      s.exited.delete(id);
    } else {
      id = s.nextId++;
    }
    s.active.push({ id, long: u(TAG.type, id, t) < pLong, start: t });
    c++;
  }
  for (const a of s.active) {
    const list = s.paid.get(a.id);
    if (list) list.push(t);
    else s.paid.set(a.id, [t]);
  }
}

function longTermIn(s: SimState, year: number): number {
  const from = (year - 2018) * 12;
  let n = 0;
  for (const months of s.paid.values()) {
    let k = 0;
    for (const m of months) if (m >= from && m < from + 12) k++;
    if (k >= 11) n++;
  }
  return n;
}

export interface Simulation {
  /** Paid month indexes per household id (ids from 1). */
  paid: Map<number, number[]>;
  households: number;
  longShare: Record<number, number>;
  simulatedLongTerm: Record<number, number>;
}

/** Runs the household simulation, calibrating the long-spell share of entrants per report year. */
export function simulateHouseholds(): Simulation {
  const targets = targetCurve();
  const state: SimState = { active: [], exited: new Map(), paid: new Map(), nextId: 1 };
  // Entrants from March of the year before to February decide whether a household can be paid in 11 months of the year.
  const windowStart = (year: number) => (year - 1 - 2018) * 12 + 2;
  const pInitial = 0.45;
  for (let t = 0; t < windowStart(2019); t++) step(state, t, targets[t], pInitial);
  const longShare: Record<number, number> = {};
  const simulatedLongTerm: Record<number, number> = {};
  for (const year of YEARS) {
    const start = windowStart(year);
    const endOfYear = (year - 2018) * 12 + 11;
    const snapshot = cloneState(state);
    const run = (p: number) => {
      const s = cloneState(snapshot);
      for (let t = start; t <= endOfYear; t++) step(s, t, targets[t], p);
      return longTermIn(s, year);
    };
    let lo = 0;
    let hi = 1;
    let best = { p: 0.5, diff: Infinity };
    for (let i = 0; i < 13; i++) {
      const p = (lo + hi) / 2;
      const lt = run(p);
      const diff = Math.abs(lt - REPORT.longTerm[year]);
      if (diff < best.diff) best = { p, diff };
      if (lt < REPORT.longTerm[year]) lo = p;
      else hi = p;
    }
    longShare[year] = best.p;
    const commitEnd = year === 2021 ? MONTHS - 1 : windowStart(year + 1) - 1;
    for (let t = start; t <= commitEnd; t++) step(state, t, targets[t], best.p);
  }
  for (const year of YEARS) simulatedLongTerm[year] = longTermIn(state, year);
  return { paid: state.paid, households: state.nextId - 1, longShare, simulatedLongTerm };
}

/** Spells (consecutive paid months) of a household. */
export function spellsOf(months: number[]): Array<[number, number]> {
  const spells: Array<[number, number]> = [];
  for (const m of months) {
    const last = spells[spells.length - 1];
    if (last && last[1] === m - 1) last[1] = m;
    else spells.push([m, m]);
  }
  return spells;
}

/** People employed through "växla bidrag mot lön" per month: December at the report's level. */
export function wageSubsidyCurve(): number[] {
  const out: number[] = [];
  for (let i = 0; i < 12; i++) out.push(80);
  const y2019 = [80, 79, 79, 78, 78, 79, 80, 80, 79, 79, 78, 78];
  const y2020 = [78, 79, 80, 80, 79, 78, 77, 77, 76, 76, 75, 75];
  const y2021 = [73, 71, 69, 67, 65, 63, 62, 60, 58, 56, 55, 53];
  out.push(...y2019, ...y2020, ...y2021);
  out[23] = REPORT.wageSubsidyDec[2019];
  out[35] = REPORT.wageSubsidyDec[2020];
  out[47] = REPORT.wageSubsidyDec[2021];
  return out;
}

export interface WageSubsidySpell {
  serial: number;
  start: number;
  end: number; // last month index employed
  ongoing: boolean;
  /** Household that left assistance the month the job started (its applicant took the job), if any. */
  householdId: number | null;
}

/** Employments: each month, ended ones leave, surplus end early, new ones start from households leaving assistance. */
export function simulateWageSubsidy(exitsByMonth: Map<number, number[]>): WageSubsidySpell[] {
  const targets = wageSubsidyCurve();
  const spells: WageSubsidySpell[] = [];
  let active: WageSubsidySpell[] = [];
  let serial = 1;
  for (let t = 0; t < MONTHS; t++) {
    active = active.filter((s) => s.end >= t);
    if (active.length > targets[t]) {
      const order = active.map((s) => ({ s, key: u(TAG.wsForce, s.serial, t) })).sort((a, b) => a.key - b.key);
      for (const { s } of order.slice(0, active.length - targets[t])) s.end = t - 1;
      active = active.filter((s) => s.end >= t);
    }
    const pool = [...(exitsByMonth.get(t) ?? [])];
    while (active.length < targets[t]) {
      const duration = 6 + Math.floor(u(TAG.wsDuration, serial) * 9); // 6–14 months
      let householdId: number | null = null;
      if (pool.length) householdId = pool.splice(Math.floor(u(TAG.wsPick, serial) * pool.length), 1)[0];
      const s: WageSubsidySpell = { serial: serial++, start: t, end: t + duration - 1, ongoing: false, householdId };
      spells.push(s);
      active.push(s);
    }
  }
  for (const s of spells) {
    if (s.end >= MONTHS - 1) {
      s.end = MONTHS - 1;
      s.ongoing = true;
    }
  }
  return spells.filter((s) => s.end >= 0 && s.end >= s.start);
}

/** Splits an integer total over weights so the parts add up exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k].i]++;
  return parts;
}

export { TAG };
