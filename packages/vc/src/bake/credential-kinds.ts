/** Which credential a baked image carries: an Open Badge 3.0 or a CLR 2.0. */
export type CredentialKind = 'ob' | 'clr';

/** PNG `iTXt` keywords (OB 3.0 §Baked Badge/PNG; CLR 2.0 as read by the 1EdTech validator's PngParser). */
export const OB_PNG_KEYWORD = 'openbadgecredential';
export const CLR_PNG_KEYWORD = 'clrcredential';
/** OB 2.0 baked an assertion (or its URL) under this keyword; recognised only to report it clearly. */
export const LEGACY_PNG_KEYWORD = 'openbadges';

export type CredentialPngKeyword = typeof OB_PNG_KEYWORD | typeof CLR_PNG_KEYWORD;

/** SVG namespaces of the `credential` element (OB 3.0 §Baked Badge/SVG; validator SvgParser.QNames). */
export const OB_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const CLR_SVG_NAMESPACE = 'https://purl.imsglobal.org/clr/v2p0';
/** OB 2.0 `<openbadges:assertion>`; recognised only to report it clearly. */
export const LEGACY_SVG_NAMESPACE = 'http://openbadges.org';

export type CredentialSvgNamespace = typeof OB_SVG_NAMESPACE | typeof CLR_SVG_NAMESPACE;

export const KIND_BY_PNG_KEYWORD: Readonly<Record<CredentialPngKeyword, CredentialKind>> = {
  [OB_PNG_KEYWORD]: 'ob',
  [CLR_PNG_KEYWORD]: 'clr',
};

export const KIND_BY_SVG_NAMESPACE: Readonly<Record<CredentialSvgNamespace, CredentialKind>> = {
  [OB_SVG_NAMESPACE]: 'ob',
  [CLR_SVG_NAMESPACE]: 'clr',
};

/** The prefix we declare when baking: `openbadges` as in the OB examples, `clr` for CLR. */
export const SVG_PREFIX_BY_NAMESPACE: Readonly<Record<CredentialSvgNamespace, string>> = {
  [OB_SVG_NAMESPACE]: 'openbadges',
  [CLR_SVG_NAMESPACE]: 'clr',
};

export function isCredentialPngKeyword(keyword: string): keyword is CredentialPngKeyword {
  return keyword === OB_PNG_KEYWORD || keyword === CLR_PNG_KEYWORD;
}

export function isCredentialSvgNamespace(namespace: string | undefined): namespace is CredentialSvgNamespace {
  return namespace === OB_SVG_NAMESPACE || namespace === CLR_SVG_NAMESPACE;
}
