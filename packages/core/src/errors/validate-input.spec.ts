import "reflect-metadata";
import { IsEmail, Length } from "class-validator";
import { graphql } from "graphql";
import { Arg, Authorized, Field, InputType, Mutation, Query, Resolver } from "type-graphql";
import { defineModule } from "../module/domain-module";
import { buildModuleSchema } from "../schema/build-schema";

@InputType()
class ContactProbeInput {
  @Field(() => String)
  @Length(1, 5)
  name!: string;

  @Field(() => String)
  @IsEmail()
  email!: string;
}

@Resolver()
class ContactProbeResolver {
  @Authorized("t:run")
  @Mutation(() => String)
  saveContactProbe(@Arg("input", () => ContactProbeInput) input: ContactProbeInput): string {
    return input.name;
  }
  @Authorized("t:run")
  @Query(() => String)
  noop(): string {
    return "";
  }
}

describe("validateInput: class-validator errors name the input path and the rule", () => {
  const run = async (input: Record<string, unknown>) => {
    const schema = await buildModuleSchema([
      defineModule({
        name: "t",
        description: "t",
        entities: [],
        migrations: [],
        resolvers: [ContactProbeResolver],
        scopes: [],
      }),
    ]);
    const r = await graphql({
      schema,
      source: `mutation($input: ContactProbeInput!) { saveContactProbe(input: $input) }`,
      variableValues: { input },
      contextValue: { principal: { subject: "t", kind: "user", scopes: new Set(["t:run"]) } },
    });
    return r.errors?.[0].originalError
      ? {
          message: r.errors[0].message,
          ...(r.errors[0].originalError as unknown as { extensions: Record<string, unknown> }).extensions,
        }
      : r.data;
  };

  it("gives field, rule and every field at fault", async () => {
    expect(await run({ name: "toolong", email: "nope" })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.name",
      rule: "length",
      fields: ["input.name", "input.email"],
    });
  });

  it("refuses input a validator throws on (isEmail on a lone surrogate threw URIError, and the formatter with it) as BAD_USER_INPUT", async () => {
    expect(await run({ name: "ok", email: "a\ud800@x.se" })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input",
      rule: "invalid",
    });
  });
});
