import {
  beginMarkedContent,
  endMarkedContent,
  type PDFDocument,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
  PDFString,
} from 'pdf-lib';

/** A structure element's role (ISO 32000-1 §14.8.4), the few a one-page certificate uses. */
export type StructureRole = 'H1' | 'P' | 'Figure';

export interface StructureElement {
  readonly role: StructureRole;
  readonly alt?: string;
  readonly ref: PDFRef;
  readonly markedContent: number[];
}

/**
 * The logical structure of a one-page tagged PDF, which pdf-lib has no API for: every drawing is
 * wrapped either in a marked-content sequence owned by a structure element (read aloud, in the order
 * the elements were created), or as an Artifact (decoration screen readers skip). `finish` writes the
 * StructTreeRoot, its ParentTree and the catalogue entries that declare the document tagged.
 */
export class PdfStructure {
  readonly #pdf: PDFDocument;
  readonly #page: PDFPage;
  readonly #elements: StructureElement[] = [];
  #nextMcid = 0;

  constructor(pdf: PDFDocument, page: PDFPage) {
    this.#pdf = pdf;
    this.#page = page;
  }

  element(role: StructureRole, options: { alt?: string } = {}): StructureElement {
    const element = { role, ...options, ref: this.#pdf.context.nextRef(), markedContent: [] };
    this.#elements.push(element);
    return element;
  }

  /** Draws content that belongs to `element`, tagged with the next marked-content id. */
  content(element: StructureElement, draw: () => void): void {
    const mcid = this.#nextMcid++;
    element.markedContent.push(mcid);
    // pdf-lib has no operator for BDC with a property list; a string argument is written as it is.
    const begin = PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
      PDFName.of(element.role),
      `<< /MCID ${mcid} >>`,
    ]);
    this.#page.pushOperators(begin);
    draw();
    this.#page.pushOperators(endMarkedContent());
  }

  /** Draws decoration that is not part of the text a reader hears (frames, logos, a repeated badge). */
  artifact(draw: () => void): void {
    this.#page.pushOperators(beginMarkedContent('Artifact'));
    draw();
    this.#page.pushOperators(endMarkedContent());
  }

  finish(options: { language: string }): void {
    const { context, catalog } = this.#pdf;
    const pageRef = this.#page.ref;
    const rootRef = context.nextRef();
    const documentRef = context.nextRef();
    const used = this.#elements.filter((element) => element.markedContent.length > 0);
    for (const element of used) {
      context.assign(
        element.ref,
        context.obj({
          Type: 'StructElem',
          S: element.role,
          P: documentRef,
          Pg: pageRef,
          K: element.markedContent,
          ...(element.alt === undefined ? {} : { Alt: PDFString.of(element.alt) }),
        }),
      );
    }
    context.assign(
      documentRef,
      context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: used.map((element) => element.ref) }),
    );
    // The ParentTree maps the page's marked-content ids back to their elements (§14.7.4.4).
    const owners: PDFRef[] = [];
    for (const element of used) for (const mcid of element.markedContent) owners[mcid] = element.ref;
    const parentTree = context.obj({ Nums: [0, owners] });
    context.assign(
      rootRef,
      context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: parentTree, ParentTreeNextKey: 1 }),
    );
    this.#page.node.set(PDFName.of('StructParents'), context.obj(0));
    // Tab order follows the structure (PDF/UA-1 §7.18.3).
    this.#page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
    this.#pdf.setLanguage(options.language);
  }
}
