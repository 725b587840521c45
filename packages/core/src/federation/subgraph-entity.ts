import type { ClassType } from "type-graphql";
import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";

/**
 * A type this module's subgraph resolves by its key (`@key(fields: "id")`): other subgraphs hold
 * only the id and the gateway asks this one for the rest (`_entities`). References are loaded in
 * batches through a per-request loader, one statement per batch of ids.
 */
export interface SubgraphEntity<T extends ObjectLiteral = ObjectLiteral> {
  /** The type-graphql object type; also the TypeORM entity unless `load` is given. */
  readonly type: ClassType<T>;
  /**
   * Who may resolve a reference to it: one of these scopes, as for the queries that list the type
   * (deny by default: an entity without scopes fails the subgraph's build). Fields keep their own.
   */
  readonly scopes: readonly string[];
  /** The rows for a batch of ids, in any order (default: the entity's rows by id). */
  readonly load?: (ctx: RequestContext, ids: readonly number[]) => Promise<T[]>;
  /**
   * For a type another module owns: only these fields (and the key) are this subgraph's; the
   * gateway takes every other field from the owner. Without it the module owns the type.
   */
  readonly contributes?: readonly string[];
  /**
   * The type's name in the supergraph when this class is another module's type seen from here
   * (iop's PlacementProviderReference is the relationsvåld PlacementProvider): the class has a
   * name of its own, so the monolith's schema never holds two types of one name.
   */
  readonly name?: string;
  /** Fields the owner resolves that this subgraph's fields need (`@external`). */
  readonly external?: readonly string[];
  /** A contributed field → the external fields it needs (`@requires(fields: …)`), sent along with the reference. */
  readonly requires?: Readonly<Record<string, string>>;
  /** The reference itself is the record (its key and the required fields): nothing to load. */
  readonly fromRepresentation?: boolean;
}

/** What a module's subgraph declares beyond its resolvers (DomainModule.federation). */
export interface SubgraphDeclaration {
  readonly entities: readonly SubgraphEntity<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Another module's value types as this subgraph sees them (an IOP partner inside an agreement's
   * reference): classes of this module, named as the owner names the type in the subgraph's SDL.
   */
  readonly valueTypes?: readonly { readonly type: ClassType; readonly name: string }[];
  /** Resolver classes only the subgraph builds (fields on another module's type; the monolith's gateway answers those itself). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers?: readonly Function[];
}

export function subgraphEntity<T extends ObjectLiteral>(entity: SubgraphEntity<T>): SubgraphEntity<T> {
  return entity;
}
