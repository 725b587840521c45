import type { ExecutionResult, GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { createRequestContext } from "../context";
import { countStatements } from "../data/statement-counter";
import { formatError } from "../errors/format-error";
import type { DomainModule } from "../module/domain-module";
import { buildModuleSchema } from "../schema/build-schema";
import { scopeAuthChecker } from "../auth/authorization";
import { createExecutionRuntime, runOperation, type ExecutionRuntime } from "../execution";
import { coreModule } from "../core-module";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface CallOptions {
  variables?: Record<string, unknown>;
  /** Scopes of the caller; omit `scopes` and `anonymous` for a caller with every scope of the modules. */
  scopes?: string[];
  subject?: string;
  anonymous?: boolean;
}

export interface TestResult<T = Record<string, unknown>> extends ExecutionResult<T> {
  /** SQL statements the operation ran. */
  statements: number;
  errorCodes: string[];
}

/**
 * One module (or a few) alone: its own schema over a real database, called like the gateway does —
 * through the same execution runtime (@arbetsliv/core/execution: query limits, input checks,
 * synchronous plain fields, list bounds, graphql-jit) and the same error formatting.
 */
export class TestApp {
  private constructor(
    readonly db: TestDatabase,
    readonly runtime: ExecutionRuntime,
    readonly allScopes: string[],
  ) {}

  get schema(): GraphQLSchema {
    return this.runtime.schema;
  }

  static async start(modules: readonly DomainModule[]): Promise<TestApp> {
    const all = [coreModule, ...modules.filter((m) => m.name !== coreModule.name)];
    const db = await createTestDatabase(all);
    const runtime = createExecutionRuntime(await buildModuleSchema(all), { authChecker: scopeAuthChecker });
    return new TestApp(
      db,
      runtime,
      all.flatMap((m) => m.scopes.map((s) => s.name)),
    );
  }

  get ds(): DataSource {
    return this.db.ds;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call<T = Record<string, any>>(source: string, options: CallOptions = {}): Promise<TestResult<T>> {
    const principal = options.anonymous
      ? null
      : {
          subject: options.subject ?? "test-user",
          kind: "user" as const,
          scopes: new Set(options.scopes ?? this.allScopes),
        };
    const context = createRequestContext(this.ds, principal, `test-${Date.now()}`);
    const { result, count } = await countStatements(() =>
      runOperation(this.runtime, { source, variables: options.variables, context }, (formatted, error) =>
        formatError(formatted, error, { onInternalError: (err) => console.error(err) }),
      ),
    );
    const errors = result.errors;
    return {
      ...(result as ExecutionResult<T>),
      errors: errors as unknown as ExecutionResult<T>["errors"],
      statements: count,
      errorCodes: (errors ?? []).map((e) => String(e.extensions?.code)),
    };
  }

  /** Like call, but fails the test with the errors if there are any. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async ok<T = Record<string, any>>(source: string, options: CallOptions = {}): Promise<T> {
    const result = await this.call<T>(source, options);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** "sqljs" or "mysql": which database the suite runs on (for test titles). */
export function testDatabaseKind(): "mysql" | "sqljs" {
  return process.env.TEST_DATABASE_URL ? "mysql" : "sqljs";
}
