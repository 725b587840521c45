import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GraphQLError } from "graphql";
import { loadConfig } from "../config";
import {
  documentHash,
  loadTrustedDocuments,
  parseManifest,
  resolveDocument,
  sha256Hex,
  trustedHttpRequest,
  trustedSubscriptionQuery,
  type TrustedDocuments,
} from "./trusted-documents";

const LISTED = "query Listed { __typename }";
const OTHER = "query Other { __typename }";
const LISTED_HASH = sha256Hex(LISTED);
const manifestOf = (...texts: string[]) => JSON.stringify(Object.fromEntries(texts.map((t) => [sha256Hex(t), t])));

describe("trusted documents: the manifests", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "arbetsliv-trusted-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("hashes with sha256 in lowercase hex, as the client preset's hashAlgorithm sha256 does", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // UTF-8 bytes, as the preset hashes them.
    expect(sha256Hex("å")).toBe(createHash("sha256").update(Buffer.from("å", "utf8")).digest("hex"));
  });

  it("reads a documentId as sha256:<hex> or the bare hex, any case, and nothing else", () => {
    expect(documentHash(`sha256:${LISTED_HASH}`)).toBe(LISTED_HASH);
    expect(documentHash(LISTED_HASH.toUpperCase())).toBe(LISTED_HASH);
    for (const bad of [
      undefined,
      null,
      42,
      "",
      "sha256:",
      `sha1:${LISTED_HASH}`,
      LISTED_HASH.slice(1),
      `${LISTED_HASH}0`,
    ])
      expect(documentHash(bad)).toBeNull();
  });

  it("accepts a client preset manifest and answers by hash and by exact text", () => {
    const { documents, problems } = loadTrustedDocuments([file("ok.json", manifestOf(LISTED))]);
    expect(problems).toEqual([]);
    expect(documents.size).toBe(1);
    expect(documents.text(LISTED_HASH)).toBe(LISTED);
    expect(documents.listed(LISTED)).toBe(true);
    expect(documents.listed(`${LISTED} `)).toBe(false);
    expect(documents.listed(OTHER)).toBe(false);
  });

  it("puts several teams' manifests side by side; a document in two of them counts once", () => {
    const a = file("team-a.json", manifestOf(LISTED));
    const b = file("team-b.json", manifestOf(LISTED, OTHER));
    const { documents, problems } = loadTrustedDocuments([a, b]);
    expect(problems).toEqual([]);
    expect(documents.size).toBe(2);
    expect(documents.files).toEqual([a, b]);
  });

  it("names the file and the entry of every bad entry: wrong hash, text that does not parse, bad key, no text", () => {
    const wrong = sha256Hex("something else");
    const broken = "query { ";
    const { problems } = parseManifest(
      "team.json",
      JSON.stringify({
        [wrong]: LISTED,
        [sha256Hex(broken)]: broken,
        "not-a-hash": LISTED,
        [sha256Hex(OTHER)]: 7,
      }),
    );
    expect(problems).toEqual([
      `TRUSTED_DOCUMENTS: team.json: entry "${wrong}": the key is not the sha256 of its text (that is ${LISTED_HASH}); generate the manifest with hashAlgorithm "sha256" and do not edit it`,
      expect.stringMatching(
        new RegExp(
          `^TRUSTED_DOCUMENTS: team\\.json: entry "${sha256Hex(broken)}": the text does not parse: Syntax Error`,
        ),
      ),
      'TRUSTED_DOCUMENTS: team.json: entry "not-a-hash": the key must be a sha256 (64 hex digits, optionally "sha256:" before them)',
      `TRUSTED_DOCUMENTS: team.json: entry "${sha256Hex(OTHER)}": the value must be the document's text`,
    ]);
  });

  it("names a sha1 manifest's first entries only, then how many more", () => {
    const texts = Array.from({ length: 8 }, (_, i) => `query Q${i} { __typename }`);
    const sha1 = Object.fromEntries(texts.map((t) => [createHash("sha1").update(t).digest("hex"), t]));
    const { problems, entries } = parseManifest("sha1.json", JSON.stringify(sha1));
    expect(entries).toEqual([]);
    // A sha1 key (40 digits) is not a sha256 at all.
    expect(problems).toHaveLength(6);
    expect(problems[5]).toBe("TRUSTED_DOCUMENTS: sha1.json: 3 more entries with problems");
  });

  it("refuses a file that is missing, not JSON, not an object or empty, naming it", () => {
    const missing = join(dir, "missing.json");
    const { problems } = loadTrustedDocuments([
      missing,
      file("bad.json", "{ nope"),
      file("array.json", "[]"),
      file("empty.json", "{}"),
    ]);
    expect(problems).toEqual([
      `TRUSTED_DOCUMENTS: cannot read ${missing} (ENOENT)`,
      expect.stringMatching(new RegExp(`^TRUSTED_DOCUMENTS: ${join(dir, "bad.json")} is not valid JSON`)),
      `TRUSTED_DOCUMENTS: ${join(dir, "array.json")} must be a JSON object of sha256 → document text (the client preset's persisted-documents.json)`,
      `TRUSTED_DOCUMENTS: ${join(dir, "empty.json")} holds no documents`,
    ]);
  });

  it("is read by loadConfig: a bad manifest is a configuration problem; GraphiQL is off with a list and refused on", () => {
    const good = file("config-good.json", manifestOf(LISTED));
    const bad = file("config-bad.json", JSON.stringify({ [sha256Hex("x")]: LISTED }));
    expect(loadConfig({ NODE_ENV: "test", TRUSTED_DOCUMENTS: ` ${good} , ` }).trustedDocuments?.size).toBe(1);
    expect(loadConfig({ NODE_ENV: "test" }).trustedDocuments).toBeNull();
    expect(loadConfig({ NODE_ENV: "development", TRUSTED_DOCUMENTS: good }).graphiql).toBe(false);
    expect(() => loadConfig({ NODE_ENV: "test", TRUSTED_DOCUMENTS: `${good},${bad}` })).toThrow(
      `TRUSTED_DOCUMENTS: ${bad}: entry "${sha256Hex("x")}": the key is not the sha256 of its text`,
    );
    expect(() => loadConfig({ NODE_ENV: "development", TRUSTED_DOCUMENTS: good, GRAPHIQL: "true" })).toThrow(
      "GRAPHIQL cannot be on with TRUSTED_DOCUMENTS",
    );
  });
});

