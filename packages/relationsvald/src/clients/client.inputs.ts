import { IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "@arbetsliv/core";
import { PersonnummerScalar, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { ViolenceType } from "../enums";

@InputType({ description: "A new client (an adult over 18)." })
export class CreateClientInput {
  @Field(() => PersonnummerScalar)
  personnummer!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => ViolenceType)
  violenceType!: ViolenceType;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Skyddade personuppgifter; setting it needs relationsvald:protected.",
  })
  protectedIdentity!: boolean;

  @Field(() => String, { nullable: true, description: "Stored, never returned by the API." })
  @IsOptional()
  @Length(1, 500)
  address?: string;
}

@InputType({ description: "Changes to a client; omitted fields stay." })
export class UpdateClientInput {
  @Field(() => Int, { description: "The version you read; a stale one gives CONFLICT." })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => ViolenceType, { nullable: true })
  @IsOptional()
  violenceType?: ViolenceType;

  @Field(() => Boolean, {
    nullable: true,
    description: "Changing it needs relationsvald:protected; children follow when set.",
  })
  @IsOptional()
  protectedIdentity?: boolean;

  @Field(() => String, { nullable: true, description: "Stored, never returned by the API." })
  @IsOptional()
  @Length(1, 500)
  address?: string;
}

@InputType({ description: "A child accompanying a client." })
export class AddChildInput {
  @Field(() => ID)
  clientId!: string;

  @Field(() => PersonnummerScalar, { description: "The child must be under 18." })
  personnummer!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Needs relationsvald:protected; forced true when the client has protected identity.",
  })
  protectedIdentity!: boolean;
}

@InputType()
export class ClientFilter {
  @Field(() => PersonnummerScalar, { nullable: true })
  personnummer?: string;

  @Field(() => ViolenceType, { nullable: true })
  violenceType?: ViolenceType;
}

@ArgsType()
export class ClientListArgs extends PageArgs {
  @Field(() => ClientFilter, { nullable: true })
  @ValidateNested()
  filter?: ClientFilter;
}
