import type { DocumentNode } from "graphql";

/**
 * Parsed and validated documents by query text, least recently used first, bounded by count and
 * by text (a parsed document weighs several times its text). A hit skips parsing and validation,
 * and gives the compiled executor the same DocumentNode again, so its compiled query is reused
 * (it keeps them per document). Only valid documents are kept: an invalid one is parsed and
 * answered anew each time.
 */
export class ValidDocuments {
  private readonly documents = new Map<string, DocumentNode>();
  private text = 0;

  constructor(
    private readonly maxDocuments = 1_000,
    private readonly maxText = 2_000_000,
  ) {}

  get(query: string): DocumentNode | undefined {
    const document = this.documents.get(query);
    if (document) {
      // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
      this.documents.delete(query);
      this.documents.set(query, document);
    }
    return document;
  }

  set(query: string, document: DocumentNode): void {
    if (this.documents.has(query)) return;
    this.documents.set(query, document);
    this.text += query.length;
    while (this.documents.size > this.maxDocuments || this.text > this.maxText) {
      const oldest = this.documents.keys().next().value as string;
      this.documents.delete(oldest);
      this.text -= oldest.length;
    }
  }

  get size(): number {
    return this.documents.size;
  }
}
