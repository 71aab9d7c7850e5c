/** Which credential a baked image carries: an Open Badge 3.0, a CLR 2.0, or an Open Badges 2.0 assertion. */
export type CredentialKind = 'ob' | 'clr' | 'ob2';

/** PNG `iTXt` keywords (OB 3.0 §Baked Badge/PNG; CLR 2.0 as read by the 1EdTech validator's PngParser). */
export const OB_PNG_KEYWORD = 'openbadgecredential';
export const CLR_PNG_KEYWORD = 'clrcredential';
/** OB 2.0 §Baking: the assertion JSON, its signed JWS, or a hosted assertion's URL. */
export const OB2_PNG_KEYWORD = 'openbadges';

export type CredentialPngKeyword = typeof OB_PNG_KEYWORD | typeof CLR_PNG_KEYWORD | typeof OB2_PNG_KEYWORD;

/** SVG namespaces of the `credential` element (OB 3.0 §Baked Badge/SVG; validator SvgParser.QNames). */
export const OB_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const CLR_SVG_NAMESPACE = 'https://purl.imsglobal.org/clr/v2p0';
/** OB 2.0 §Baking: `<openbadges:assertion verify="JWS or URL">`, a hosted assertion's JSON in CDATA. */
export const OB2_SVG_NAMESPACE = 'http://openbadges.org';

export type CredentialSvgNamespace =
  | typeof OB_SVG_NAMESPACE
  | typeof CLR_SVG_NAMESPACE
  | typeof OB2_SVG_NAMESPACE;

export const KIND_BY_PNG_KEYWORD: Readonly<Record<CredentialPngKeyword, CredentialKind>> = {
  [OB_PNG_KEYWORD]: 'ob',
  [CLR_PNG_KEYWORD]: 'clr',
  [OB2_PNG_KEYWORD]: 'ob2',
};

export const KIND_BY_SVG_NAMESPACE: Readonly<Record<CredentialSvgNamespace, CredentialKind>> = {
  [OB_SVG_NAMESPACE]: 'ob',
  [CLR_SVG_NAMESPACE]: 'clr',
  [OB2_SVG_NAMESPACE]: 'ob2',
};

/** The local name of the element that carries the credential, per namespace. */
export const SVG_ELEMENT_BY_NAMESPACE: Readonly<Record<CredentialSvgNamespace, string>> = {
  [OB_SVG_NAMESPACE]: 'credential',
  [CLR_SVG_NAMESPACE]: 'credential',
  [OB2_SVG_NAMESPACE]: 'assertion',
};

/** The prefix we declare when baking: `openbadges` as in the OB 2.0 and 3.0 examples, `clr` for CLR. */
export const SVG_PREFIX_BY_NAMESPACE: Readonly<Record<CredentialSvgNamespace, string>> = {
  [OB_SVG_NAMESPACE]: 'openbadges',
  [CLR_SVG_NAMESPACE]: 'clr',
  [OB2_SVG_NAMESPACE]: 'openbadges',
};

export function isCredentialPngKeyword(keyword: string): keyword is CredentialPngKeyword {
  return keyword === OB_PNG_KEYWORD || keyword === CLR_PNG_KEYWORD || keyword === OB2_PNG_KEYWORD;
}

export function isCredentialSvgNamespace(namespace: string | undefined): namespace is CredentialSvgNamespace {
  return namespace === OB_SVG_NAMESPACE || namespace === CLR_SVG_NAMESPACE || namespace === OB2_SVG_NAMESPACE;
}
