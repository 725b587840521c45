import { ValidationError } from "../errors/errors";
import { movedArgOptions, movedToInput, movedVersionArgOptions, optionalMoved, requiredMoved } from "./moved-to-input";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const { field, rule } = e as ValidationError;
    return { field, rule };
  }
  throw new Error("not refused");
};

describe("requiredMoved: the value and the path the client gave it at", () => {
  it("names input.<name> for the new form and the old argument for the deprecated one", () => {
    expect(requiredMoved("id", "7", undefined)).toEqual({ value: "7", field: "input.id" });
    expect(requiredMoved("id", null, "7", "roundId")).toEqual({ value: "7", field: "roundId" });
    expect(requiredMoved("id", "7", "7", "roundId")).toEqual({ value: "7", field: "input.id" });
  });

  it("refuses a missing value and two different ones on input.<name>", () => {
    expect(refusal(() => requiredMoved("id", undefined, null))).toEqual({ field: "input.id", rule: "required" });
    expect(refusal(() => requiredMoved("id", "1", "2", "roundId"))).toEqual({ field: "input.id", rule: "conflict" });
  });
});

describe("optionalMoved: a value the mutation can do without", () => {
  it("names a value given nowhere as the call's form names it", () => {
    expect(optionalMoved("closedDate", undefined, undefined, { inputForm: true })).toEqual({
      value: undefined,
      field: "input.closedDate",
    });
    expect(optionalMoved("closedDate", undefined, undefined, { inputForm: false })).toEqual({
      value: undefined,
      field: "closedDate",
    });
    expect(optionalMoved("id", null, "3", { inputForm: true, oldName: "areaId" })).toEqual({
      value: "3",
      field: "areaId",
    });
  });
});

describe("the @Arg options of a moved argument", () => {
  it("are optional and deprecated with the removal date", () => {
    expect(movedArgOptions("id", "The record.")).toEqual({
      nullable: true,
      deprecationReason: movedToInput("id"),
      description: "The record.",
    });
    const version = movedVersionArgOptions("The version you read.");
    expect(version).toMatchObject({ nullable: true, deprecationReason: movedToInput("expectedVersion") });
    expect(() => version.validateFn(0)).toThrow(ValidationError);
  });
});
