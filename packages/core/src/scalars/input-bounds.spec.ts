import { Arg, Authorized, Field, InputType, Int, Mutation, Query, Resolver } from "type-graphql";
import { graphql } from "graphql";
import { buildModuleSchema } from "../schema/build-schema";
import { defineModule } from "../module/domain-module";
import { MoneyScalar, type Ore } from "./money";
import { MoneyRange, Range, rangeArg } from "./input-bounds";
import { ValidateNested } from "class-validator";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const moduleOf = (name: string, resolver: Function) =>
  defineModule({ name, description: "test", entities: [], migrations: [], resolvers: [resolver], scopes: [] });

@InputType()
class UnboundedDaysInput {
  @Field(() => Int)
  days!: number;
}

@InputType()
class BoundedLineInput {
  @Field(() => MoneyScalar)
  @MoneyRange(0, 100_00)
  amount!: Ore;
}

@InputType()
class UnvalidatedNestingInput {
  @Field(() => [BoundedLineInput])
  lines!: BoundedLineInput[];
}

@InputType()
class BoundedInput {
  @Field(() => Int)
  @Range(1, 365)
  days!: number;

  @Field(() => [BoundedLineInput])
  @ValidateNested({ each: true })
  lines!: BoundedLineInput[];
}

/** A base of inputs (as iop's AgreementTermsInput): its fields are every subclass's fields too. */
@InputType()
class TermsBaseInput {
  @Field(() => Int)
  noticeDays!: number;
}

@InputType()
class TermsWithIdInput extends TermsBaseInput {
  @Field(() => Int)
  @Range(1, 10)
  version!: number;
}

@Resolver()
class InheritedUnboundedResolver {
  @Authorized("t:run")
  @Mutation(() => Int)
  saveTerms(@Arg("input", () => TermsWithIdInput) input: TermsWithIdInput): number {
    return input.version;
  }
  @Authorized("t:run")
  @Query(() => Int)
  ok(): number {
    return 1;
  }
}

@Resolver()
class UnboundedArgResolver {
  @Authorized("t:run")
  @Query(() => Int)
  plain(@Arg("year", () => Int) year: number): number {
    return year;
  }
}

@Resolver()
class UnboundedFieldResolver {
  @Authorized("t:run")
  @Mutation(() => Int)
  save(@Arg("input", () => UnboundedDaysInput) input: UnboundedDaysInput): number {
    return input.days;
  }
  @Authorized("t:run")
  @Query(() => Int)
  ok(): number {
    return 1;
  }
}

@Resolver()
class NestedWithoutValidationResolver {
  @Authorized("t:run")
  @Query(() => Int)
  nested(@Arg("input", () => UnvalidatedNestingInput) input: UnvalidatedNestingInput): number {
    return input.lines.length;
  }
}

@Resolver()
class BoundedResolver {
  @Authorized("t:run")
  @Query(() => Int)
  bounded(
    @Arg("year", () => Int, rangeArg("year", 1850, 2199)) year: number,
    @Arg("input", () => BoundedInput) input: BoundedInput,
  ): number {
    return year + input.days;
  }
}

describe("every number and money input has a range (assertBoundedInputs, run by buildModuleSchema)", () => {
  it.each([
    ["an Int argument without rangeArg", UnboundedArgResolver, /UnboundedArgResolver\.plain\(year\) has no range/],
    ["an Int input field without @Range", UnboundedFieldResolver, /UnboundedDaysInput\.days has no range/],
    [
      "a nested input without @ValidateNested",
      NestedWithoutValidationResolver,
      /UnvalidatedNestingInput\.lines is a nested input without @ValidateNested/,
    ],
    [
      "an Int field a subclass input inherits without @Range",
      InheritedUnboundedResolver,
      /TermsWithIdInput\.noticeDays has no range/,
    ],
  ])("fails the schema build, naming it: %s", async (_label, resolver, message) => {
    await expect(buildModuleSchema([moduleOf("t", resolver)])).rejects.toThrow(message);
  });

  it("builds with ranges, and refuses values outside them with BAD_USER_INPUT naming the input path and the rule", async () => {
    const schema = await buildModuleSchema([moduleOf("t", BoundedResolver)]);
    const run = async (year: number, days: number, amount: string) => {
      const r = await graphql({
        schema,
        source: `query($year: Int!, $days: Int!, $amount: Money!) { bounded(year: $year, input: { days: $days, lines: [{ amount: "1" }, { amount: $amount }] }) }`,
        variableValues: { year, days, amount },
        contextValue: { principal: { subject: "t", scopes: new Set(["t:run"]), kind: "user" } },
      });
      if (r.errors && !r.errors[0].originalError) throw r.errors[0];
      return r.errors?.[0]?.originalError
        ? (r.errors[0].originalError as { extensions?: Record<string, unknown> }).extensions
        : r.data;
    };
    expect(await run(2021, 10, "5")).toEqual({ bounded: 2031 });
    expect(await run(2200, 10, "5")).toMatchObject({ code: "BAD_USER_INPUT", field: "year", rule: "range" });
    expect(await run(2021, 2_147_483_647, "5")).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.days",
      rule: "max",
    });
    expect(await run(2021, 10, "100.01")).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.lines.1.amount",
      rule: "max",
    });
  });
});
