import { randomBytes } from "node:crypto";
import { signDevelopmentToken, type DomainModule } from "@arbetsliv/core";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import { loadConfig, type GatewayConfig } from "../src/config";
import { createGateway, type Gateway } from "../src/gateway";
import { createLogger } from "../src/logger";
import { modules as allModules } from "../src/modules";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  codes: string[];
  headers: Headers;
}

export interface GqlOptions {
  scopes?: string[];
  subject?: string;
  token?: string | null;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The whole gateway over real HTTP on a free port: embedded sql.js in memory, or a fresh
 * MariaDB database (migrations run at start) when TEST_DATABASE_URL is set. Demo data loaded.
 */
export class TestGateway {
  private constructor(
    readonly gateway: Gateway,
    readonly config: GatewayConfig,
    private readonly dropDb: (() => Promise<void>) | null,
    readonly logLines: string[],
  ) {}

  static async start(
    env: Record<string, string> = {},
    modules: readonly DomainModule[] = allModules,
  ): Promise<TestGateway> {
    let databaseUrl: string | undefined;
    if (process.env.TEST_DATABASE_URL) {
      const { database } = splitMysqlUrl(process.env.TEST_DATABASE_URL);
      databaseUrl = withDatabase(
        process.env.TEST_DATABASE_URL,
        `${database}_gw_${process.pid}_${randomBytes(3).toString("hex")}`,
      );
      await recreateDatabase(databaseUrl);
    }
    const config = loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      DEMO_SEED: "true",
      LOG_LEVEL: "info",
      RATE_LIMIT_PER_MINUTE: "0",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    });
    if (!databaseUrl) config.database = { kind: "sqljs" };
    const logLines: string[] = [];
    const gateway = await createGateway(
      config,
      modules,
      createLogger(config.logLevel, (line) => logLines.push(line)),
    );
    await gateway.start();
    return new TestGateway(gateway, config, databaseUrl ? () => dropDatabase(databaseUrl!) : null, logLines);
  }

  get url(): string {
    return this.gateway.url;
  }

  token(scopes: string[], subject = "e2e-user"): Promise<string> {
    if (this.config.auth.kind !== "secret") throw new Error("test tokens need a shared secret");
    return signDevelopmentToken(this.config.auth.secret, { sub: subject, scopes });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async gql<T = Record<string, any>>(query: string, options: GqlOptions = {}): Promise<GqlResponse<T>> {
    const token =
      options.token !== undefined
        ? options.token
        : options.scopes
          ? await this.token(options.scopes, options.subject)
          : null;
    const res = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables: options.variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GqlResponse["errors"] };
    return {
      status: res.status,
      data: body.data ?? undefined,
      errors: body.errors,
      codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
      headers: res.headers,
    };
  }

  /** Like gql but throws on errors. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async ok<T = Record<string, any>>(query: string, options: GqlOptions = {}): Promise<T> {
    const r = await this.gql<T>(query, options);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
    return r.data as T;
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await this.dropDb?.();
  }
}
