import { SpanKind, SpanStatusCode, context, trace, type Span, type Tracer } from "@opentelemetry/api";
import type { AfterQueryEvent, BeforeQueryEvent, EntitySubscriberInterface, QueryRunner } from "typeorm";

/** Longest statement text kept on a span. */
export const MAX_STATEMENT_TEXT = 2_000;

/**
 * A statement's text as a span may hold it: parameter values are never there (TypeORM sends them
 * apart, as `?`), and literals written into the text — quoted strings, numbers, hex and blobs — become
 * `?` too, so no value a caller chose or a row holds reaches the trace. Identifiers stay
 * (`"col1"`, `` `t2` ``, names with digits), so the statement is still recognisable.
 */
export function sanitizeStatement(sql: string): string {
  const text = sql
    // Quoted strings ('' escapes a quote inside), and x'…' / X'…' hex literals.
    .replace(/[xX]?'(?:[^']|'')*'/g, "?")
    // Numbers standing alone (not part of an identifier such as t1 or col_2).
    .replace(/(?<![\w"`$.])-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b(?![\w"`])/g, "?")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_STATEMENT_TEXT ? `${text.slice(0, MAX_STATEMENT_TEXT)}…` : text;
}

/** The statement's first word (SELECT, INSERT …): the span's name. */
function operationOf(text: string): string {
  const match = /^[A-Za-z]+/.exec(text);
  return match ? match[0].toUpperCase() : "SQL";
}

interface OpenStatement {
  query: string;
  span: Span;
}

/**
 * One CLIENT span per SQL statement run inside a traced request, a child of the request's span
 * (statements of background work — the relay's polls — have no active span and are not traced).
 * A TypeORM subscriber: TypeORM tells it before and after each statement on a query runner;
 * statements on one runner run in order, so a runner's open statements are matched first in, first out.
 * Added to the DataSource only when tracing is on (CreateDataSourceOptions.querySubscribers):
 * with tracing off nothing is registered and nothing runs.
 */
export class SqlSpanSubscriber implements EntitySubscriberInterface {
  private readonly open = new WeakMap<QueryRunner, OpenStatement[]>();

  constructor(
    private readonly tracer: Tracer,
    /** `db.system.name`: "mariadb", "mysql" or "sqlite". */
    private readonly system: string,
  ) {}

  beforeQuery(event: BeforeQueryEvent): void {
    const active = context.active();
    if (!trace.getSpan(active)) return;
    const text = sanitizeStatement(event.query);
    const operation = operationOf(text);
    const span = this.tracer.startSpan(
      operation,
      {
        kind: SpanKind.CLIENT,
        attributes: { "db.system.name": this.system, "db.operation.name": operation, "db.query.text": text },
      },
      active,
    );
    let queue = this.open.get(event.queryRunner);
    if (!queue) this.open.set(event.queryRunner, (queue = []));
    queue.push({ query: event.query, span });
  }

  afterQuery(event: AfterQueryEvent): void {
    const queue = this.open.get(event.queryRunner);
    if (!queue?.length) return;
    const index = queue.findIndex((statement) => statement.query === event.query);
    if (index < 0) return;
    const [{ span }] = queue.splice(index, 1);
    if (!event.success) {
      // The driver's error code only: its message may quote the statement's values.
      const code = (event.error as { code?: unknown } | undefined)?.code;
      span.setAttribute("error.type", typeof code === "string" ? code : "Error");
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  }
}

/** The `db.system.name` of a TypeORM database type. */
export function databaseSystemOf(type: string): string {
  if (type === "sqljs" || type === "sqlite" || type === "better-sqlite3") return "sqlite";
  return type;
}
