import { createHash } from "node:crypto";
import { IsOptional, Matches, MaxLength } from "class-validator";
import { Field } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { RequestContext } from "../context";
import { ConflictError, ValidationError } from "../errors/errors";
import { inTransaction, isDeadlock, isUniqueViolation } from "../data/transaction";
import { IdempotencyKey } from "./idempotency-key.entity";

/** How long keys are kept unless IDEMPOTENCY_KEY_HOURS says otherwise (the issue asks ≥ 24 h). */
export const DEFAULT_IDEMPOTENCY_KEY_HOURS = 48;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The `idempotencyKey` field of a create input. Usage on an input class:
 *   @IdempotencyKeyField() idempotencyKey?: string | null;
 */
export function IdempotencyKeyField(): PropertyDecorator {
  return (target, property) => {
    Field(() => String, {
      nullable: true,
      description:
        "Idempotency key (1–128 of A–Z a–z 0–9 . _ : -), e.g. a UUID. A retry with the same key and the same input returns the first answer and creates nothing; the same key with another input is CONFLICT. Keys are kept at least 24 hours.",
    })(target, property);
    // Optional: a create without a key behaves as before (no key kept).
    IsOptional()(target, property);
    MaxLength(128)(target, property);
    Matches(IDEMPOTENCY_KEY_PATTERN)(target, property);
  };
}

export interface IdempotentCreate<T> {
  /** e.g. "Mutation.registerFeedback". */
  operation: string;
  /** The caller's key; null/undefined runs `create` once with no key kept. */
  key: string | null | undefined;
  /** The input as the caller sent it (its idempotencyKey field is ignored in the comparison). */
  input: unknown;
  /** Creates the record inside the given transaction; must not open a transaction itself. */
  create: (manager: EntityManager) => Promise<T>;
  /** The created record's id, as kept with the key. */
  idOf: (result: T) => string | number;
  /** Reads the record again for a repeated call (the same answer the first call got). */
  reread: (id: string) => Promise<T>;
}

/**
 * THE way a create mutation honours an idempotency key. The key row is inserted first in the
 * create's transaction: concurrent calls with one key wait on its unique index, and the losers
 * read the winner's answer. Same key + same input → the same record; another input → CONFLICT.
 */
export async function idempotentCreate<T>(ctx: RequestContext, request: IdempotentCreate<T>): Promise<T> {
  if (request.key === null || request.key === undefined) return inTransaction(ctx.ds, request.create);
  const key = request.key;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ValidationError("input.idempotencyKey", "format", {
      en: "must be 1–128 characters of A–Z a–z 0–9 . _ : -",
      sv: "måste vara 1–128 tecken av A–Z a–z 0–9 . _ : -",
    });
  }
  const actor = ctx.principal?.subject ?? "anonymous";
  const requestHash = hashInput(request.input);
  const earlier = await findKey(ctx, actor, request.operation, key);
  if (earlier) return answerFor(earlier, requestHash, request);
  try {
    return await inTransaction(ctx.ds, async (manager) => {
      const row = manager.create(IdempotencyKey, {
        actor,
        operation: request.operation,
        idempotencyKey: key,
        requestHash,
        resultId: "",
        createdAt: new Date().toISOString(),
      });
      await manager.insert(IdempotencyKey, row);
      const result = await request.create(manager);
      await manager.update(
        IdempotencyKey,
        { actor, operation: request.operation, idempotencyKey: key },
        { resultId: String(request.idOf(result)) },
      );
      return result;
    });
  } catch (error) {
    if (!isUniqueViolation(error) && !isDeadlock(error)) throw error;
    // Another call with this key committed first (or is committing): answer as it did.
    const winner = await findKey(ctx, actor, request.operation, key);
    if (!winner) throw error;
    return answerFor(winner, requestHash, request);
  }
}

function answerFor<T>(row: IdempotencyKey, requestHash: string, request: IdempotentCreate<T>): Promise<T> {
  if (row.requestHash !== requestHash) {
    throw new ConflictError(
      {
        en: "input.idempotencyKey was already used with a different input",
        sv: "input.idempotencyKey har redan använts med andra indata",
      },
      {
        field: "input.idempotencyKey",
      },
    );
  }
  return request.reread(row.resultId);
}

function findKey(ctx: RequestContext, actor: string, operation: string, key: string): Promise<IdempotencyKey | null> {
  return ctx.ds.manager.findOne(IdempotencyKey, { where: { actor, operation, idempotencyKey: key } });
}

/** SHA-256 over the input as canonical JSON (keys sorted), without its idempotencyKey. */
export function hashInput(input: unknown): string {
  return createHash("sha256").update(canonicalJson(input, true)).digest("hex");
}

function canonicalJson(value: unknown, top = false): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && v !== null && !(top && k === "idempotencyKey"))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Deletes keys older than `hours` (retention; at least 24 h is enforced). Returns how many. */
export async function purgeIdempotencyKeys(
  manager: EntityManager,
  hours = DEFAULT_IDEMPOTENCY_KEY_HOURS,
): Promise<number> {
  const cutoff = new Date(Date.now() - Math.max(24, hours) * 3_600_000).toISOString();
  const result = await manager
    .createQueryBuilder()
    .delete()
    .from(IdempotencyKey)
    .where("createdAt < :cutoff", { cutoff })
    .execute();
  return result.affected ?? 0;
}
