import { IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "@arbetsliv/core";
import { PersonnummerScalar, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { ViolenceType } from "../enums";

@InputType({ description: "A new client (klient): an adult of 18 or older." })
export class CreateClientInput {
  @Field(() => PersonnummerScalar, {
    description: "The client's personnummer (Swedish personal identity number); the person must be 18 or older.",
  })
  personnummer!: string;

  @Field(() => String, { description: "The client's name (1–200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field(() => ViolenceType, { description: "What the client is subjected to." })
  violenceType!: ViolenceType;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Skyddade personuppgifter (protected personal data: protected population registration or a confidentiality marking); setting it needs relationsvald:protected.",
  })
  protectedIdentity!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The client's address (1–500 characters). Stored, never returned by the API, for any scope.",
  })
  @IsOptional()
  @Length(1, 500)
  address?: string;
}

@InputType({ description: "Changes to a client; omitted (or null) fields stay as they are." })
export class UpdateClientInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The client to change (PlacementClient.id). Required: give it here (the top-level id argument is deprecated).",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => Int, {
    description: "The client's version you read (PlacementClient.version); a stale one gives CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The new name (1–200 characters)." })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => ViolenceType, { nullable: true, description: "The new kind of violence." })
  @IsOptional()
  violenceType?: ViolenceType;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Skyddade personuppgifter (protected personal data); changing it needs relationsvald:protected. Set to true, the client's children become protected too.",
  })
  @IsOptional()
  protectedIdentity?: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The new address (1–500 characters). Stored, never returned by the API, for any scope.",
  })
  @IsOptional()
  @Length(1, 500)
  address?: string;
}

@InputType({ description: "A child (medföljande barn, under 18) accompanying a client." })
export class AddChildInput {
  @Field(() => ID, {
    description: "The parent client (PlacementClient.id): one the caller may see.",
  })
  clientId!: string;

  @Field(() => PersonnummerScalar, {
    description: "The child's personnummer (Swedish personal identity number); the child must be under 18.",
  })
  personnummer!: string;

  @Field(() => String, { description: "The child's name (1–200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Skyddade personuppgifter (protected personal data); true needs relationsvald:protected, and it is forced true when the client has protected identity.",
  })
  protectedIdentity!: boolean;
}

@InputType({ description: "Filters on clients; given filters combine with AND." })
export class ClientFilter {
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description:
      "Only the client with this personnummer; a protected client is not found without relationsvald:protected.",
  })
  personnummer?: string;

  @Field(() => ViolenceType, { nullable: true, description: "Only clients subjected to this kind of violence." })
  violenceType?: ViolenceType;
}

@ArgsType()
export class ClientListArgs extends PageArgs {
  @Field(() => ClientFilter, { nullable: true, description: "Which clients; null: every one the caller may see." })
  @ValidateNested()
  filter?: ClientFilter;
}
