import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Why an address is not one the fetcher connects to (RFC 6890 special-purpose registries). */
export type RefusedAddressKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'not-global';

type Subnet = readonly [network: string, prefix: number];

const V4: readonly (readonly [RefusedAddressKind, readonly Subnet[]])[] = [
  // "This network" (0/8) includes 0.0.0.0, which Linux connects to the local host.
  ['unspecified', [['0.0.0.0', 8]]],
  ['loopback', [['127.0.0.0', 8]]],
  [
    'private',
    [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
  ],
  ['link-local', [['169.254.0.0', 16]]],
  // Carrier-grade NAT (RFC 6598): the provider's side of the network, never a public server.
  ['shared', [['100.64.0.0', 10]]],
  ['multicast', [['224.0.0.0', 4]]],
  ['broadcast', [['255.255.255.255', 32]]],
  [
    'documentation',
    [
      ['192.0.2.0', 24],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
    ],
  ],
  ['benchmarking', [['198.18.0.0', 15]]],
  [
    'reserved',
    [
      ['192.0.0.0', 24],
      ['192.88.99.0', 24],
      ['240.0.0.0', 4],
    ],
  ],
];

const V6: readonly (readonly [RefusedAddressKind, readonly Subnet[]])[] = [
  ['unspecified', [['::', 128]]],
  ['loopback', [['::1', 128]]],
  ['private', [['fc00::', 7]]],
  [
    'link-local',
    [
      ['fe80::', 10],
      ['fec0::', 10],
    ],
  ],
  ['multicast', [['ff00::', 8]]],
  [
    'documentation',
    [
      ['2001:db8::', 32],
      ['3fff::', 20],
    ],
  ],
  ['benchmarking', [['2001:2::', 48]]],
  // IETF protocol assignments (Teredo, ORCHID…), 6to4 (which tunnels to any IPv4 address), local NAT64.
  [
    'reserved',
    [
      ['2001::', 23],
      ['2002::', 16],
      ['64:ff9b:1::', 48],
    ],
  ],
];

function blockLists(table: typeof V4, type: 'ipv4' | 'ipv6') {
  return table.map(([kind, subnets]) => {
    const list = new BlockList();
    for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
    return [kind, list] as const;
  });
}

const REFUSED_V4 = blockLists(V4, 'ipv4');
const REFUSED_V6 = blockLists(V6, 'ipv6');
// Only global unicast (2000::/3) is ever a public server; everything outside it is refused unless it
// embeds an IPv4 address (below), which is then judged as IPv4.
const GLOBAL_V6 = new BlockList();
GLOBAL_V6.addSubnet('2000::', 3, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (already known valid). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The IPv4 address an IPv6 address carries and stands for: IPv4-mapped (`::ffff:a.b.c.d`, which the
 * socket layer connects over IPv4), IPv4-compatible (`::a.b.c.d`), and the NAT64 well-known prefix
 * (64:ff9b::/96, which a gateway forwards to that IPv4 address).
 */
function embeddedIpv4(groups: readonly number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const zeroHead = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  const mapped = zeroHead && (g5 === 0xffff || (g5 === 0 && g6 !== 0));
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if (!mapped && !nat64) return undefined;
  return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
}

/**
 * Why the fetcher must not connect to `address`, or null when it is a public unicast address. Anything
 * that is not a plain IP address (a zone index such as `fe80::1%eth0`, a name) is refused as `reserved`.
 */
export function refusedAddressKind(address: string): RefusedAddressKind | null {
  if (isIPv4(address)) return REFUSED_V4.find(([, list]) => list.check(address, 'ipv4'))?.[0] ?? null;
  if (!isIPv6(address) || address.includes('%')) return 'reserved';
  const v4 = embeddedIpv4(ipv6Groups(address));
  if (v4 !== undefined) return refusedAddressKind(v4);
  const kind = REFUSED_V6.find(([, list]) => list.check(address, 'ipv6'))?.[0];
  if (kind !== undefined) return kind;
  return GLOBAL_V6.check(address, 'ipv6') ? null : 'not-global';
}
