import canonicalizeModule from 'canonicalize';
import type { ExpandedValue } from './expanded-json-ld.js';
import type { Literal } from './rdf-quad.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_JSON = `${RDF}JSON`;
const RDF_LANG_STRING = `${RDF}langString`;
const XSD_BOOLEAN = `${XSD}boolean`;
const XSD_DOUBLE = `${XSD}double`;
const XSD_INTEGER = `${XSD}integer`;
const XSD_STRING = `${XSD}string`;

// The same JCS implementation jsonld.js uses for rdf:JSON; canonicalize is CommonJS whose default
// export is the function at run time but the module object at type level under NodeNext.
type Serialize = (input: unknown) => string | undefined;
const moduleValue = canonicalizeModule as unknown as Serialize | { default: Serialize };
const serialize: Serialize = typeof moduleValue === 'function' ? moduleValue : moduleValue.default;

// jsonld.js `types.isDouble`: a number written with a fraction or too large for xsd:integer's form.
// 1e-7 is not one (String gives "1e-7"), so like the reference it becomes the xsd:integer "0".
function isDouble(value: unknown): value is number {
  return typeof value === 'number' && (String(value).includes('.') || Math.abs(value) >= 1e21);
}

function literal(value: string, datatype: string, language?: string): Literal {
  const term = { termType: 'Literal', value, datatype: { termType: 'NamedNode', value: datatype } } as const;
  return language === undefined ? term : { ...term, language };
}

/**
 * A value object as an RDF literal (JSON-LD 1.1 API, Object to RDF Conversion), written exactly as
 * jsonld.js writes it: JSON booleans and numbers take their canonical xsd lexical forms (a
 * double as `d.ddddE±n` with up to 15 fraction digits, an integer in full), `@json` values
 * are JCS-serialized rdf:JSON, and the typed or language-tagged string otherwise.
 */
export function toRdfLiteral(item: ExpandedValue): Literal {
  const datatype = item.type;
  let value = item.value;
  if (datatype === '@json') {
    const json = serialize(value);
    if (json === undefined) throw new TypeError('a JSON literal without a JSON form');
    return literal(json, RDF_JSON);
  }
  if (typeof value === 'boolean') return literal(value.toString(), datatype || XSD_BOOLEAN);
  if (isDouble(value) || datatype === XSD_DOUBLE) {
    if (!isDouble(value)) value = Number.parseFloat(String(value));
    const double = (value as number).toExponential(15).replace(/(\d)0*e\+?/, '$1E');
    return literal(double, datatype || XSD_DOUBLE);
  }
  if (typeof value === 'number') return literal(value.toFixed(0), datatype || XSD_INTEGER);
  if (typeof value !== 'string') throw new TypeError('a literal value that is not a string');
  if (item.language !== undefined) return literal(value, RDF_LANG_STRING, item.language);
  return literal(value, datatype || XSD_STRING);
}
