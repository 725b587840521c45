import {
  OTHER_OPERATION,
  OperationLabels,
  UNKNOWN_OPERATION,
  isLabelSafeOperationName,
  operationLabel,
} from "./operation-label";

describe("operation labels", () => {
  it("keeps plain GraphQL names and collapses everything else into one label", () => {
    expect(operationLabel("ListFeedback")).toBe("ListFeedback");
    expect(operationLabel("_private2")).toBe("_private2");
    for (const bad of [undefined, null, 42, "", "two words", "Ä", "x".repeat(65), "Op191212121212", "a-b", "{ }"])
      expect(operationLabel(bad)).toBe(UNKNOWN_OPERATION);
    expect(isLabelSafeOperationName("x".repeat(64))).toBe(true);
    expect(isLabelSafeOperationName("Year2026Report")).toBe(true); // 4 digits: not an identity number
    expect(isLabelSafeOperationName("Case123456")).toBe(false);
  });

  it("makes one entry per label, and past the limit new names share OTHER_OPERATION", () => {
    const made: string[] = [];
    const labels = new OperationLabels((label) => (made.push(label), { label }), 3);
    const first = labels.of("A");
    expect(labels.of("A")).toBe(first);
    labels.of("B");
    labels.of("C");
    expect(labels.of("D").label).toBe(OTHER_OPERATION);
    expect(labels.of("E")).toBe(labels.of("D"));
    expect(labels.of("not valid").label).toBe(UNKNOWN_OPERATION);
    expect(labels.of(undefined)).toBe(labels.of("not valid"));
    expect(labels.of("B").label).toBe("B"); // known names keep their label after the limit
    expect(labels.size).toBe(3);
    expect(made).toEqual(["A", "B", "C", OTHER_OPERATION, UNKNOWN_OPERATION]);
  });
});
