import { baselineVerdict, cpuVerdict, verdicts, type OperationResult, type RunResult } from "./report";

function page(
  kind: "flat" | "nested" | "deep",
  throughput: number,
  rounds: number[],
  statements = 6,
  first10 = 6,
): OperationResult {
  return {
    name: `spec.items.${kind}`,
    domain: "spec",
    kind,
    description: "",
    rows: 100,
    identical: true,
    bytes: 1,
    statements: { gateway: statements, floor: statements },
    statementsFirst10: first10,
    ratio: { throughput, p50: throughput, cpu: throughput, throughputRounds: rounds, cpuRounds: rounds },
  } as OperationResult;
}

const run = (...operations: OperationResult[]) => ({ scale: "full", operations, growth: [] }) as unknown as RunResult;
const verdict = (r: RunResult, target: string) => verdicts(r).find((v) => v.target.startsWith(target))!;

describe("bench verdicts", () => {
  it("judges two levels against the line through flat and nested, allowing the rounds' measured noise", () => {
    const flat = page("flat", 1.2, [1.15, 1.25, 1.18, 1.22]);
    const nested = page("nested", 1.29, [1.25, 1.33, 1.27, 1.31]);
    const within = verdict(run(flat, nested, page("deep", 1.4, [1.35, 1.45, 1.38, 1.42])), "two levels");
    expect(within.met).toBe(true); // 0.02 above the line 1.38, well inside the noise
    expect(within.value).toMatch(/^1\.4× \(limit 1\.38× \+ 0\.\d+ noise\)$/);
    const superlinear = verdict(run(flat, nested, page("deep", 1.8, [1.78, 1.82, 1.79, 1.81])), "two levels");
    expect(superlinear.met).toBe(false);
    const steady = [1.2, 1.2, 1.2, 1.2];
    expect(
      verdict(
        run(page("flat", 1.2, steady), page("nested", 1.2, steady), page("deep", 1.21, [1.21, 1.21, 1.21, 1.21])),
        "two levels",
      ).met,
    ).toBe(false);
  });

  it("falls back to the plain line without rounds to measure noise", () => {
    const v = verdict(run(page("flat", 1.2, []), page("nested", 1.3, []), page("deep", 1.41, [])), "two levels");
    expect(v).toMatchObject({ value: "1.41× (limit 1.4×)", met: false });
  });

  it("accepts fewer statements on the page of 100 than on the page of 10, never more", () => {
    expect(verdict(run(page("deep", 1.3, [], 8, 10)), "constant SQL").met).toBe(true);
    expect(verdict(run(page("deep", 1.3, [], 6, 6)), "constant SQL").met).toBe(true);
    expect(verdict(run(page("deep", 1.3, [], 105, 15)), "constant SQL").met).toBe(false);
  });

  it("judges each class by the gateway's CPU per request over the floor's", () => {
    const op = (kind: OperationResult["kind"], cpu: number) =>
      ({
        ...page("flat", 9, []),
        name: `spec.${kind}`,
        kind,
        ratio: { cpu, throughput: 9, p50: 9 },
      }) as OperationResult;
    expect(cpuVerdict(op("flat", 1.3), [])).toMatchObject({ target: "flat page ≤ 1.3× floor CPU/req", met: true });
    expect(cpuVerdict(op("flat", 1.31), [])!.met).toBe(false);
    expect(cpuVerdict(op("nested", 1.5), [])!.met).toBe(true);
    expect(cpuVerdict(op("nested", 1.51), [])!.met).toBe(false);
    expect(cpuVerdict(op("single", 2), [])!.met).toBe(true);
    expect(cpuVerdict(op("single", 2.01), [])!.met).toBe(false);
    expect(cpuVerdict(op("stats", 5), [])).toBeUndefined();
    expect(cpuVerdict(op("flat", NaN), [])).toBeUndefined();
  });

  it("calls an operation slower than the old build only beyond the rounds' noise", () => {
    const vs = (cpu: number, cpuRounds: number[]) =>
      ({ ...page("flat", 1, []), vsBaseline: { cpu, throughput: cpu, p50: cpu, cpuRounds } }) as OperationResult;
    expect(baselineVerdict(vs(1.04, [0.95, 1.13, 1.0, 1.08]), "b1e4c13aaaa").met).toBe(true);
    expect(baselineVerdict(vs(1.3, [1.29, 1.31, 1.3, 1.3]), "b1e4c13aaaa")).toMatchObject({
      met: false,
      target: expect.stringContaining("b1e4c13"),
    });
    expect(baselineVerdict(vs(0.9, []), "b1e4c13aaaa").met).toBe(true);
    expect(baselineVerdict(vs(1.01, []), "b1e4c13aaaa").met).toBe(false);
  });
});