describe("trusted documents: which document a request runs", () => {
  const trusted: TrustedDocuments = {
    files: ["test.json"],
    size: 1,
    text: (hash) => (hash === LISTED_HASH ? LISTED : undefined),
    listed: (query) => query === LISTED,
  };
  const unknown = sha256Hex(OTHER);
  const code = (r: ReturnType<typeof resolveDocument>) =>
    "refusal" in r ? `${r.refusal.status} ${r.refusal.code} ${r.refusal.field}` : r.query;

  it("with a list: an id or an APQ hash is looked up, a text must be listed, both at once is refused", () => {
    expect(code(resolveDocument(trusted, { documentId: `sha256:${LISTED_HASH}` }))).toBe(LISTED);
    expect(code(resolveDocument(trusted, { documentId: LISTED_HASH }))).toBe(LISTED);
    expect(code(resolveDocument(trusted, { persistedQuery: { version: 1, sha256Hash: LISTED_HASH } }))).toBe(LISTED);
    expect(code(resolveDocument(trusted, { query: LISTED }))).toBe(LISTED);
    expect(code(resolveDocument(trusted, { documentId: `sha256:${unknown}` }))).toBe(
      "400 PERSISTED_DOCUMENT_NOT_FOUND documentId",
    );
    expect(code(resolveDocument(trusted, { persistedQuery: { version: 1, sha256Hash: unknown } }))).toBe(
      "400 PERSISTED_DOCUMENT_NOT_FOUND extensions.persistedQuery.sha256Hash",
    );
    expect(code(resolveDocument(trusted, { query: OTHER }))).toBe("400 OPERATION_NOT_TRUSTED query");
    // APQ's "register" form: the text decides, not the hash sent beside it.
    expect(code(resolveDocument(trusted, { query: OTHER, persistedQuery: { sha256Hash: LISTED_HASH } }))).toBe(
      "400 OPERATION_NOT_TRUSTED query",
    );
    expect(code(resolveDocument(trusted, { documentId: LISTED_HASH, query: LISTED }))).toBe(
      "400 BAD_REQUEST documentId",
    );
    expect(code(resolveDocument(trusted, { documentId: "md5:abc" }))).toBe("400 BAD_REQUEST documentId");
    expect(code(resolveDocument(trusted, {}))).toBeUndefined();
  });

  it("without a list: a documentId is refused, anything else passes untouched", () => {
    expect(code(resolveDocument(null, { documentId: LISTED_HASH }))).toBe(
      "400 PERSISTED_DOCUMENT_NOT_SUPPORTED documentId",
    );
    expect(code(resolveDocument(null, { query: OTHER, persistedQuery: { sha256Hash: unknown } }))).toBe(OTHER);
  });

  it("refusals carry English and Swedish", () => {
    const r = resolveDocument(trusted, { query: OTHER });
    expect("refusal" in r && r.refusal.message.en).toMatch(/runs only trusted documents/);
    expect("refusal" in r && r.refusal.message.sv).toMatch(/kör bara betrodda dokument/);
  });

  it("over HTTP: a POST body's id becomes its text, other fields kept, the APQ extension removed", () => {
    const body = { documentId: `sha256:${LISTED_HASH}`, variables: { a: 1 }, operationName: "Listed" };
    expect(trustedHttpRequest(trusted, "POST", body, "")).toEqual({
      body: { query: LISTED, variables: { a: 1 }, operationName: "Listed" },
      search: "",
    });
    const apq = { extensions: { persistedQuery: { version: 1, sha256Hash: LISTED_HASH }, trace: true } };
    expect(trustedHttpRequest(trusted, "POST", apq, "")).toEqual({
      body: { query: LISTED, extensions: { trace: true } },
      search: "",
    });
    // A listed text goes on as it came: the same object, nothing copied.
    const text = { query: LISTED };
    expect((trustedHttpRequest(trusted, "POST", text, "") as { body: unknown }).body).toBe(text);
    expect(trustedHttpRequest(trusted, "POST", { query: OTHER }, "")).toMatchObject({
      refusal: { code: "OPERATION_NOT_TRUSTED" },
    });
  });

  it("over HTTP: GET parameters' documentId becomes the query parameter", () => {
    const search = `?documentId=sha256%3A${LISTED_HASH}&variables=%7B%7D`;
    const next = trustedHttpRequest(trusted, "GET", undefined, search) as { search: string };
    const params = new URLSearchParams(next.search);
    expect(params.get("query")).toBe(LISTED);
    expect(params.get("documentId")).toBeNull();
    expect(params.get("variables")).toBe("{}");
    expect(trustedHttpRequest(trusted, "GET", undefined, `?query=${encodeURIComponent(OTHER)}`)).toMatchObject({
      refusal: { code: "OPERATION_NOT_TRUSTED" },
    });
    expect(trustedHttpRequest(null, "GET", undefined, `?documentId=${LISTED_HASH}`)).toMatchObject({
      refusal: { code: "PERSISTED_DOCUMENT_NOT_SUPPORTED" },
    });
    expect(trustedHttpRequest(null, "GET", undefined, "?query=x")).toEqual({ body: undefined, search: "?query=x" });
  });

  it("over graphql-ws: the same list; refusals are GraphQL errors with the code and the Swedish text", () => {
    expect(trustedSubscriptionQuery(trusted, { query: "", documentId: LISTED_HASH } as { query: string })).toBe(LISTED);
    expect(trustedSubscriptionQuery(trusted, { query: LISTED })).toBe(LISTED);
    const refused = trustedSubscriptionQuery(trusted, { query: OTHER }) as GraphQLError[];
    expect(refused[0]).toBeInstanceOf(GraphQLError);
    expect(refused[0].extensions).toEqual({ code: "OPERATION_NOT_TRUSTED", field: "query" });
    expect((refused[0] as unknown as { swedishMessage: string }).swedishMessage).toMatch(/betrodda/);
    expect(trustedSubscriptionQuery(null, { query: OTHER })).toBe(OTHER);
  });
});
